/**
 * The receipt both compatible protocols describe, in FisCool units, before it becomes a `print_receipt` /
 * `print_refund` operation: lines and payments remember the protocol path they came from (`items[2]`,
 * `Rows[3]`) so every error names the caller's own field. Payments without an amount take "the rest".
 * Texts longer than the device prints are refused naming the row, or cut when the door's setting says so.
 * Pure.
 */
import type { Discount, PaymentMethod } from '../../domain/operations.js';
import { computeReceipt } from '../../domain/receipt-math.js';

export type DraftLine =
  | {
      type: 'item';
      path: string;
      description: string;
      quantity_thousandths: number;
      unit_price_cents: number;
      group: string;
      department?: number;
      um?: string;
      discount?: Discount;
    }
  /** `cut`: a line FisCool composed itself (buyer details…): always cut to fit, never refused. */
  | { type: 'text'; path: string; text: string; cut?: boolean }
  | { type: 'subtotal'; path: string; discount?: Discount };

export interface DraftPayment {
  path: string;
  method: PaymentMethod;
  /** undefined = the rest of the receipt total */
  amount_cents?: number;
}

export interface ReceiptDraft {
  refund: boolean;
  lines: DraftLine[];
  payments: DraftPayment[];
  buyer?: { vat_number: string; name?: string; address?: string };
  is_invoice?: boolean;
  original?: { slip_number?: number; document_id?: string; datetime?: string };
  reason?: string;
}

export interface TextLimits {
  item_name: number;
  text_line: number;
}

/** The operation schemas' own ceiling for texts. */
export const SCHEMA_TEXT_MAX = 72;

export type BuiltReceipt =
  | { ok: true; operation: Record<string, unknown> & { type: string }; linePaths: string[]; paymentPaths: string[] }
  | { ok: false; path: string; error: string };

function fitText(
  text: string,
  max: number,
  truncate: boolean,
  path: string,
  what: string,
): { ok: true; text: string } | { ok: false; path: string; error: string } {
  const chars = [...text];
  if (chars.length <= max) return { ok: true, text };
  if (truncate) return { ok: true, text: chars.slice(0, max).join('') };
  return {
    ok: false,
    path,
    error: `${what} has ${chars.length} characters; the device prints at most ${max} (shorten it, or turn on text truncation in the settings)`,
  };
}

export function buildReceiptOperation(draft: ReceiptDraft, limits: TextLimits | null, truncate: boolean): BuiltReceipt {
  const lines: Array<Record<string, unknown>> = [];
  const linePaths: string[] = [];
  const itemMax = Math.min(limits?.item_name ?? SCHEMA_TEXT_MAX, SCHEMA_TEXT_MAX);
  const textMax = Math.min(limits?.text_line ?? SCHEMA_TEXT_MAX, SCHEMA_TEXT_MAX);

  for (const l of draft.lines) {
    if (l.type === 'item') {
      if (!l.description.trim()) return { ok: false, path: l.path, error: 'the item has no name' };
      const fit = fitText(l.description.trim(), itemMax, truncate, l.path, 'the item name');
      if (!fit.ok) return fit;
      const item: Record<string, unknown> = {
        type: 'item',
        description: fit.text,
        quantity_thousandths: l.quantity_thousandths,
        unit_price_cents: l.unit_price_cents,
        vat: l.group,
      };
      if (l.department !== undefined) item.department = l.department;
      if (l.um !== undefined) item.um = l.um;
      if (l.discount !== undefined) item.discount = l.discount;
      lines.push(item);
    } else if (l.type === 'text') {
      const fit = fitText(l.text, textMax, truncate || l.cut === true, l.path, 'the text line');
      if (!fit.ok) return fit;
      lines.push({ type: 'text', text: fit.text });
    } else {
      lines.push(l.discount ? { type: 'subtotal', discount: l.discount } : { type: 'subtotal' });
    }
    linePaths.push(l.path);
  }

  const payments: Array<{ method: PaymentMethod; amount_cents: number }> = [];
  const paymentPaths: string[] = [];
  if (draft.payments.length > 0) {
    const explicit = draft.payments.reduce((s, p) => s + (p.amount_cents ?? 0), 0);
    let total: number | null = null;
    if (draft.payments.some((p) => p.amount_cents === undefined)) {
      const math = computeReceipt({ lines: lines as never }, (vat) => ({ group: vat }));
      if (!math.ok) {
        const m = /^lines\[(\d+)\](.*)$/.exec(math.error.path);
        const path = m ? `${linePaths[Number(m[1])] ?? 'items'}${m[2] ?? ''}` : math.error.path;
        return { ok: false, path, error: math.error.message };
      }
      total = math.totals.total_cents;
    }
    let restGiven = false;
    for (const p of draft.payments) {
      let amount = p.amount_cents;
      if (amount === undefined) {
        if (restGiven || total === null) continue;
        restGiven = true;
        amount = total - explicit;
      }
      if (amount <= 0) continue;
      payments.push({ method: p.method, amount_cents: amount });
      paymentPaths.push(p.path);
    }
  }

  const op: Record<string, unknown> & { type: string } = {
    type: draft.refund ? 'print_refund' : 'print_receipt',
    lines,
  };
  if (payments.length) op.payments = payments;
  if (draft.buyer) op.buyer = draft.buyer;
  if (draft.is_invoice) op.flags = { is_invoice: true };
  if (draft.refund && draft.original && Object.keys(draft.original).length) op.original = draft.original;
  if (draft.refund && draft.reason) op.reason = draft.reason;
  return { ok: true, operation: op, linePaths, paymentPaths };
}

/**
 * Rewrite a pipeline validation path (`lines[3].vat`, `operation.payments[0].amount_cents`) into the
 * protocol's own (`Rows[4].TaxGroup`…): the row is exact, the field is the protocol's best match.
 */
export function mapOperationPath(
  path: string | null,
  built: { linePaths: string[]; paymentPaths: string[] },
  fieldNames: Record<string, string>,
): string | null {
  if (path === null) return null;
  const p = path.replace(/^operation\./, '');
  const m = /^(lines|payments)\[(\d+)\](?:\.([\w.]+))?/.exec(p);
  if (!m) return p;
  const base = (m[1] === 'lines' ? built.linePaths : built.paymentPaths)[Number(m[2])];
  if (base === undefined) return p;
  const field = m[3] ? (fieldNames[m[3].split('.')[0] ?? ''] ?? m[3]) : undefined;
  return field ? `${base}.${field}` : base;
}

/** Pipeline errors start with their own path ("operation.lines[3].vat: …"); the doors name the protocol's path instead. */
export function stripOperationPath(error: string): string {
  return error.replace(/^operation(?:\.[\w[\].]*)?: /, '');
}
