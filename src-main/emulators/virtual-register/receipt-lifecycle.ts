/**
 * Fiscal and refund receipt lifecycle on a draft RegisterState: open → sell* (→ subtotal) → pay* → close, or
 * cancel at any point before close. Each step mutates the draft and returns the lines it prints; the caller commits
 * the draft only when the step (and its printing) succeeded. Arithmetic is the domain's (receipt-math): line totals
 * and percentages rounded half up, at most one subtotal adjustment spread over VAT groups proportionally, change
 * only in cash. Pure.
 */
import { MAX_PRICE_CENTS, MAX_QUANTITY_THOUSANDTHS, MAX_TOTAL_CENTS, lineTotalCents, percentOfCents } from '../../domain/money.js';
import { spreadProportionally } from '../../domain/receipt-math.js';
import type { PaymentMethod } from '../../domain/operations.js';
import { checkCui } from '../../domain/cui.js';
import { RegisterError, type JournalDocument, type RegisterIdentity, type SellInput } from './register-api.js';
import { addTo, type OpenReceipt, type RegisterState } from './register-state.js';
import {
  adjustmentLabel,
  cancelLines,
  closeLines,
  headerLines,
  itemLines,
  openLines,
  paymentLines,
  subtotalLines,
  TEXT_LIMITS,
  wrap,
} from './text-layout.js';

export interface StepContext {
  identity: RegisterIdentity;
  now: string;
}

export type Adjustment = NonNullable<SellInput['adjustment']>;

const fail = (code: ConstructorParameters<typeof RegisterError>[0], message: string): never => {
  throw new RegisterError(code, message);
};

