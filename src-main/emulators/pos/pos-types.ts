/** Types and amount rules of the simulated card terminal. Pure. */

export type PosTxKind = 'sale' | 'refund' | 'void' | 'settlement';

/** One line of the terminal's transaction log (JSONL). */
export interface PosTransaction {
  seq: number;
  kind: PosTxKind;
  datetime: string;
  batch: number;
  amount_cents: number;
  approved: boolean;
  /** ISO 8583-style response code: "00" approved, "51" insufficient funds, … */
  response_code: string;
  response_text: string;
  auth_code: string | null;
  rrn: string | null;
  card_masked: string | null;
  reference?: string;
  /** For refund (optional) and void (required): the original transaction's RRN. */
  original_rrn?: string;
  /** For settlement: the batch totals. */
  totals?: { count: number; total_cents: number; refunds_cents: number };
}

export interface PosRules {
  /** Amounts whose last two digits (cents) are one of these are declined (default ["51"]). */
  decline_suffixes: string[];
  /** Amounts whose last two digits are one of these never get an answer (default ["52"]). */
  timeout_suffixes: string[];
}

export const DEFAULT_POS_RULES: PosRules = { decline_suffixes: ['51'], timeout_suffixes: ['52'] };

export const DECLINE_TEXT = 'Fonduri insuficiente / Insufficient funds';

const suffix = (amount: number): string => (amount % 100).toString().padStart(2, '0');

/** What the bank would answer for this amount. */
export function ruleFor(amount: number, rules: PosRules): 'approve' | 'decline' | 'no_answer' {
  const s = suffix(amount);
  if (rules.timeout_suffixes.includes(s)) return 'no_answer';
  if (rules.decline_suffixes.includes(s)) return 'decline';
  return 'approve';
}

/** A transaction as answered to the host. */
export type PosAnswer = { kind: 'answer'; tx: PosTransaction } | { kind: 'no_answer' } | { kind: 'error'; code: string; text: string };
