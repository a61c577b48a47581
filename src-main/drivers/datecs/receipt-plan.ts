/**
 * A fiscal receipt as the sequence of Datecs steps that prints it, with the state the register must report after
 * each step (sales registered, running total, paid so far). Pure: the flow uses it to send the receipt, to verify the
 * open receipt before paying, and to find where a receipt stands after an answer was lost.
 */
import { DeviceError } from '../../domain/error-codes.js';
import type { Discount, PaymentMethod, ReceiptOperation } from '../../domain/operations.js';
import { computeReceipt } from '../../domain/receipt-math.js';
import { resolveVat, type VatRates } from '../../domain/vat.js';
import type { Adjustment } from '../../protocols/datecs/values.js';
import { wrapText } from '../../protocols/datecs/wrap.js';
import type { SaleItem, TransactionState } from './commands.js';

export type ReceiptStep =
  | { kind: 'open' }
  | { kind: 'sale'; item: SaleItem }
  | { kind: 'text'; text: string }
  | { kind: 'subtotal'; adjustment?: Adjustment }
  | { kind: 'pay'; method: PaymentMethod; amount_cents: number };

/** What the register reports about the open receipt (cmd 76 / 0x4C). */
export interface ExpectedState {
  items: number;
  amount_cents: number;
  paid_cents: number;
}

export interface ReceiptPlan {
  steps: ReceiptStep[];
  /** `after[i]`: the register's state once step i took effect. */
  after: ExpectedState[];
  /** Index of the first payment step (= number of registration steps). */
  payAt: number;
  items: number;
  total_cents: number;
  change_cents: number;
}

export const toAdjustment = (d: Discount | undefined): Adjustment | undefined =>
  d === undefined
    ? undefined
    : d.kind === 'percent'
      ? { kind: 'percent', basis_points: d.basis_points, surcharge: d.is_surcharge ?? false }
      : { kind: 'amount', amount_cents: d.amount_cents, surcharge: d.is_surcharge ?? false };

export function planReceipt(op: ReceiptOperation, rates: VatRates, textWidth: number): ReceiptPlan {
  const computed = computeReceipt(op, (v) => resolveVat(v, rates));
  if (!computed.ok) throw new DeviceError('DEVICE_REJECTED', `${computed.error.path}: ${computed.error.message}`);
  const totals = computed.totals;
  const steps: ReceiptStep[] = [{ kind: 'open' }];
  const after: ExpectedState[] = [{ items: 0, amount_cents: 0, paid_cents: 0 }];
  let items = 0;
  let amount = 0;
  const push = (s: ReceiptStep) => {
    steps.push(s);
    after.push({ items, amount_cents: amount, paid_cents: 0 });
  };
  for (const [i, line] of op.lines.entries()) {
    const c = totals.lines[i];
    if (line.type === 'text') {
      for (const part of wrapText(line.text, textWidth)) push({ kind: 'text', text: part });
    } else if (line.type === 'subtotal') {
      amount += c?.kind === 'subtotal' ? c.adjustment_cents : 0;
      const adjustment = toAdjustment(line.discount);
      push({ kind: 'subtotal', ...(adjustment ? { adjustment } : {}) });
    } else {
      items++;
      amount += c?.kind === 'item' ? c.net_cents : 0;
      const adjustment = toAdjustment(line.discount);
      push({
        kind: 'sale',
        item: {
          description: line.description,
          vat_group: c?.kind === 'item' ? c.vat_group : line.vat.toUpperCase(),
          unit_price_cents: line.unit_price_cents,
          quantity_thousandths: line.quantity_thousandths,
          ...(line.department !== undefined ? { department: line.department } : {}),
          ...(line.um ? { um: line.um } : {}),
          ...(adjustment ? { adjustment } : {}),
        },
      });
    }
  }
  if (op.receipt_discount) {
    amount = totals.total_cents;
    const adjustment = toAdjustment(op.receipt_discount);
    push({ kind: 'subtotal', ...(adjustment ? { adjustment } : {}) });
  }
  const payAt = steps.length;
  let paid = 0;
  for (const p of totals.payments) {
    paid += p.amount_cents;
    steps.push({ kind: 'pay', method: p.method, amount_cents: p.amount_cents });
    after.push({ items, amount_cents: amount, paid_cents: paid });
  }
  return { steps, after, payAt, items, total_cents: totals.total_cents, change_cents: totals.change_cents };
}

/** The state expected before step i (the register's state once step i − 1 took effect). */
export function expectedBefore(plan: ReceiptPlan, i: number): ExpectedState | null {
  return i === 0 ? null : (plan.after[i - 1] ?? null);
}

export function sameState(st: TransactionState, e: ExpectedState): boolean {
  return st.open === 'fiscal' && st.items === e.items && st.amount_cents === e.amount_cents && st.paid_cents === e.paid_cents;
}

/**
 * Where a receipt stands after step i's answer was lost: `after` (the step took effect), `before` (it did not),
 * or `elsewhere` (the register holds something else: a step ran twice, or another receipt).
 */
export function locate(plan: ReceiptPlan, i: number, st: TransactionState): 'after' | 'before' | 'elsewhere' {
  const step = plan.steps[i];
  const after = plan.after[i];
  if (!step || !after) return 'elsewhere';
  if (step.kind === 'open') return st.open === 'none' ? 'before' : sameState(st, after) ? 'after' : 'elsewhere';
  const before = expectedBefore(plan, i);
  // A text line or a plain subtotal leaves no trace in the counters: it counts as done (a missing line is not fiscal).
  if (sameState(st, after)) return 'after';
  if (before && sameState(st, before)) return 'before';
  return 'elsewhere';
}

/** After a payment's answer was lost: the payment step to continue from, given what the register says is paid. */
export function resumePaymentAt(plan: ReceiptPlan, paidCents: number): number | null {
  if (paidCents === 0) return plan.payAt;
  for (let i = plan.payAt; i < plan.steps.length; i++) {
    if (plan.after[i]?.paid_cents === paidCents) return i + 1;
  }
  return null;
}
