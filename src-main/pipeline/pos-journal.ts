/**
 * What FisCool's journal knows about a terminal's past transactions: the original of a refund or a void (amount,
 * RRN, the acquirer's id), and the last approved transaction not voided yet ("void the last one").
 */
import type { PosCapability } from '../domain/driver-contract.js';
import type { PosDriverOperation, PosOperation, PosOriginal } from '../domain/operations.js';
import type { PosResult } from '../domain/results.js';
import type { JobStore, StoredJob } from '../journal/job-store.js';

function originalOf(job: StoredJob): PosOriginal | null {
  const o = job.outcome;
  if (!o?.ok) return null;
  const r = o.result as Partial<PosResult>;
  if (r.approved !== true || (job.operation.type !== 'sale' && job.operation.type !== 'refund')) return null;
  return {
    rrn: r.rrn ?? null,
    transaction_id: r.transaction_id ?? null,
    amount_cents: typeof r.amount_cents === 'number' ? r.amount_cents : null,
    kind: job.operation.type,
    reference: r.reference ?? null,
  };
}

function find(store: JobStore, deviceId: string, ids: { rrn?: string | undefined; transaction_id?: string | undefined }): PosOriginal | null {
  const byTx = ids.transaction_id ? store.findSucceededByResult(deviceId, 'transaction_id', ids.transaction_id) : undefined;
  const byRrn = !byTx && ids.rrn ? store.findSucceededByResult(deviceId, 'rrn', ids.rrn) : undefined;
  const job = byTx ?? byRrn;
  return job ? originalOf(job) : null;
}

/** The newest approved sale or refund of this terminal that no void cancelled. */
function lastLive(store: JobStore, deviceId: string): PosOriginal | null {
  const jobs = store.list({ device_id: deviceId, state: 'succeeded', limit: 500 });
  const voided = new Set<string>();
  for (const j of jobs) {
    if (j.operation.type !== 'void' || !j.outcome?.ok) continue;
    const v = (j.outcome.result as { voided?: { rrn?: string | null; transaction_id?: string | null } }).voided;
    if (v?.rrn) voided.add(`r:${v.rrn}`);
    if (v?.transaction_id) voided.add(`t:${v.transaction_id}`);
  }
  for (const j of jobs) {
    const o = originalOf(j);
    if (!o) continue;
    if ((o.rrn && voided.has(`r:${o.rrn}`)) || (o.transaction_id && voided.has(`t:${o.transaction_id}`))) continue;
    return o;
  }
  return null;
}

/**
 * The operation as the driver gets it: refunds and voids carry their original when the journal has it. A void
 * without a target on a family that cannot void "its last" gets the journal's last live transaction, or none.
 */
export function withOriginal(store: JobStore, deviceId: string, op: PosOperation, caps: ReadonlySet<PosCapability>): PosDriverOperation {
  if (op.type === 'refund' && (op.original_rrn || op.original_transaction_id)) {
    const original = find(store, deviceId, { rrn: op.original_rrn, transaction_id: op.original_transaction_id });
    return original ? { ...op, original } : op;
  }
  if (op.type === 'void') {
    const named = op.rrn || op.transaction_id;
    const original = named ? find(store, deviceId, { rrn: op.rrn, transaction_id: op.transaction_id }) : caps.has('void_last') ? null : lastLive(store, deviceId);
    return original ? { ...op, original } : op;
  }
  return op;
}

/** The capability an operation needs, or null when every card terminal can do it. */
export function capabilityFor(op: PosOperation): PosCapability | PosCapability[] {
  switch (op.type) {
    case 'refund':
      return op.original_rrn || op.original_transaction_id ? 'refund_referenced' : 'refund_unreferenced';
    case 'void':
      return op.rrn || op.transaction_id ? 'void_referenced' : ['void_last', 'void_referenced'];
    default:
      return op.type;
  }
}
