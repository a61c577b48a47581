/**
 * Validation for a Caspos device, before anything is queued: the operations it accepts (CasposOperation), what its
 * documents cannot express (a receipt discount, a surcharge, a Romanian buyer code, a voided dry run, meal
 * vouchers …), the VAT letter table, units, and the arithmetic (computeReceipt: line totals, payments, change in
 * cash only). Every refusal names the field. Returns the operation normalised: VAT specs become the device's
 * letters.
 */
import type { FamilyCheck, FamilyRules } from '../../domain/family-rules.js';
import { CasposOperation, type CasposPaymentMethod } from '../../domain/operations-caspos.js';
import type { Payment, ReceiptLine } from '../../domain/operations.js';
import { computeReceipt } from '../../domain/receipt-math.js';
import { UNIT_NAMES, type VatType } from '../../protocols/caspos/tables.js';
import { asStandard } from './document-input.js';
import { resolveCasposVat } from './vat.js';

type Op = Record<string, unknown> & { type: string };
type Line = Record<string, unknown> & { type: string };
type Issue = { path: string; message: string };

export function unitIssue(um: unknown): string | null {
  if (typeof um !== 'string' || um.trim().toLowerCase() in UNIT_NAMES) return null;
  return `"${um}" is not a Caspos unit (ədəd/buc/pcs, kq/kg, litr/l, metr/m, m2, m3)`;
}

function lineIssues(lines: Line[]): Issue | null {
  for (const [i, l] of lines.entries()) {
    if (l.type === 'subtotal' && l.discount !== undefined) {
      return {
        path: `lines[${i}].discount`,
        message: 'Caspos takes discounts per item line only (no subtotal discount)',
      };
    }
    if (l.type !== 'item') continue;
    const d = l.discount as { is_surcharge?: boolean } | undefined;
    if (d?.is_surcharge)
      return { path: `lines[${i}].discount.is_surcharge`, message: 'Caspos documents have no surcharges' };
    const unit = unitIssue(l.um);
    if (unit) return { path: `lines[${i}].um`, message: unit };
    const code = typeof l.barcode === 'string' ? l.barcode : '';
    if (l.code_type === 'ean8' && !/^\d{8}$/.test(code))
      return { path: `lines[${i}].barcode`, message: 'an EAN-8 code is 8 digits' };
    if (l.code_type === 'ean13' && !/^\d{13}$/.test(code))
      return { path: `lines[${i}].barcode`, message: 'an EAN-13 code is 13 digits' };
  }
  return null;
}

function methodIssue(payments: Array<{ method: string }>, allowed: readonly string[], what: string): Issue | null {
  const i = payments.findIndex((p) => !allowed.includes(p.method));
  return i < 0
    ? null
    : { path: `payments[${i}].method`, message: `${what} is paid by ${allowed.join(', ')} only on Caspos` };
}

function requireMethod(payments: Array<{ method: string }>, method: string, what: string): Issue | null {
  return payments.some((p) => p.method === method)
    ? null
    : { path: 'payments', message: `${what} needs a payment of method "${method}"` };
}

/** Totals, payments and VAT letters of a document's lines (via the domain's receipt arithmetic). */
function arithmetic(
  op: Op,
  table: Record<string, VatType>,
  payments: Payment[] | undefined,
): { lines: Line[]; total: number } | Issue {
  const computed = computeReceipt({ lines: op.lines as ReceiptLine[], payments }, (v) => resolveCasposVat(v, table));
  if (!computed.ok) return computed.error;
  const lines = (op.lines as Line[]).map((line, i) => {
    const c = computed.totals.lines[i];
    return c && c.kind === 'item' ? { ...line, vat: c.vat_group } : line;
  });
  return { lines, total: computed.totals.total_cents };
}

function vatOf(op: Op, key: string, table: Record<string, VatType>): { group: string } | Issue {
  const r = resolveCasposVat(String(op[key]), table);
  return 'error' in r ? { path: key, message: r.error } : r;
}

