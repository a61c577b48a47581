/**
 * Viva Local Terminal API `eventId` values (docs/devices/viva-local.md, sources [S15][S21]) and what each means
 * for FisCool: how the transaction ended, and whether money may have moved. Pure.
 */

export type VivaEventClass =
  /** Approved (eventId 0 with isSuccess). */
  | 'approved'
  /** The card, the issuer or the terminal refused the payment. */
  | 'declined'
  /** The customer cancelled on the terminal, or the ECR aborted. */
  | 'cancelled'
  /** The terminal timed out waiting for the customer. */
  | 'timeout'
  /** The terminal was busy with another request. */
  | 'busy'
  /** The terminal could not reach the acquirer (no money moved). */
  | 'offline'
  /** The request was refused (parameters, capability, original not found, …): nothing was done. */
  | 'rejected';

interface EventInfo {
  cls: VivaEventClass;
  en: string;
}

const EVENTS: Record<number, EventInfo> = {
  0: { cls: 'approved', en: 'Approved' },
  1000: { cls: 'cancelled', en: 'Cancelled by the customer' },
  1001: { cls: 'busy', en: 'The payment application is busy' },
  1002: { cls: 'rejected', en: 'Stored transactions must be voided first' },
  1003: { cls: 'timeout', en: 'The terminal timed out' },
  1004: { cls: 'declined', en: 'Declined by the terminal' },
  1006: { cls: 'declined', en: 'Declined by the acquirer' },
  1007: { cls: 'declined', en: 'Declined by the card' },
  1008: { cls: 'rejected', en: 'Transaction cannot be reversed' },
  1009: { cls: 'rejected', en: 'Amount not valid for a void' },
  1010: { cls: 'declined', en: 'Card not valid' },
  1011: { cls: 'rejected', en: 'No transactions found' },
  1012: { cls: 'rejected', en: 'The transaction does not exist' },
  1013: { cls: 'rejected', en: 'Could not start an ISV sale' },
  1014: { cls: 'rejected', en: 'Refunds are disabled for this merchant' },
  1016: { cls: 'cancelled', en: 'Aborted' },
  1017: { cls: 'rejected', en: 'Amount not valid for a capture' },
  1018: { cls: 'rejected', en: 'No parameters for this merchant' },
  1019: { cls: 'declined', en: 'Try another card' },
  1020: { cls: 'declined', en: 'Insufficient funds' },
  1021: { cls: 'rejected', en: 'Transaction cannot be reversed' },
  1099: { cls: 'rejected', en: 'Generic transaction error' },
  1100: { cls: 'busy', en: 'A request is already in progress' },
  1101: { cls: 'rejected', en: 'No parameters for the parent session' },
  1102: { cls: 'declined', en: 'Transaction expired' },
  2000: { cls: 'rejected', en: 'Location services are off' },
  3000: { cls: 'offline', en: 'The terminal is not connected' },
  3001: { cls: 'offline', en: 'Terminal connection error' },
  3002: { cls: 'offline', en: 'Terminal connection timed out' },
  3099: { cls: 'offline', en: 'Generic terminal error' },
  4000: { cls: 'offline', en: 'Network connection error' },
  6000: { cls: 'rejected', en: 'Wrong request parameters' },
  6102: { cls: 'rejected', en: 'Missing ISV role' },
  6201: { cls: 'rejected', en: 'Only a regular sale is allowed offline' },
};

/** 5000–5006: a capability the terminal lacks (MOTO, instalments, preauth, QR, void, tipping, sale). */
const CAPABILITY_RANGE = { from: 5000, to: 5006 };
/** 7001–7005: store-and-forward limits. */
const SAF_RANGE = { from: 7001, to: 7005 };

export function eventInfo(eventId: number): EventInfo {
  const known = EVENTS[eventId];
  if (known) return known;
  if (eventId >= CAPABILITY_RANGE.from && eventId <= CAPABILITY_RANGE.to) return { cls: 'rejected', en: 'Missing terminal capability' };
  if (eventId >= SAF_RANGE.from && eventId <= SAF_RANGE.to) return { cls: 'rejected', en: 'Offline (store-and-forward) limit reached' };
  return { cls: 'rejected', en: `Terminal error ${eventId}` };
}

/** The event ids the emulator and the tests use by name. */
export const VIVA_EVENT = {
  OK: 0,
  CANCELLED_BY_USER: 1000,
  BUSY: 1001,
  TERMINAL_TIMEOUT: 1003,
  DECLINED_BY_CARD: 1007,
  NOT_REVERSIBLE: 1008,
  BAD_VOID_AMOUNT: 1009,
  NOT_FOUND: 1012,
  ABORTED: 1016,
  INSUFFICIENT_FUNDS: 1020,
  GENERIC: 1099,
  GENERIC_TERMINAL: 3099,
  WRONG_PARAMETERS: 6000,
} as const;
