/**
 * The receipt draft and its print attempt, kept in the browser (localStorage) so a reload, a crashed window or a
 * restarted hub loses nothing: the attempt's Idempotency-Key and exact body survive until the receipt is settled,
 * and a retry replays the original job instead of printing a second receipt.
 */
import type { ReceiptDraft } from './draft.js';
import { reserveKeys } from './draft.js';

export type AttemptState = 'sending' | 'unknown' | 'in_doubt' | 'printed';

export interface PrintAttempt {
  /** One key per draft, from its first print attempt until it is settled. */
  key: string;
  deviceId: string;
  /** Exactly what was sent: a retry must send the same body under the same key. */
  operation: Record<string, unknown>;
  state: AttemptState;
  /** The hub's answer once printed (slip, total, change, card). */
  answer?: Record<string, unknown>;
  /** For in doubt: the hub's text and code. */
  doubt?: { error: string; code: string };
}

const KEY = 'fiscool.receipt';

export interface Saved {
  draft: ReceiptDraft;
  attempt: PrintAttempt | null;
}

export function loadSaved(): Saved | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Saved;
    if (!s || !Array.isArray(s.draft?.lines) || !Array.isArray(s.draft?.payments)) return null;
    reserveKeys(s.draft);
    // A page closed while a request was on its way: its outcome is unknown, ask again under the same key.
    if (s.attempt?.state === 'sending') s.attempt = { ...s.attempt, state: 'unknown' };
    return s;
  } catch {
    return null;
  }
}

export function save(s: Saved): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // storage full or disabled: the draft lives in memory only
  }
}
