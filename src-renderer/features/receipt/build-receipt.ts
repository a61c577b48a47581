/**
 * The typed draft → a print_receipt operation in the API's units. A pure translation: numbers are read the way
 * Romanian cashiers type them (lib/number-entry.ts); the hub validates everything else and computes the total. The
 * one amount left empty among several payments is "the rest" of the total the hub computed (`totalCents`).
 */
import type { Failure } from '../../errors/failure.js';
import type { Texts } from '../../i18n/texts-ro.js';
import { parseEntry } from '../../lib/number-entry.js';
import type { AdjustKind, ItemDraft, ReceiptDraft } from './draft.js';
import { isUntouched } from './draft.js';

export type Built =
  | { ok: true; operation: Record<string, unknown> & { type: 'print_receipt' }; lineKeys: number[] }
  | { ok: false; failure: Failure; field: string };

type Read = { ok: true; value: number } | { ok: false; failure: Failure };

/** Read one typed number; `label` names the field in the cashier's words. */
function read(text: string, decimals: 2 | 3, label: (t: Texts) => string): Read {
  const r = parseEntry(text, decimals);
  if (r.ok) return r;
  if (r.reason === 'ambiguous') return { ok: false, failure: { kind: 'input', code: 'AMBIGUOUS_NUMBER', message: (t) => t.numberAmbiguous(label(t), text.trim()) } };
  if (r.reason === 'decimals') return { ok: false, failure: { kind: 'input', code: 'BAD_NUMBER', message: (t) => t.numberDecimals(label(t), decimals) } };
  return { ok: false, failure: { kind: 'input', code: 'BAD_NUMBER', message: (t) => t.numberBad(label(t)) } };
}

function adjustment(kind: AdjustKind, text: string, label: (t: Texts) => string): { ok: true; discount?: Record<string, unknown> } | { ok: false; failure: Failure } {
  if (kind === 'none' || text.trim() === '') return { ok: true };
  const percent = kind === 'discPct' || kind === 'surPct';
  const v = read(text, 2, label);
  if (!v.ok) return v;
  const surcharge = kind === 'surPct' || kind === 'surAmt' ? { is_surcharge: true } : {};
  return { ok: true, discount: percent ? { kind: 'percent', basis_points: v.value, ...surcharge } : { kind: 'amount', amount_cents: v.value, ...surcharge } };
}

function item(l: ItemDraft, n: number): { ok: true; line: Record<string, unknown> } | { ok: false; failure: Failure; field: string } {
  const where = (f: (t: Texts) => string) => (t: Texts) => `${t.fieldLine(n)}, ${f(t)}`;
  const q = read(l.quantity || '1', 3, where((t) => t.colQty));
  if (!q.ok) return { ...q, field: `rc-${l.key}-quantity` };
  const p = read(l.price, 2, where((t) => t.colPrice));
  if (!p.ok) return { ...p, field: `rc-${l.key}-price` };
  const adj = adjustment(l.adjust, l.adjustValue, where((t) => t.colDiscount));
  if (!adj.ok) return { ...adj, field: `rc-${l.key}-adjust` };
  return {
    ok: true,
    line: {
      type: 'item',
      description: l.description.trim(),
      quantity_thousandths: q.value,
      unit_price_cents: p.value,
      vat: l.vat,
      ...(l.unit.trim() ? { um: l.unit.trim() } : {}),
      ...(adj.discount ? { discount: adj.discount } : {}),
    },
  };
}

/**
 * `mode: 'preview'` leaves out lines nobody typed into and payments without an amount (the live total);
 * `mode: 'print'` sends every line and fills the one empty payment with the rest of `totalCents`.
 */
export function buildReceipt(d: ReceiptDraft, mode: 'preview' | 'print', totalCents: number | null = null): Built {
  const lines: Record<string, unknown>[] = [];
  const lineKeys: number[] = [];
  for (const [i, l] of d.lines.entries()) {
    if (isUntouched(l) && (mode === 'preview' || d.lines.length > 1)) continue;
    // The live total leaves out a line still being typed (no description or no price yet).
    if (mode === 'preview' && l.kind === 'item' && (l.description.trim() === '' || l.price.trim() === '')) continue;
    if (l.kind === 'text') {
      lines.push({ type: 'text', text: l.text });
    } else {
      const r = item(l, i + 1);
      if (!r.ok) return r;
      lines.push(r.line);
    }
    lineKeys.push(l.key);
  }
  const total = adjustment(d.totalAdjust, d.totalAdjustValue, (t) => t.subtotalDiscount);
  if (!total.ok) return { ...total, field: 'rc-total-adjust' };

  const payments: Array<{ method: string; amount_cents: number | null }> = [];
  for (const [i, p] of d.payments.entries()) {
    if (p.amount.trim() === '') {
      payments.push({ method: p.method, amount_cents: null });
      continue;
    }
    const v = read(p.amount, 2, (t) => `${t.fieldPayment(i + 1)}, ${t.pay[p.method] ?? p.method}`);
    if (!v.ok) return { ...v, field: `rc-pay-${p.key}` };
    payments.push({ method: p.method, amount_cents: v.value });
  }
  const given = payments.reduce((s, p) => s + (p.amount_cents ?? 0), 0);
  const onlyCashRest = payments.length === 1 && payments[0]?.method === 'cash' && payments[0].amount_cents === null;
  let sent: Array<{ method: string; amount_cents: number }> | undefined;
  if (!onlyCashRest) {
    const rest = totalCents === null ? 0 : Math.max(0, totalCents - given);
    // Registers take payments in order and refuse a card (voucher …) larger than what is left to pay: cash, the only
    // method that gives change, goes last.
    sent = payments
      .map((p) => ({ method: p.method, amount_cents: p.amount_cents ?? (mode === 'print' ? rest : 0) }))
      .filter((p) => p.amount_cents > 0)
      .sort((a, b) => Number(a.method === 'cash') - Number(b.method === 'cash'));
    if (sent.length === 0) sent = undefined;
  }
  const cui = d.buyerCui.trim();
  return {
    ok: true,
    lineKeys,
    operation: {
      type: 'print_receipt',
      lines,
      ...(sent ? { payments: sent } : {}),
      ...(total.discount ? { receipt_discount: total.discount } : {}),
      ...(cui ? { buyer: { vat_number: cui, ...(d.buyerName.trim() ? { name: d.buyerName.trim() } : {}) } } : {}),
      ...(d.invoice ? { flags: { is_invoice: true } } : {}),
    },
  };
}

/** Does printing need the hub's total first (an empty "rest" payment next to others, or a non-cash rest)? */
export function needsTotal(d: ReceiptDraft): boolean {
  const empty = d.payments.filter((p) => p.amount.trim() === '');
  if (empty.length === 0) return false;
  return d.payments.length > 1 || empty[0]?.method !== 'cash';
}
