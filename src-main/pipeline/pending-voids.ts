/**
 * The cashier's to-do of card payments that are not matched by a receipt: charges whose receipt failed and whose
 * reversal did not (yet) succeed, derived from the journal (receipt jobs' card state and their POS jobs). Also the
 * two actions on them: retry the void, or mark it resolved by hand (cancelled on the terminal, money given back).
 */
import type { Language } from '../domain/error-codes.js';
import type { PendingVoid, PendingVoidState } from '../domain/pending-void.js';
import type { JobStore, StoredJob } from '../journal/job-store.js';
import { cardOf, chargeKey, OPEN_CARD_STAGES, posOf, setCard } from './card-state.js';
import type { RunnerDeps } from './runner-deps.js';

const TEXT: Record<PendingVoidState, Record<Language, string>> = {
  in_progress: {
    ro: 'Plata cu cardul se anulează pe terminal. Nu încasați din nou până nu se termină.',
    en: 'The card payment is being cancelled on the terminal. Do not charge again until it is done.',
  },
  checking: {
    ro: 'Terminalul nu a confirmat plata; FisCool îl întreabă din nou și o anulează dacă a trecut.',
    en: 'The terminal did not confirm the payment; FisCool asks it again and cancels the payment if it went through.',
  },
  failed: {
    ro: 'Plata cu cardul nu a putut fi anulată. Reîncercați anularea sau anulați plata de pe terminal, apoi marcați-o rezolvată.',
    en: 'The card payment could not be cancelled. Retry the void, or cancel it on the terminal, then mark it resolved.',
  },
  needs_check: {
    ro: 'Nu se știe dacă bonul s-a tipărit. Verificați ultimul bon pe casă: dacă lipsește, anulați plata.',
    en: 'It is not known whether the receipt printed. Check the last receipt on the register: if it is missing, void the payment.',
  },
};

function stateOf(store: JobStore, receipt: StoredJob): { state: PendingVoidState; voidJob: StoredJob | undefined } | null {
  const card = cardOf(receipt);
  if (!card) return null;
  const voidJob = card.reversal_key ? store.findByKey(card.reversal_key) : undefined;
  switch (card.state) {
    case 'approved':
      // Open only when the receipt job ended without printing (its outcome could not be established).
      return receipt.state === 'failed' ? { state: 'needs_check', voidJob } : null;
    case 'abandoned': {
      const charge = store.findByKey(chargeKey(receipt.id, card.kind));
      if (charge?.state === 'failed') return null;
      return { state: charge?.state === 'succeeded' ? 'in_progress' : 'checking', voidJob };
    }
    case 'reversing':
      return { state: voidJob?.state === 'failed' ? 'failed' : 'in_progress', voidJob };
    case 'reversal_failed':
      return { state: 'failed', voidJob };
    default:
      return null;
  }
}

export function describePending(store: JobStore, receipt: StoredJob, lang: Language): PendingVoid | null {
  const s = stateOf(store, receipt);
  const card = cardOf(receipt);
  if (!s || !card) return null;
  const pos = posOf(receipt);
  const o = receipt.outcome;
  const v = s.voidJob?.outcome;
  return {
    receipt_job_id: receipt.id,
    fiscal_device_id: receipt.device_id,
    pos_device_id: card.pos_device_id,
    kind: card.kind,
    amount_cents: pos?.amount_cents ?? card.amount_cents,
    rrn: pos?.rrn ?? null,
    auth_code: pos?.auth_code ?? null,
    transaction_id: pos?.transaction_id ?? null,
    card_masked: pos?.card_masked ?? null,
    state: s.state,
    receipt_error: o && !o.ok ? { code: o.code, error: o.error } : null,
    void_job_id: s.voidJob?.id ?? null,
    void_error: v && !v.ok ? v.error : (card.note ?? null) || null,
    text: TEXT[s.state][lang],
    updated_at: card.updated_at,
  };
}

export type PendingAction = { ok: true; entry: PendingVoid | null; void_job_id?: string } | { ok: false; status: 404 | 409; error: string };

export class PendingVoids {
  constructor(
    private readonly deps: RunnerDeps,
    private readonly startReversal: (deps: RunnerDeps, receipt: StoredJob) => string | null,
  ) {}

  list(): PendingVoid[] {
    const lang = this.deps.language();
    return this.deps.store
      .listByProgress('$.card.state', OPEN_CARD_STAGES)
      .filter((j) => j.state === 'failed' || j.state === 'succeeded')
      .map((j) => describePending(this.deps.store, j, lang))
      .filter((p): p is PendingVoid => p !== null);
  }

  /** Void again a charge whose void failed (or whose receipt is known, by the cashier, not to have printed). */
  retry(receiptJobId: string): PendingAction {
    const entry = this.#entry(receiptJobId);
    if ('error' in entry) return entry;
    if (entry.pending.state !== 'failed' && entry.pending.state !== 'needs_check') {
      return { ok: false, status: 409, error: `the void is ${entry.pending.state.replace('_', ' ')}; wait for it to finish` };
    }
    const jobId = this.startReversal(this.deps, entry.receipt);
    const after = this.deps.store.get(receiptJobId);
    return { ok: true, entry: after ? describePending(this.deps.store, after, this.deps.language()) : null, ...(jobId ? { void_job_id: jobId } : {}) };
  }

  /** The cashier settled it by hand (cancelled on the terminal, money given back): it leaves the list. */
  resolve(receiptJobId: string, note: string): PendingAction {
    const entry = this.#entry(receiptJobId);
    if ('error' in entry) return entry;
    if (entry.pending.state === 'in_progress' || entry.pending.state === 'checking') {
      return { ok: false, status: 409, error: `the terminal is still being asked (${entry.pending.state.replace('_', ' ')}); wait for it` };
    }
    setCard(this.deps.store, entry.receipt, { state: 'resolved_by_hand', note: note || 'resolved by hand' });
    return { ok: true, entry: null };
  }

  #entry(receiptJobId: string): { receipt: StoredJob; pending: PendingVoid } | { ok: false; status: 404; error: string } {
    const receipt = this.deps.store.get(receiptJobId);
    const pending = receipt && (receipt.state === 'failed' || receipt.state === 'succeeded') ? describePending(this.deps.store, receipt, this.deps.language()) : null;
    if (!receipt || !pending) return { ok: false, status: 404, error: `No pending void for receipt job ${receiptJobId}` };
    return { receipt, pending };
  }
}
