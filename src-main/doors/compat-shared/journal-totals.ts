/**
 * Totals since the last Z report, derived from the job journal (every receipt, refund and cash operation of
 * every door runs as a job there): UcsFPHub `GET totals` / `GET deposit` and ErpNet.FP `GET cash`.
 * `upTo` limits the sum to jobs up to and including one job, so a replayed answer is rendered identically.
 * Pure over the job list it is given.
 */
import type { JobRecord } from '../../domain/jobs.js';
import type { Payment, ReceiptLine } from '../../domain/operations.js';
import { computeReceipt } from '../../domain/receipt-math.js';

export interface JournalTotals {
  receipts: number;
  sales_by_group: Record<string, number>;
  refunds_by_group: Record<string, number>;
  sales_cents: number;
  refunds_cents: number;
  by_payment: Record<string, number>;
  deposits_cents: number;
  withdraws_cents: number;
  /** Cash the register reported after the last cash operation, moved on by later cash sales and refunds. */
  cash_cents: number;
  last_z_at: string | null;
}

const byTime = (a: JobRecord, b: JobRecord) =>
  a.created_at === b.created_at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.created_at < b.created_at ? -1 : 1;

export function journalTotals(jobs: JobRecord[], upTo?: JobRecord): JournalTotals {
  let ordered = jobs.filter((j) => j.state === 'succeeded' && j.outcome?.ok).sort(byTime);
  if (upTo) {
    const cut = ordered.findIndex((j) => j.id === upTo.id);
    if (cut >= 0) ordered = ordered.slice(0, cut + 1);
    else ordered = ordered.filter((j) => byTime(j, upTo) <= 0);
  }
  let lastZ = -1;
  ordered.forEach((j, i) => {
    if (j.operation.type === 'print_z') lastZ = i;
  });
  const t: JournalTotals = {
    receipts: 0,
    sales_by_group: {},
    refunds_by_group: {},
    sales_cents: 0,
    refunds_cents: 0,
    by_payment: {},
    deposits_cents: 0,
    withdraws_cents: 0,
    cash_cents: 0,
    last_z_at: lastZ >= 0 ? (ordered[lastZ]?.finished_at ?? null) : null,
  };
  for (const j of ordered.slice(lastZ + 1)) {
    const op = j.operation;
    const result = j.outcome?.ok ? j.outcome.result : {};
    if (op.type === 'deposit_cash' || op.type === 'withdraw_cash') {
      const amount = typeof op.amount === 'number' ? op.amount : 0;
      if (op.type === 'deposit_cash') t.deposits_cents += amount;
      else t.withdraws_cents += amount;
      const drawer = result.cash_in_drawer_cents;
      t.cash_cents =
        typeof drawer === 'number' ? drawer : t.cash_cents + (op.type === 'deposit_cash' ? amount : -amount);
      continue;
    }
    if (op.type !== 'print_receipt' && op.type !== 'print_refund') continue;
    if (result.voided === true) continue;
    const math = computeReceipt(
      {
        lines: op.lines as ReceiptLine[],
        payments: op.payments as Payment[] | undefined,
        receipt_discount: op.receipt_discount as never,
      },
      (vat) => ({ group: vat }),
    );
    if (!math.ok) continue;
    const refund = op.type === 'print_refund';
    const sign = refund ? -1 : 1;
    t.receipts++;
    const groups = refund ? t.refunds_by_group : t.sales_by_group;
    for (const [g, v] of Object.entries(math.totals.by_vat_group)) groups[g] = (groups[g] ?? 0) + v;
    if (refund) t.refunds_cents += math.totals.total_cents;
    else t.sales_cents += math.totals.total_cents;
    for (const p of math.totals.payments) {
      const amount = p.method === 'cash' ? p.amount_cents - math.totals.change_cents : p.amount_cents;
      t.by_payment[p.method] = (t.by_payment[p.method] ?? 0) + sign * amount;
      if (p.method === 'cash') t.cash_cents += sign * amount;
    }
  }
  return t;
}
