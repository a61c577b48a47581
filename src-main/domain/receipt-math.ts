/**
 * Receipt arithmetic the way the registers do it: line totals and per-line discounts rounded half up,
 * at most one subtotal discount (applied to the running subtotal), a receipt discount on the final subtotal,
 * payments with change given only in cash. Pure.
 */
import { lineTotalCents, MAX_TOTAL_CENTS, percentOfCents } from './money.js';
import type { Discount, Payment, ReceiptLine } from './operations.js';

export type ComputedLine =
  | { kind: 'item'; index: number; gross_cents: number; adjustment_cents: number; net_cents: number; vat_group: string }
  | { kind: 'text'; index: number }
  | { kind: 'subtotal'; index: number; subtotal_cents: number; adjustment_cents: number };

export interface ReceiptTotals {
  lines: ComputedLine[];
  /** Per VAT group letter, after every discount (subtotal/receipt discounts spread proportionally). */
  by_vat_group: Record<string, number>;
  total_cents: number;
  paid_cents: number;
  change_cents: number;
  payments: Payment[];
}

export type ReceiptMathError = { path: string; message: string };

/**
 * The order a register takes payments in: non-cash first (each may not exceed what is left, and change is given only
 * in cash), then cash. A card after cash that already covered the total would be refused after the card was charged.
 */
export function paymentOrder(payments: readonly Payment[]): Payment[] {
  return [...payments.filter((p) => p.method !== 'cash'), ...payments.filter((p) => p.method === 'cash')];
}

/** Signed adjustment of a discount/surcharge applied to `base` cents (negative for a discount). */
export function discountAdjustment(base: number, d: Discount): number {
  const magnitude = d.kind === 'percent' ? percentOfCents(base, d.basis_points) : d.amount_cents;
  return d.is_surcharge ? magnitude : -magnitude;
}

/** Spread `amount` over groups proportionally to their weight (largest remainder, deterministic). */
export function spreadProportionally(amount: number, weights: Record<string, number>): Record<string, number> {
  const keys = Object.keys(weights).sort();
  const total = keys.reduce((s, k) => s + (weights[k] ?? 0), 0);
  const out: Record<string, number> = {};
  if (total === 0 || amount === 0) {
    for (const k of keys) out[k] = 0;
    return out;
  }
  const sign = amount < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(amount));
  let assigned = 0n;
  const remainders: Array<{ k: string; r: bigint }> = [];
  for (const k of keys) {
    const num = abs * BigInt(weights[k] ?? 0);
    const share = num / BigInt(total);
    out[k] = Number(share);
    assigned += share;
    remainders.push({ k, r: num % BigInt(total) });
  }
  remainders.sort((a, b) => (b.r === a.r ? a.k.localeCompare(b.k) : b.r > a.r ? 1 : -1));
  for (let i = 0; i < Number(abs - assigned); i++) {
    const k = remainders[i % remainders.length]?.k;
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  for (const k of keys) out[k] = (out[k] ?? 0) * sign;
  return out;
}

/**
 * Compute a receipt. `resolveVat` maps a line's `vat` to a group letter (or returns an error message).
 * Returns either totals or the first error with the JSON path of the offending field (relative to the operation).
 */
export function computeReceipt(
  input: { lines: ReceiptLine[]; payments?: Payment[] | undefined; receipt_discount?: Discount | undefined },
  resolveVat: (vat: string) => { group: string } | { error: string },
): { ok: true; totals: ReceiptTotals } | { ok: false; error: ReceiptMathError } {
  const lines: ComputedLine[] = [];
  const byGroup: Record<string, number> = {};
  let running = 0;
  let subtotalDiscountSeen = false;
  let items = 0;
  const fail = (path: string, message: string) => ({ ok: false as const, error: { path, message } });

  for (const [index, line] of input.lines.entries()) {
    if (line.type === 'text') {
      lines.push({ kind: 'text', index });
      continue;
    }
    if (line.type === 'subtotal') {
      let adj = 0;
      if (line.discount) {
        if (subtotalDiscountSeen) return fail(`lines[${index}].discount`, 'only one subtotal discount is allowed per receipt');
        if (items === 0) return fail(`lines[${index}]`, 'a subtotal needs at least one item before it');
        subtotalDiscountSeen = true;
        adj = discountAdjustment(running, line.discount);
        if (running + adj < 0) return fail(`lines[${index}].discount`, 'the discount is larger than the subtotal');
        const spread = spreadProportionally(adj, byGroup);
        for (const [g, v] of Object.entries(spread)) byGroup[g] = (byGroup[g] ?? 0) + v;
      }
      lines.push({ kind: 'subtotal', index, subtotal_cents: running, adjustment_cents: adj });
      running += adj;
      continue;
    }
    const vat = resolveVat(line.vat);
    if ('error' in vat) return fail(`lines[${index}].vat`, vat.error);
    const gross = lineTotalCents(line.quantity_thousandths, line.unit_price_cents);
    if (gross > MAX_TOTAL_CENTS) return fail(`lines[${index}]`, 'line total is too large (quantity × price overflows)');
    const adj = line.discount ? discountAdjustment(gross, line.discount) : 0;
    const net = gross + adj;
    if (net < 0) return fail(`lines[${index}].discount`, 'the discount is larger than the line total');
    lines.push({ kind: 'item', index, gross_cents: gross, adjustment_cents: adj, net_cents: net, vat_group: vat.group });
    byGroup[vat.group] = (byGroup[vat.group] ?? 0) + net;
    running += net;
    items++;
    if (running > MAX_TOTAL_CENTS) return fail(`lines[${index}]`, 'receipt total is too large');
  }
  if (items === 0) return fail('lines', 'a receipt needs at least one item line');

  if (input.receipt_discount) {
    if (subtotalDiscountSeen) {
      return fail('receipt_discount', 'a receipt takes one subtotal discount: use either receipt_discount or a discounted subtotal line');
    }
    const adj = discountAdjustment(running, input.receipt_discount);
    if (running + adj < 0) return fail('receipt_discount', 'the discount is larger than the receipt total');
    const spread = spreadProportionally(adj, byGroup);
    for (const [g, v] of Object.entries(spread)) byGroup[g] = (byGroup[g] ?? 0) + v;
    running += adj;
  }
  if (running > MAX_TOTAL_CENTS) return fail('lines', 'receipt total is too large');
  const total = running;

  const payments = paymentOrder(input.payments ?? [{ method: 'cash' as const, amount_cents: total }]);
  let paid = 0;
  let nonCash = 0;
  for (const p of payments) {
    paid += p.amount_cents;
    if (p.method !== 'cash') nonCash += p.amount_cents;
  }
  if (paid > MAX_TOTAL_CENTS) return fail('payments', 'payments total is too large');
  if (nonCash > total) return fail('payments', 'non-cash payments may not exceed the receipt total (change is given only in cash)');
  if (paid < total) return fail('payments', `payments (${paid} cents) do not cover the receipt total (${total} cents)`);
  return {
    ok: true,
    totals: { lines, by_vat_group: byGroup, total_cents: total, paid_cents: paid, change_cents: paid - total, payments },
  };
}
