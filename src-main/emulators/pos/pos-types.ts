/**
 * Types, amount rules and customer timing of the virtual card terminal (the bank side every terminal emulator
 * shares: the in-process simulated terminal and the protocol front-ends). Pure.
 */

export type PosTxKind = 'sale' | 'refund' | 'void' | 'settlement';

/** Where a transaction is. `interrupted`: the terminal lost power before it finished (never approved). */
export type PosTxState = 'in_progress' | 'approved' | 'declined' | 'cancelled' | 'timeout' | 'interrupted' | 'failed';

/** The stages a card transaction goes through, reported to the ECR as prompts. */
export type PosStage = 'waiting_for_card' | 'pin' | 'processing' | 'approved' | 'declined' | 'cancelled' | 'timeout';

/** One transaction of the terminal's log (JSONL; the last record of a `txid` wins). */
export interface PosTransaction {
  seq: number;
  /** The terminal's (acquirer's) id of the transaction. Older logs have none: `legacy-<seq>`. */
  txid: string;
  kind: PosTxKind;
  state: PosTxState;
  datetime: string;
  batch: number;
  amount_cents: number;
  approved: boolean;
  /** ISO 8583-style response code: "00" approved, "51" insufficient funds, "C1" cancelled, "T1" timed out, … */
  response_code: string;
  response_text: string;
  auth_code: string | null;
  rrn: string | null;
  stan: string | null;
  card_masked: string | null;
  card_brand: string | null;
  /** The ECR's reference (its session id) and its free merchant reference. */
  reference?: string;
  merchant_reference?: string;
  /** For refunds (referenced) and voids: the original transaction. */
  original_rrn?: string;
  original_txid?: string;
  /** For settlement: the batch totals. */
  totals?: { count: number; total_cents: number; refunds_cents: number };
}

export interface PosRules {
  /** Amounts whose last two digits (cents) are one of these are declined: insufficient funds (default ["51"]). */
  decline_suffixes: string[];
  /** … never get an answer: the terminal drops the request and records nothing (default ["52"]). */
  timeout_suffixes: string[];
  /** … are cancelled by the customer on the terminal (default ["53"]). */
  cancel_suffixes: string[];
  /** … time out on the terminal: no card is presented (default ["54"]). */
  card_timeout_suffixes: string[];
  /** … are approved, but the answer to the ECR is lost (default ["55"]). */
  answer_lost_suffixes: string[];
  /** Amounts above this ask for the PIN (contactless limit, default 100.00). */
  pin_above_cents: number;
  /** Amounts above this are declined (exceeds the card's limit); null = no limit. */
  decline_above_cents: number | null;
}

export const DEFAULT_POS_RULES: PosRules = {
  decline_suffixes: ['51'],
  timeout_suffixes: ['52'],
  cancel_suffixes: ['53'],
  card_timeout_suffixes: ['54'],
  answer_lost_suffixes: ['55'],
  pin_above_cents: 10_000,
  decline_above_cents: null,
};

/** How long the customer (and the bank) take at each stage, ms. Zero by default. */
export interface PosDelays {
  card_ms: number;
  pin_ms: number;
  auth_ms: number;
}
export const ZERO_DELAYS: PosDelays = { card_ms: 0, pin_ms: 0, auth_ms: 0 };

export type PosRule = 'approve' | 'decline' | 'no_answer' | 'cancel' | 'card_timeout' | 'answer_lost' | 'over_limit';

const suffix = (amount: number): string => (amount % 100).toString().padStart(2, '0');

/** What the bank (and the customer) will do for this amount. */
export function ruleFor(amount: number, rules: PosRules): PosRule {
  const s = suffix(amount);
  if (rules.timeout_suffixes.includes(s)) return 'no_answer';
  if (rules.decline_suffixes.includes(s)) return 'decline';
  if (rules.cancel_suffixes.includes(s)) return 'cancel';
  if (rules.card_timeout_suffixes.includes(s)) return 'card_timeout';
  if (rules.answer_lost_suffixes.includes(s)) return 'answer_lost';
  if (rules.decline_above_cents !== null && amount > rules.decline_above_cents) return 'over_limit';
  return 'approve';
}

/** The terminal's final answer per outcome: response code and "ro / en" text. */
export const OUTCOME_TEXT = {
  approved: { code: '00', text: 'Aprobat / Approved' },
  insufficient: { code: '51', text: 'Fonduri insuficiente / Insufficient funds' },
  over_limit: { code: '61', text: 'Limită depășită / Exceeds withdrawal limit' },
  cancelled: { code: 'C1', text: 'Anulat de client / Cancelled by the customer' },
  aborted: { code: 'C2', text: 'Anulat de casă / Aborted by the ECR' },
  timeout: { code: 'T1', text: 'Timp expirat: niciun card / Timed out: no card presented' },
  interrupted: { code: 'P1', text: 'Întrerupt de o pană de curent / Interrupted by a power loss' },
} as const;

export const DECLINE_TEXT = OUTCOME_TEXT.insufficient.text;

/** A request the terminal refused at once (nothing started). */
export interface PosRefusal {
  kind: 'refused';
  code: 'BUSY' | 'NOT_FOUND' | 'ALREADY_VOIDED' | 'BATCH_CLOSED' | 'INVALID_AMOUNT' | 'REFERENCE_USED' | 'OFFLINE';
  text: string;
}
