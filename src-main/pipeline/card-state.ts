/**
 * The durable state of a receipt's card payment, kept in the receipt job's `progress.card` (the journal), so that
 * every decision — charge, print, give up, reverse — survives a crash and is taken exactly once:
 *
 *   charging → approved → (receipt printed: job succeeded)
 *            → not_charged                      (declined, cancelled, … : nothing to undo)
 *            → abandoned → reversing | not_charged   (the terminal did not confirm in time)
 *   approved → reversing → reversed | reversal_failed → reversing (retry) | resolved_by_hand
 *
 * The top-level `progress.pos` keeps the approved terminal answer (read by fiscal reconciliation).
 */
import type { PosResult } from '../domain/results.js';
import type { JobStore, StoredJob } from '../journal/job-store.js';

export type CardLinkStage =
  | 'charging'
  | 'approved'
  | 'not_charged'
  | 'abandoned'
  | 'reversing'
  | 'reversed'
  | 'reversal_failed'
  | 'resolved_by_hand';

export interface CardLinkState {
  state: CardLinkStage;
  kind: 'sale' | 'refund';
  pos_device_id: string;
  amount_cents: number;
  /** Idempotency key of the current reversal job. */
  reversal_key?: string;
  reversal_attempts?: number;
  note?: string;
  updated_at: string;
}

/** Receipts whose card payment still needs attention (GET /pos/pending-voids, start-up sweep). */
export const OPEN_CARD_STAGES: CardLinkStage[] = ['approved', 'abandoned', 'reversing', 'reversal_failed'];

export const chargeKey = (receiptJobId: string, kind: 'sale' | 'refund'): string => `job:${receiptJobId}:pos-${kind}`;
export const reversalKey = (receiptJobId: string, attempt: number): string =>
  attempt <= 1 ? `job:${receiptJobId}:pos-void` : `job:${receiptJobId}:pos-void:${attempt}`;
export const chargeReference = (receiptJobId: string, kind: 'sale' | 'refund'): string =>
  kind === 'sale' ? `receipt-${receiptJobId}` : `refund-${receiptJobId}`;
export const reversalReference = (receiptJobId: string, attempt: number): string =>
  attempt <= 1 ? `void-${receiptJobId}` : `void-${receiptJobId}-${attempt}`;

/** `job:<receipt>:pos-sale|pos-refund` or `job:<receipt>:pos-void[:n]` → which receipt and what. */
export function linkOfKey(key: string | null): { receiptJobId: string; role: 'charge' | 'reversal' } | null {
  const m = key ? /^job:([^:]+):pos-(sale|refund|void)(?::\d+)?$/.exec(key) : null;
  if (!m || !m[1]) return null;
  return { receiptJobId: m[1], role: m[2] === 'void' ? 'reversal' : 'charge' };
}

export function cardOf(job: Pick<StoredJob, 'progress'> | undefined): CardLinkState | null {
  const c = job?.progress?.card;
  return c && typeof c === 'object' ? (c as CardLinkState) : null;
}

export function posOf(job: Pick<StoredJob, 'progress'> | undefined): PosResult | null {
  const p = job?.progress?.pos;
  return p && typeof p === 'object' ? (p as PosResult) : null;
}

/** Write the card state (and the approved answer) of a receipt job, keeping the rest of its progress. */
export function setCard(store: JobStore, job: StoredJob, patch: Partial<CardLinkState> & { state: CardLinkStage }, pos?: PosResult): StoredJob {
  const fresh = store.get(job.id) ?? job;
  const before = cardOf(fresh);
  const card = { ...before, ...patch, updated_at: new Date().toISOString() } as CardLinkState;
  const progress = { ...(fresh.progress ?? {}), card, ...(pos ? { pos } : {}) };
  store.setProgress(job.id, progress);
  job.progress = progress;
  return { ...fresh, progress };
}