const isIssue = (v: unknown): v is Issue => typeof v === 'object' && v !== null && 'message' in v && 'path' in v;

function checkReceipt(op: Op, table: Record<string, VatType>): Op | Issue {
  if (op.buyer !== undefined)
    return { path: 'buyer', message: 'Caspos documents carry no buyer tax code; use client for the customer' };
  if ((op.flags as { is_invoice?: boolean } | undefined)?.is_invoice)
    return { path: 'flags.is_invoice', message: 'Caspos prints no invoices' };
  if (op.close_action === 'void')
    return {
      path: 'close_action',
      message: 'Caspos cannot register a receipt and cancel it (use rollback afterwards)',
    };
  if (op.receipt_discount !== undefined)
    return { path: 'receipt_discount', message: 'Caspos takes discounts per item line only' };
  const payments = (op.payments as Payment[] | undefined) ?? [];
  const bad = methodIssue(payments, ['cash', 'card', 'credit', 'voucher'], 'a receipt');
  if (bad) return bad;
  if (op.type === 'print_refund' && !(op.original as { document_id?: string } | undefined)?.document_id) {
    return { path: 'original.document_id', message: 'is required: a Caspos refund names the sale it returns' };
  }
  const lines = lineIssues(op.lines as Line[]);
  if (lines) return lines;
  const a = arithmetic(op, table, op.payments as Payment[] | undefined);
  return isIssue(a) ? a : { ...op, lines: a.lines };
}

function checkDocument(op: Op, table: Record<string, VatType>): Op | Issue {
  const payments = (op.payments ?? []) as Array<{ method: CasposPaymentMethod; amount_cents: number }>;
  switch (op.type) {
    case 'credit_sale':
    case 'prepaid_sale': {
      const need = op.type === 'credit_sale' ? 'credit' : 'prepayment';
      const other = op.type === 'credit_sale' ? 'prepayment' : 'credit';
      const issue =
        requireMethod(payments, need, op.type === 'credit_sale' ? 'a credit sale' : 'a sale from an advance') ??
        methodIssue(payments, ['cash', 'card', 'bonus', need], `a ${op.type.replace('_', ' ')} (not "${other}")`) ??
        lineIssues(op.lines as Line[]);
      if (issue) return issue;
      const a = arithmetic(op, table, asStandard(payments));
      return isIssue(a) ? a : { ...op, lines: a.lines };
    }
    case 'money_back_manual': {
      const issue = lineIssues(op.lines as Line[]);
      if (issue) return issue;
      const a = arithmetic(op, table, asStandard(payments));
      return isIssue(a) ? a : { ...op, lines: a.lines };
    }
    case 'credit_pay': {
      const issue = methodIssue(payments, ['cash', 'card'], 'a credit payment') ?? lineIssues(op.lines as Line[]);
      if (issue) return issue;
      const a = arithmetic(op, table, asStandard(payments));
      return isIssue(a) ? a : { ...op, lines: a.lines };
    }
    case 'prepayment':
      return checkPrepayment(op, table, payments);
    case 'rollback':
      return checkRollback(op, table, payments);
    case 'correction': {
      const issue = methodIssue(payments, ['cash', 'card'], 'a correction');
      if (issue) return issue;
      if (String(op.first_operation_at) > String(op.last_operation_at)) {
        return { path: 'last_operation_at', message: 'must not be before first_operation_at' };
      }
      const vat = vatOf(op, 'vat', table);
      return isIssue(vat) ? vat : { ...op, vat: vat.group };
    }
    case 'periodic_report':
      return String(op.start).slice(0, 10) > String(op.end).slice(0, 10) || String(op.start) > String(op.end)
        ? { path: 'end', message: 'must not be before start' }
        : op;
    case 'je_report':
      return (op.range as { type: string }).type === 'date'
        ? op
        : {
            path: 'range.type',
            message: 'Caspos reports by date only ("date"); for the current shift use get_control_tape',
          };
    default:
      return op;
  }
}