export function checkText(text: string, what: string, max = TEXT_LIMITS.text_line): void {
  if (text.length > max) fail('INVALID_VALUE', `${what} is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) fail('INVALID_VALUE', `${what} contains control characters`);
}

/** Signed adjustment (negative = discount) of `base` cents. */
export function adjustmentCents(base: number, adj: Adjustment): number {
  let magnitude: number;
  if (adj.kind === 'percent') {
    if (!Number.isInteger(adj.basis_points) || adj.basis_points < 1 || adj.basis_points > 10_000) {
      fail('INVALID_VALUE', 'the percentage must be between 0.01% and 100%');
    }
    magnitude = percentOfCents(base, adj.basis_points);
  } else {
    if (!Number.isInteger(adj.amount_cents) || adj.amount_cents < 1 || adj.amount_cents > MAX_TOTAL_CENTS) {
      fail('INVALID_VALUE', 'the discount/surcharge amount must be a positive number of cents');
    }
    magnitude = adj.amount_cents;
  }
  return adj.surcharge ? magnitude : -magnitude;
}

export function requireOpen(s: RegisterState, kinds: ReadonlyArray<OpenReceipt['kind']>): OpenReceipt {
  const r = s.open;
  if (r === null) return fail('NO_RECEIPT_OPEN', 'no receipt is open');
  if (!kinds.includes(r.kind)) fail('WRONG_RECEIPT_KIND', `not allowed in a ${r.kind.replace('_', '-')} receipt`);
  return r;
}

export function openFiscal(
  s: RegisterState,
  ctx: StepContext,
  opts: { refund?: boolean; buyer_cui?: string; invoice?: boolean; tag?: string; operator?: number },
): string[] {
  if (s.open !== null) fail('RECEIPT_OPEN', 'a receipt is already open');
  const operator = opts.operator ?? 1;
  if (!Number.isInteger(operator) || operator < 1 || operator > 30) fail('INVALID_VALUE', 'the operator must be 1 to 30');
  let buyer: string | undefined;
  if (opts.buyer_cui !== undefined) {
    const c = checkCui(opts.buyer_cui);
    if (!c.ok) return fail('INVALID_VALUE', `buyer CUI: ${c.reason}`);
    buyer = c.normalized;
  }
  const kind = opts.refund ? 'refund' : 'fiscal';
  const invoice = opts.invoice ?? false;
  const lines = [
    ...headerLines(ctx.identity.headers, ctx.identity.serial),
    ...openLines(kind, { invoice, operator, ...(buyer !== undefined ? { buyer_cui: buyer } : {}) }),
  ];
  s.open = {
    kind,
    opened_at: ctx.now,
    operator,
    invoice,
    ...(buyer !== undefined ? { buyer_cui: buyer } : {}),
    ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
    items: 0,
    by_vat: {},
    running_cents: 0,
    subtotal_adjusted: false,
    payments: [],
    paid_cents: 0,
    non_cash_cents: 0,
    lines: [],
  };
  return lines;
}

export function sell(s: RegisterState, ctx: StepContext, item: SellInput): { lines: string[]; line_total_cents: number } {
  const r = requireOpen(s, ['fiscal', 'refund']);
  if (r.payments.length > 0) fail('PAYMENT_STARTED', 'a payment was made: no more sales in this receipt');
  const description = item.description.trim();
  if (description === '') fail('INVALID_VALUE', 'the item name is empty');
  checkText(description, 'the item name', TEXT_LIMITS.item_name);
  const q = item.quantity_thousandths;
  if (!Number.isInteger(q) || q < 1 || q > MAX_QUANTITY_THOUSANDTHS) fail('INVALID_VALUE', 'the quantity is out of range');
  const price = item.unit_price_cents;
  if (!Number.isInteger(price) || price < 0 || price > MAX_PRICE_CENTS) fail('INVALID_VALUE', 'the price is out of range');
  if (!(item.vat_group in ctx.identity.vat_rates)) fail('VAT_GROUP_UNKNOWN', `VAT group ${item.vat_group} is not programmed`);
  const gross = lineTotalCents(q, price);
  if (gross > MAX_TOTAL_CENTS) fail('INVALID_VALUE', 'quantity × price overflows');
  const adj = item.adjustment ? adjustmentCents(gross, item.adjustment) : 0;
  const net = gross + adj;
  if (net < 0) fail('INVALID_VALUE', 'the discount is larger than the line total');
  if (r.running_cents + net > MAX_TOTAL_CENTS) fail('INVALID_VALUE', 'the receipt total overflows');
  const lines = itemLines(
    { ...item, description },
    gross,
    item.adjustment ? { cents: adj, label: adjustmentLabel(item.adjustment) } : null,
  );
  r.items++;
  addTo(r.by_vat, item.vat_group, net);
  r.running_cents += net;
  return { lines, line_total_cents: net };
}

export function freeText(s: RegisterState, text: string): string[] {
  requireOpen(s, ['fiscal', 'refund']);
  checkText(text, 'the text');
  return wrap(text);
}

export function subtotal(s: RegisterState, adjustment?: Adjustment): { lines: string[]; subtotal_cents: number } {
  const r = requireOpen(s, ['fiscal', 'refund']);
  if (r.items === 0) fail('INVALID_VALUE', 'a subtotal needs at least one item');
  if (adjustment === undefined) return { lines: subtotalLines(r.running_cents, null), subtotal_cents: r.running_cents };
  if (r.payments.length > 0) fail('PAYMENT_STARTED', 'a payment was made: no discount now');
  if (r.subtotal_adjusted) fail('DISCOUNT_NOT_ALLOWED', 'only one subtotal discount or surcharge is allowed per receipt');
  const adj = adjustmentCents(r.running_cents, adjustment);
  if (r.running_cents + adj < 0) fail('INVALID_VALUE', 'the discount is larger than the subtotal');
  if (r.running_cents + adj > MAX_TOTAL_CENTS) fail('INVALID_VALUE', 'the receipt total overflows');
  const lines = subtotalLines(r.running_cents, { cents: adj, label: adjustmentLabel(adjustment) });
  const spread = spreadProportionally(adj, r.by_vat);
  for (const [g, v] of Object.entries(spread)) addTo(r.by_vat, g, v);
  r.running_cents += adj;
  r.subtotal_adjusted = true;
  return { lines, subtotal_cents: r.running_cents };
}

export function pay(
  s: RegisterState,
  ctx: StepContext,
  method: PaymentMethod,
  amount?: number,
): { lines: string[]; remaining_cents: number; change_cents: number } {
  const r = requireOpen(s, ['fiscal', 'refund']);
  if (r.items === 0) fail('INVALID_VALUE', 'no items sold: nothing to pay');
  const remaining = r.running_cents - r.paid_cents;
  if (remaining <= 0 && r.payments.length > 0) fail('INVALID_VALUE', 'the receipt is already paid; close it');
  const value = amount ?? remaining;
  if (!Number.isInteger(value) || value < 0 || (value === 0 && remaining > 0) || value > MAX_TOTAL_CENTS) {
    fail('INVALID_VALUE', 'the payment amount must be a positive number of cents');
  }
  if (method !== 'cash' && value > remaining) {
    fail('NON_CASH_EXCEEDS', 'a non-cash payment may not exceed what is left to pay (change is given only in cash)');
  }
  r.payments.push({ method, amount_cents: value });
  r.paid_cents += value;
  if (method !== 'cash') r.non_cash_cents += value;
  const name = ctx.identity.payment_names[method] ?? method;
  const left = r.running_cents - r.paid_cents;
  return { lines: paymentLines(name, value), remaining_cents: Math.max(0, left), change_cents: Math.max(0, -left) };
}

/** Close: requires paid ≥ total. Updates counters, period totals and the drawer, and returns the journal document. */
export function closeFiscal(
  s: RegisterState,
  ctx: StepContext,
): { lines: string[]; doc: JournalDocument; receipt_number: number; total_cents: number; change_cents: number } {
  const r = requireOpen(s, ['fiscal', 'refund']);
  if (r.items === 0) fail('INVALID_VALUE', 'no items sold: cancel the receipt instead');
  if (r.paid_cents < r.running_cents) {
    fail('PAYMENT_NOT_COMPLETE', `${r.running_cents - r.paid_cents} cents are still due`);
  }
  const kind = r.kind === 'refund' ? 'refund' : 'fiscal';
  const total = r.running_cents;
  const change = r.paid_cents - total;
  const number = s.receipt_number + 1;
  const zPeriod = s.z_number + 1;
  const closing = closeLines({
    kind,
    total_cents: total,
    change_cents: change,
    by_vat: r.by_vat,
    rates: ctx.identity.vat_rates,
    receipt_number: number,
    z_period: zPeriod,
    datetime: ctx.now,
    serial: ctx.identity.serial,
  });
  // Period totals: cash is counted net of change so payments add up to the total.
  const p = s.period;
  const byVat = kind === 'refund' ? p.refunds_by_vat : p.sales_by_vat;
  for (const [g, v] of Object.entries(r.by_vat)) addTo(byVat, g, v);
  const byPay = kind === 'refund' ? p.refunds_by_payment : p.sales_by_payment;
  let cashNet = 0;
  for (const pm of r.payments) {
    addTo(byPay, pm.method, pm.amount_cents);
    if (pm.method === 'cash') cashNet += pm.amount_cents;
  }
  if (change > 0) addTo(byPay, 'cash', -change);
  cashNet -= change;
  if (kind === 'refund') {
    p.refunds++;
    p.refunds_cents += total;
    s.cash_in_drawer_cents -= cashNet; // refunds pay cash out of the drawer
  } else {
    p.receipts++;
    p.sales_cents += total;
    s.cash_in_drawer_cents += cashNet;
  }
  if (p.first_fiscal_at === null) p.first_fiscal_at = ctx.now;
  s.receipt_number = number;
  s.doc_number++;
  const lines = [...r.lines, ...closing];
  const doc: JournalDocument = {
    kind: kind === 'refund' ? 'refund' : 'fiscal_receipt',
    number,
    z_period: zPeriod,
    datetime: ctx.now,
    total_cents: total,
    lines,
    ...(r.tag !== undefined ? { tag: r.tag } : {}),
  };
  s.open = null;
  return { lines: closing, doc, receipt_number: number, total_cents: total, change_cents: change };
}

/** Cancel the open fiscal/refund/non-fiscal receipt. The cancelled document goes to the journal as 'voided'. */
export function cancel(s: RegisterState, ctx: StepContext): { lines: string[]; doc: JournalDocument | null } {
  const r = s.open;
  if (r === null) return { lines: [], doc: null };
  const lines = cancelLines(r.running_cents);
  s.doc_number++;
  if (r.kind !== 'non_fiscal') {
    s.period.voided++;
    s.period.voided_cents += r.running_cents;
  }
  const doc: JournalDocument = {
    kind: 'voided',
    number: s.doc_number,
    z_period: s.z_number + 1,
    datetime: ctx.now,
    total_cents: r.running_cents,
    lines: [...r.lines, ...lines],
    ...(r.tag !== undefined ? { tag: r.tag } : {}),
  };
  s.open = null;
  return { lines, doc };
}
