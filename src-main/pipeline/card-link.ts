/**
 * auto_send_card_to_pos: a receipt (or refund receipt) with card payments first charges (refunds) the linked
 * terminal — one POS job whose idempotency key is derived from the receipt's job, so a re-run never charges twice —
 * then prints with the approval on the receipt; a receipt that then fails provably (nothing printed) has its charge
 * voided, or leaves a pending void for the cashier. Every decision is written to the receipt's card state first
 * (card-state.ts), so a crash at any point is settled from the journal and the terminal's status inquiry.
 */
import { DeviceError, type DeviceErrorCode, type Language } from '../domain/error-codes.js';
import type { FiscalJobOperation, JobOutcome } from '../domain/jobs.js';
import type { PosOperation } from '../domain/operations.js';
import type { PosResult } from '../domain/results.js';
import type { StoredJob } from '../journal/job-store.js';
import { reversalSettled, startReversal } from './card-reversal.js';
import { cardOf, chargeKey, chargeReference, posOf, setCard } from './card-state.js';
import { emitPosPrompt } from './pos-prompt-events.js';
import type { RunnerDeps } from './runner-deps.js';

export interface CardLink {
  posId: string;
  kind: 'sale' | 'refund';
  amount: number;
  /** How long the receipt waits for a charge in doubt to be settled by the terminal's status inquiry. */
  waitMs: number;
}

export const DEFAULT_IN_DOUBT_WAIT_MS = 30_000;

/** The card part of a receipt job on a register linked to a terminal, or null. */
export function cardLinkFor(deps: RunnerDeps, job: StoredJob): CardLink | null {
  const config = deps.registry.fiscalConfig(job.device_id);
  const posId = config?.auto_send_card_to_pos ? (config.linked_pos_device_id ?? null) : null;
  const receipt = job.operation;
  if (!posId || (receipt.type !== 'print_receipt' && receipt.type !== 'print_refund')) return null;
  const type = receipt.type;
  if (receipt.close_action === 'void') return null;
  const amount = (receipt.payments ?? []).filter((p) => p.method === 'card').reduce((s, p) => s + p.amount_cents, 0);
  if (amount <= 0) return null;
  const wait = deps.registry.getPos(posId)?.config.options?.in_doubt_wait_ms;
  return { posId, kind: type === 'print_receipt' ? 'sale' : 'refund', amount, waitMs: typeof wait === 'number' ? wait : DEFAULT_IN_DOUBT_WAIT_MS };
}

/** Card-terminal errors → what the receipt answers (nothing was printed in every case). */
const RECEIPT_CODE: Partial<Record<DeviceErrorCode, DeviceErrorCode>> = {
  POS_DECLINED: 'POS_DECLINED',
  POS_CANCELLED: 'POS_CANCELLED',
  POS_TIMEOUT: 'POS_TIMEOUT',
  POS_BUSY: 'POS_BUSY',
  NOT_SUPPORTED: 'NOT_SUPPORTED',
  DEVICE_REJECTED: 'POS_DECLINED',
};

/**
 * Charge (or refund) the card. Resolves with the approved answer (recorded on the receipt job before anything is
 * printed); throws a DeviceError when the card was not charged, or POS_NOT_CONFIRMED when the terminal did not
 * settle it in time (the receipt then gives up and the charge, if it went through, is voided when it settles).
 */
export async function chargeCard(deps: RunnerDeps, job: StoredJob, link: CardLink): Promise<PosResult> {
  const card = cardOf(deps.store.get(job.id) ?? job);
  if (card?.state === 'abandoned') throw new DeviceError('POS_NOT_CONFIRMED', 'the terminal did not confirm the payment of this receipt in time');
  if (card && card.state !== 'charging' && card.state !== 'approved' && card.state !== 'not_charged') {
    // After a crash: the receipt had failed and its charge is being (or was) given back; never print it now.
    throw new DeviceError('POS_CANCELLED', `the receipt did not print and its card payment is given back (${card.state.replace(/_/g, ' ')})`);
  }
  const op = link.kind === 'sale' ? saleOf(job, link) : refundOf(deps, job, link);
  setCard(deps.store, job, { state: 'charging', kind: link.kind, pos_device_id: link.posId, amount_cents: link.amount });
  const sub = deps.submit({ device_id: link.posId, operation: op, source: 'internal', idempotency_key: chargeKey(job.id, link.kind) });
  if (sub.kind !== 'accepted') {
    setCard(deps.store, job, { state: 'not_charged' });
    throw new DeviceError(sub.kind === 'invalid' ? 'NOT_SUPPORTED' : 'POS_UNREACHABLE', sub.error);
  }
  // A replay (after a crash) may find the charge in doubt: wait for it no longer than for any charge in doubt.
  await settled(deps, sub.replayed ? await within(sub.done, link.waitMs, sub.job) : await sub.done, link.waitMs);
  // Decide in one synchronous step: a late answer of the terminal (card-reversal.ts) sees either this decision or
  // the approval, never neither.
  const charge = deps.store.get(sub.job.id);
  if (charge?.state === 'succeeded' && charge.outcome?.ok) {
    const pos = charge.outcome.result as unknown as PosResult;
    setCard(deps.store, job, { state: 'approved' }, pos);
    return pos;
  }
  if (charge?.state === 'failed' && charge.outcome && !charge.outcome.ok) {
    setCard(deps.store, job, { state: 'not_charged' });
    const o = charge.outcome;
    throw new DeviceError(RECEIPT_CODE[o.code] ?? 'POS_UNREACHABLE', o.device_error?.text ?? o.error, {
      ...(o.device_error ? { deviceError: o.device_error } : {}),
      ...(o.pos ? { pos: o.pos } : {}),
    });
  }
  setCard(deps.store, job, { state: 'abandoned' });
  emitPosPrompt(deps, sub.job, { stage: 'not_confirmed' });
  throw new DeviceError('POS_NOT_CONFIRMED', `the terminal did not settle the payment within ${link.waitMs} ms`);
}