function checkPrepayment(
  op: Op,
  table: Record<string, VatType>,
  payments: Array<{ method: CasposPaymentMethod; amount_cents: number }>,
): Op | Issue {
  const issue = methodIssue(payments, ['cash', 'card', 'bonus'], 'an advance');
  if (issue) return issue;
  let vat: string | undefined;
  if (op.vat !== undefined) {
    const r = vatOf(op, 'vat', table);
    if (isIssue(r)) return r;
    vat = r.group;
  }
  let amount = op.amount_cents as number | undefined;
  let lines: Line[] | undefined;
  if (op.lines !== undefined) {
    const li = lineIssues(op.lines as Line[]);
    if (li) return li;
    const a = arithmetic(op, table, asStandard(payments));
    if (isIssue(a)) return a;
    lines = a.lines;
    const groups = new Set(lines.map((l) => l.vat));
    if (groups.size > 1)
      return { path: 'lines', message: 'every line of an advance has the same VAT (Caspos: "prepaymentProducts")' };
    const g = [...groups][0] as string;
    if (vat !== undefined && vat !== g) return { path: 'vat', message: `differs from the lines' VAT (${g})` };
    vat = g;
    if (amount !== undefined && amount !== a.total)
      return { path: 'amount_cents', message: `must equal the lines' total (${a.total} cents)` };
    amount = a.total;
  } else {
    if (amount === undefined) return { path: 'amount_cents', message: 'is required when there are no lines' };
    const paid = payments.reduce((s, p) => s + p.amount_cents, 0);
    const nonCash = payments.filter((p) => p.method !== 'cash').reduce((s, p) => s + p.amount_cents, 0);
    if (nonCash > amount)
      return {
        path: 'payments',
        message: 'non-cash payments may not exceed the advance (change is given only in cash)',
      };
    if (paid < amount)
      return { path: 'payments', message: `payments (${paid} cents) do not cover the advance (${amount} cents)` };
  }
  if (vat === undefined) return { path: 'vat', message: 'is required when there are no lines' };
  return { ...op, vat, amount_cents: amount, ...(lines ? { lines } : {}) };
}

function checkRollback(
  op: Op,
  table: Record<string, VatType>,
  payments: Array<{ method: CasposPaymentMethod; amount_cents: number }>,
): Op | Issue {
  const total = op.total_cents as number;
  const paid = payments.reduce((s, p) => s + p.amount_cents, 0);
  if (paid !== total)
    return { path: 'payments', message: `must add up to total_cents (${total}); they add up to ${paid}` };
  const amounts = op.vat_amounts as Array<{ vat: string; amount_cents: number }>;
  const vatTotal = amounts.reduce((s, v) => s + v.amount_cents, 0);
  if (vatTotal !== total)
    return { path: 'vat_amounts', message: `must add up to total_cents (${total}); they add up to ${vatTotal}` };
  const resolved: Array<{ vat: string; amount_cents: number }> = [];
  for (const [i, v] of amounts.entries()) {
    const r = resolveCasposVat(v.vat, table);
    if ('error' in r) return { path: `vat_amounts[${i}].vat`, message: r.error };
    resolved.push({ ...v, vat: r.group });
  }
  return { ...op, vat_amounts: resolved };
}

export function checkCasposOperation(op: Op, table: Record<string, VatType>): FamilyCheck {
  const r =
    op.type === 'print_receipt' || op.type === 'print_refund' ? checkReceipt(op, table) : checkDocument(op, table);
  return isIssue(r) ? { ok: false, path: `operation.${r.path}`, message: r.message } : { ok: true, operation: r };
}

export function casposRules(deviceName: string, table: Record<string, VatType>): FamilyRules {
  return {
    label: `Caspos device "${deviceName}"`,
    operationTypes: CasposOperation.options.map((o) => o.shape.type.value),
    schema: CasposOperation as unknown as FamilyRules['schema'],
    check: (op) => checkCasposOperation(op, table),
  };
}
