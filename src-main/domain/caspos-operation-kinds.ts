/**
 * The Caspos-only native operations by effect, for the pipeline's two lists in operations.ts (kept apart from
 * operations-caspos.ts, which imports operations.ts, so that the two modules do not import each other). Pure.
 */

/** Change fiscal state: settled with the device after an interruption (by documentUUID), never re-run blindly. */
export const CASPOS_FISCAL_EFFECT = [
  'open_shift',
  'prepayment',
  'credit_sale',
  'prepaid_sale',
  'credit_pay',
  'money_back_manual',
  'rollback',
  'correction',
] as const;

/** Only read: safe to run again after a crash. */
export const CASPOS_READ_ONLY = ['get_shift_status', 'get_control_tape', 'periodic_report', 'check_printer'] as const;
