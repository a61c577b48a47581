/**
 * auto_send_card_to_pos: a receipt with card payments first charges the linked terminal (one `sale` job, its own
 * idempotency key derived from the receipt's job, so a re-run never charges twice), then prints; if printing then
 * fails for good, the charge is voided.
 */
import { DeviceError } from '../domain/error-codes.js';
import type { PrintReceipt } from '../domain/operations.js';
import type { PosResult } from '../domain/results.js';
import type { StoredJob } from '../journal/job-store.js';
import type { RunnerDeps } from './runner-deps.js';

export function cardAmount(op: StoredJob['operation']): number {
  if (op.type !== 'print_receipt') return 0;
  const receipt = op as unknown as PrintReceipt;
  if (receipt.close_action === 'void') return 0;
  return (receipt.payments ?? []).filter((p) => p.method === 'card').reduce((s, p) => s + p.amount_cents, 0);
}

export async function chargeLinkedCard(deps: RunnerDeps, job: StoredJob, posId: string, amount: number): Promise<PosResult> {
  const sub = deps.submit({
    device_id: posId,
    operation: { type: 'sale', amount, reference: `receipt-${job.id}` },
    source: 'internal',
    idempotency_key: `job:${job.id}:pos-sale`,
  });
  if (sub.kind !== 'accepted') throw new DeviceError('POS_UNREACHABLE', sub.error);
  const done = await sub.done;
  const outcome = done.outcome;
  if (done.state === 'succeeded' && outcome?.ok) return outcome.result as unknown as PosResult;
  if (outcome && !outcome.ok) {
    const code = outcome.code === 'POS_DECLINED' ? 'POS_DECLINED' : 'POS_UNREACHABLE';
    throw new DeviceError(code, outcome.device_error?.text ?? outcome.error);
  }
  throw new DeviceError('POS_UNREACHABLE', 'the card terminal did not finish the payment');
}

export async function voidLinkedCard(deps: RunnerDeps, job: StoredJob, posId: string, pos: PosResult): Promise<void> {
  const sub = deps.submit({
    device_id: posId,
    operation: { type: 'void', ...(pos.rrn ? { rrn: pos.rrn } : {}) },
    source: 'internal',
    idempotency_key: `job:${job.id}:pos-void`,
  });
  if (sub.kind === 'accepted') await sub.done;
}
