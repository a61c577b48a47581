/**
 * A card charge (or card refund) whose fiscal receipt failed and that is not reversed on the terminal: the
 * cashier's to-do, listed at GET /pos/pending-voids and pushed as `pos_pending_void` events. Pure types.
 */

export type PendingVoidState =
  /** The reversal (void) is running or waiting to be checked on the terminal. */
  | 'in_progress'
  /** The terminal did not confirm the charge; FisCool is still asking it. */
  | 'checking'
  /** The reversal failed: retry it, or cancel the payment on the terminal by hand and mark it resolved. */
  | 'failed'
  /** The receipt's outcome is in doubt: check the register's last receipt before voiding. */
  | 'needs_check';

export interface PendingVoid {
  receipt_job_id: string;
  fiscal_device_id: string;
  pos_device_id: string;
  /** `sale`: a charge to give back; `refund`: money already refunded without a refund receipt. */
  kind: 'sale' | 'refund';
  amount_cents: number;
  rrn: string | null;
  auth_code: string | null;
  transaction_id: string | null;
  card_masked: string | null;
  state: PendingVoidState;
  /** Why the receipt failed. */
  receipt_error: { code: string; error: string } | null;
  void_job_id: string | null;
  void_error: string | null;
  /** What the cashier should do, in the configured language. */
  text: string;
  updated_at: string;
}
