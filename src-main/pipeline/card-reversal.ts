/**
 * Giving back a card charge whose receipt did not print: one void job per attempt (its own idempotency key, so a
 * crash never voids twice), the receipt's card state moved along, and a `pos_pending_void` event when the void
 * does not (yet) succeed. A void the terminal itself says took no effect (cut short by a power loss of the
 * terminal — for the simulated terminal, a crash of the hub) is sent again as a new attempt, a few times. Also
 * what the terminal's side does when a linked charge or void settles late.
 */
import type { PosResult } from '../domain/results.js';
import type { StoredJob } from '../journal/job-store.js';
import { cardOf, linkOfKey, OPEN_CARD_STAGES, posOf, reversalKey, reversalReference, setCard, chargeKey } from './card-state.js';
import { describePending } from './pending-voids.js';
import type { RunnerDeps } from './runner-deps.js';
import type { SubmitResult } from './contracts.js';

/** Attempts at a void in all, when the terminal keeps saying the earlier one took no effect. */
export const MAX_REVERSAL_ATTEMPTS = 5;

/**
 * The void failed, and the terminal said so about this very void: its own record of it ended without effect
 * (interrupted by a power loss, failed). The terminal is there and the charge is still live. A terminal that did
 * not answer at all, or refused the void (declined, already voided, batch closed), is not such a case: that is
 * for the cashier (GET /pos/pending-voids).
 */
function voidTookNoEffect(voidJob: StoredJob): boolean {
  const o = voidJob.outcome;
  return !!o && !o.ok && o.code === 'POS_UNREACHABLE' && o.pos !== undefined && o.pos.approved !== true;
}

/** Start (or, after a crash, re-attach to) the reversal of a receipt's approved card payment. */
export function startReversal(deps: RunnerDeps, receipt: StoredJob, pos: PosResult): SubmitResult | null {
  const card = cardOf(receipt);
  if (!card) return null;
  const attempt = card.state === 'reversing' ? (card.reversal_attempts ?? 1) : (card.reversal_attempts ?? 0) + 1;
  const key = reversalKey(receipt.id, attempt);
  const canVoid = card.kind === 'sale' || deps.registry.posRuntime(card.pos_device_id)?.driver.capabilities.has('void_refund') === true;
  if (!canVoid) {
    setCard(deps.store, receipt, { state: 'reversal_failed', note: 'this terminal cannot void a refund' }, pos);
    announce(deps, receipt.id);
    return null;
  }
  setCard(deps.store, receipt, { state: 'reversing', reversal_key: key, reversal_attempts: attempt }, pos);
  const sub = deps.submit({
    device_id: card.pos_device_id,
    operation: {
      type: 'void',
      ...(pos.rrn ? { rrn: pos.rrn } : {}),
      ...(pos.transaction_id ? { transaction_id: pos.transaction_id } : {}),
      reference: reversalReference(receipt.id, attempt),
    },
    source: 'internal',
    idempotency_key: key,
  });
  if (sub.kind !== 'accepted') {
    setCard(deps.store, receipt, { state: 'reversal_failed', note: sub.error });
    announce(deps, receipt.id);
  }
  return sub;
}

/** A reversal job of this receipt settled: record it; say so when it failed. */
export function reversalSettled(deps: RunnerDeps, receiptJobId: string, voidJob: StoredJob): void {
  const receipt = deps.store.get(receiptJobId);
  const card = cardOf(receipt);
  if (!receipt || !card || card.state !== 'reversing' || card.reversal_key !== voidJob.idempotency_key) return;
  if (voidJob.state === 'succeeded') setCard(deps.store, receipt, { state: 'reversed' });
  else if (voidJob.state === 'failed') {
    const failed = setCard(deps.store, receipt, { state: 'reversal_failed', note: voidJob.outcome && !voidJob.outcome.ok ? voidJob.outcome.error : '' });
    const pos = posOf(failed);
    if (pos && voidTookNoEffect(voidJob) && (card.reversal_attempts ?? 1) < MAX_REVERSAL_ATTEMPTS) {
      startReversal(deps, failed, pos);
      return;
    }
    announce(deps, receiptJobId);
  } else announce(deps, receiptJobId); // in doubt: still listed, being checked
}

/** After any card-terminal job finished: a late answer to a linked charge or reversal moves its receipt on. */
export function afterPosJob(deps: RunnerDeps, posJobId: string): void {
  const job = deps.store.get(posJobId);
  const link = linkOfKey(job?.idempotency_key ?? null);
  if (!job || !link) return;
  if (link.role === 'reversal') return reversalSettled(deps, link.receiptJobId, job);
  const receipt = deps.store.get(link.receiptJobId);
  const card = cardOf(receipt);
  if (!receipt || card?.state !== 'abandoned') return;
  if (job.state === 'succeeded' && job.outcome?.ok) startReversal(deps, receipt, job.outcome.result as unknown as PosResult);
  else if (job.state === 'failed') setCard(deps.store, receipt, { state: 'not_charged' });
}

/** At start-up: finish what a crash interrupted (a reversal decided but never sent, a charge given up on). */
export function sweepCardLinks(deps: RunnerDeps): void {
  for (const receipt of deps.store.listByProgress('$.card.state', ['abandoned', 'reversing'])) {
    const card = cardOf(receipt);
    if (!card) continue;
    if (card.state === 'reversing') {
      const pos = posOf(receipt);
      const existing = card.reversal_key ? deps.store.findByKey(card.reversal_key) : undefined;
      if (pos && !existing) startReversal(deps, receipt, pos);
      else if (existing && (existing.state === 'succeeded' || existing.state === 'failed')) reversalSettled(deps, receipt.id, existing);
      continue;
    }
    const charge = deps.store.findByKey(chargeKey(receipt.id, card.kind));
    if (charge && (charge.state === 'succeeded' || charge.state === 'failed')) afterPosJob(deps, charge.id);
  }
}

function announce(deps: RunnerDeps, receiptJobId: string): void {
  const receipt = deps.store.get(receiptJobId);
  if (!receipt || !OPEN_CARD_STAGES.includes(cardOf(receipt)?.state ?? 'reversed')) return;
  const entry = describePending(deps.store, receipt, deps.language());
  if (entry) deps.events.emit('pos_pending_void', entry);
}