function saleOf(job: StoredJob, link: CardLink): PosOperation {
  return { type: 'sale', amount: link.amount, reference: chargeReference(job.id, 'sale') };
}

/** A card refund refers to the original receipt's card payment when the journal has it. */
function refundOf(deps: RunnerDeps, job: StoredJob, link: CardLink): PosOperation {
  const slip = (job.operation as { original?: { slip_number?: number } }).original?.slip_number;
  const original = slip !== undefined ? deps.store.findSucceededByResult(job.device_id, 'slip_number', slip) : undefined;
  const pos = original?.outcome?.ok ? (original.outcome.result.pos as PosResult | undefined) : undefined;
  const caps = deps.registry.posRuntime(link.posId)?.driver.capabilities;
  if (!pos?.approved && caps && !caps.has('refund_unreferenced')) {
    throw new DeviceError(
      'NOT_SUPPORTED',
      slip === undefined
        ? 'this card terminal refunds only a known card payment: give original.slip_number of the receipt paid by card'
        : `receipt ${slip} has no card payment made through FisCool; this card terminal cannot refund without it`,
    );
  }
  return {
    type: 'refund',
    amount: link.amount,
    reference: chargeReference(job.id, 'refund'),
    ...(pos?.approved && pos.rrn ? { original_rrn: pos.rrn } : {}),
    ...(pos?.approved && pos.transaction_id ? { original_transaction_id: pos.transaction_id } : {}),
  };
}

/** The receipt as printed: the card approval (card, authorisation code, RRN) as text lines before the payment. */
export function withCardSlip(receipt: FiscalJobOperation, pos: PosResult, lang: Language): FiscalJobOperation {
  if (receipt.type !== 'print_receipt' && receipt.type !== 'print_refund') return receipt;
  const last4 = pos.card_masked ? pos.card_masked.slice(-4) : null;
  const title = receipt.type === 'print_refund' ? (lang === 'ro' ? 'RETUR CARD' : 'CARD REFUND') : lang === 'ro' ? 'PLATA CARD' : 'CARD PAYMENT';
  const lines = [
    `${title}${pos.card_brand ? ' ' + pos.card_brand : ''}${last4 ? ' ****' + last4 : ''}`,
    [pos.auth_code ? `AUT ${pos.auth_code}` : '', pos.rrn ? `RRN ${pos.rrn}` : ''].filter(Boolean).join(' ') || `TID ${pos.terminal_id}`,
  ].map((text) => ({ type: 'text' as const, text: text.slice(0, 72) }));
  return { ...receipt, lines: [...receipt.lines, ...lines] };
}

/** The receipt failed and printed nothing after the card was charged: void the charge, or leave a pending void. */
export async function reverseCard(deps: RunnerDeps, job: StoredJob, link: CardLink, outcome: JobOutcome): Promise<JobOutcome> {
  if (outcome.ok) return outcome;
  const receipt = deps.store.get(job.id) ?? job;
  const pos = posOf(receipt);
  if (!pos) return outcome;
  const sub = startReversal(deps, receipt, pos);
  let voided = false;
  if (sub?.kind === 'accepted') {
    const rec = await settled(deps, await sub.done, link.waitMs);
    reversalSettled(deps, job.id, rec);
    voided = rec.state === 'succeeded';
  }
  const lang = deps.language();
  const note =
    lang === 'ro'
      ? ' Plata cu cardul NU a putut fi anulată: vedeți „Anulări în așteptare”.'
      : ' The card payment could NOT be cancelled: see "Pending voids".';
  return {
    ...outcome,
    ...(voided ? {} : { error: outcome.error + note }),
    pos,
    pos_void: { state: voided ? 'voided' : 'pending', rrn: pos.rrn, amount_cents: pos.amount_cents ?? link.amount },
  };
}

/**
 * A receipt job that fails before anything is sent on this run, after an earlier run (before a crash or a
 * reconciliation that handed it back) charged its card or began to: the charge is settled as that run would have
 * (the same charge job, never a new one) and given back. Nothing to do on a first run (no card state yet).
 */
export async function failAfterEarlierCharge(deps: RunnerDeps, job: StoredJob, link: CardLink | null, outcome: JobOutcome): Promise<JobOutcome> {
  if (!link || outcome.ok) return outcome;
  const card = cardOf(deps.store.get(job.id) ?? job);
  if (card?.state !== 'charging' && card?.state !== 'approved') return outcome;
  if (!deps.store.findByKey(chargeKey(job.id, link.kind))) {
    setCard(deps.store, job, { state: 'not_charged' }); // the crash came before the charge was asked for
    return outcome;
  }
  try {
    await chargeCard(deps, job, link);
  } catch {
    return outcome; // not charged, or not confirmed yet (abandoned: voided when the terminal settles it)
  }
  return reverseCard(deps, job, link, outcome);
}

function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]).finally(() => clearTimeout(timer));
}

/** The job's record once it finished, or as it stands after `waitMs` more when it is in doubt. */
async function settled(deps: RunnerDeps, rec: { id: string; state: string }, waitMs: number): Promise<StoredJob> {
  const end = Date.now() + waitMs;
  let job = deps.store.get(rec.id);
  while (job && job.state !== 'succeeded' && job.state !== 'failed' && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    job = deps.store.get(rec.id);
  }
  if (!job) throw new Error(`job ${rec.id} vanished`);
  return job;
}
