/**
 * ErpNet.FP requests → FisCool operations (seeds/002): receipts, reversal receipts, deposit/withdraw, datetime.
 * Validation failures carry ErpNet.FP's own error codes (E403 value, E405 conditions, E406 payment, E407 item,
 * E410 empty document, E411 tax group) and the caller's field path. Pure.
 */
import type { Language } from '../../domain/error-codes.js';
import type { Discount, PaymentMethod } from '../../domain/operations.js';
import { toBasisPoints, toCents, toThousandths } from '../compat-shared/decimal.js';
import { asArray, asText, isLObject, prop, type LObject, type LValue } from '../compat-shared/lenient-json.js';
import type { DraftLine, DraftPayment, ReceiptDraft } from '../compat-shared/receipt-draft.js';
import { parseClientDateTime } from '../compat-shared/datetime.js';
import { toTaxGroup } from '../compat-shared/tax-group.js';
import { tx } from '../compat-shared/texts.js';

export type ErpFailure = { ok: false; code: string; path: string; error: string };
export type ErpDraft = { ok: true; draft: ReceiptDraft } | ErpFailure;

/** ErpNet.FP payment types → FisCool payment methods (Romanian registers have no cheque/packaging slots). */
export const ERPNET_PAYMENTS: Record<string, PaymentMethod> = {
  cash: 'cash',
  card: 'card',
  check: 'other',
  coupons: 'voucher',
  'ext-coupons': 'meal_voucher',
  packaging: 'other',
  'internal-usage': 'other',
  damage: 'other',
  bank: 'other',
  reserved1: 'other',
  reserved2: 'other',
};

const REVERSAL_REASONS: Record<string, string> = {
  'operator-error': 'operator-error',
  refund: 'refund',
  'tax-base-reduction': 'tax-base-reduction',
  'taxbase-reduction': 'tax-base-reduction',
};

const fail = (code: string, path: string, error: string): ErpFailure => ({ ok: false, code, path, error });

function modifier(item: LObject, path: string): { ok: true; discount?: Discount } | ErpFailure {
  const type = (asText(prop(item, 'priceModifierType')) ?? 'none').toLowerCase();
  const rawValue = prop(item, 'priceModifierValue');
  if (type === 'none' || type === '') {
    if (rawValue !== undefined && rawValue !== null && asText(rawValue) !== '0') {
      return fail('E403', `${path}.priceModifierValue`, 'a price modifier value needs a priceModifierType');
    }
    return { ok: true };
  }
  const m = /^(discount|surcharge)-(percent|amount)$/.exec(type);
  if (!m)
    return fail(
      'E403',
      `${path}.priceModifierType`,
      `"${type}" is not one of discount-percent, discount-amount, surcharge-percent, surcharge-amount`,
    );
  const isSurcharge = m[1] === 'surcharge';
  if (m[2] === 'percent') {
    const bp = toBasisPoints(rawValue);
    if (!bp.ok) return fail('E403', `${path}.priceModifierValue`, bp.reason);
    if (bp.value <= 0 || bp.value > 10_000)
      return fail('E403', `${path}.priceModifierValue`, 'must be a percentage above 0 and at most 100');
    return {
      ok: true,
      discount: isSurcharge
        ? { kind: 'percent', basis_points: bp.value, is_surcharge: true }
        : { kind: 'percent', basis_points: bp.value },
    };
  }
  const c = toCents(rawValue);
  if (!c.ok) return fail('E403', `${path}.priceModifierValue`, c.reason);
  if (c.value <= 0) return fail('E403', `${path}.priceModifierValue`, 'must be above 0');
  return {
    ok: true,
    discount: isSurcharge
      ? { kind: 'amount', amount_cents: c.value, is_surcharge: true }
      : { kind: 'amount', amount_cents: c.value },
  };
}

function saleLine(item: LObject, path: string): { ok: true; line: DraftLine } | ErpFailure {
  const text = asText(prop(item, 'text')) ?? '';
  if (!text.trim()) return fail('E407', `${path}.text`, 'the item has no text (product name)');
  const q = prop(item, 'quantity');
  let quantity = 1000;
  if (q !== undefined && q !== null) {
    const r = toThousandths(q);
    if (!r.ok) return fail('E403', `${path}.quantity`, r.reason);
    if (r.value < 0)
      return fail('E403', `${path}.quantity`, 'must not be negative (reversal receipts take positive quantities)');
    if (r.value > 0) quantity = r.value;
  }
  const price = toCents(prop(item, 'unitPrice'));
  if (!price.ok) return fail('E403', `${path}.unitPrice`, price.reason);
  if (price.value < 0) return fail('E403', `${path}.unitPrice`, 'must not be negative');
  const group = toTaxGroup(prop(item, 'taxGroup'));
  if (!group.ok) return fail('E411', `${path}.taxGroup`, group.reason);
  const line: DraftLine = {
    type: 'item',
    path,
    description: text,
    quantity_thousandths: quantity,
    unit_price_cents: price.value,
    group: group.group,
  };
  const dep = prop(item, 'department');
  if (dep !== undefined && dep !== null) {
    const d = Number(asText(dep));
    if (!Number.isInteger(d) || d < 0 || d > 99)
      return fail('E403', `${path}.department`, 'must be a whole number 0–99');
    if (d > 0) line.department = d;
  }
  const mod = modifier(item, path);
  if (!mod.ok) return mod;
  if (mod.discount) line.discount = mod.discount;
  return { ok: true, line };
}

export function erpReceiptDraft(
  body: LValue,
  opts: { reversal: boolean; uniqueSaleNumber: 'print' | 'ignore'; language: Language },
): ErpDraft {
  if (!isLObject(body)) return fail('E401', '', 'the body must be a JSON object');
  const items = prop(body, 'items');
  if (items !== undefined && items !== null && !Array.isArray(items)) return fail('E403', 'items', 'must be an array');
  const list = asArray(items);
  if (list.length === 0) return fail('E410', 'items', 'the receipt has no items');
  const lines: DraftLine[] = [];
  const footers: DraftLine[] = [];
  const usn = asText(prop(body, 'uniqueSaleNumber'))?.trim();
  if (usn && opts.uniqueSaleNumber === 'print')
    lines.push({
      type: 'text',
      path: 'uniqueSaleNumber',
      text: `${tx(opts.language, 'uniqueSaleNo')}: ${usn}`,
      cut: true,
    });
  for (const [i, raw] of list.entries()) {
    const path = `items[${i}]`;
    if (!isLObject(raw)) return fail('E407', path, 'each item must be an object');
    const type = (asText(prop(raw, 'type')) ?? 'sale').toLowerCase();
    if (type === 'sale' || type === '') {
      const r = saleLine(raw, path);
      if (!r.ok) return r;
      lines.push(r.line);
    } else if (type === 'comment' || type === 'footer-comment') {
      const text = asText(prop(raw, 'text')) ?? '';
      if (!text.trim()) return fail('E407', `${path}.text`, 'the comment has no text');
      (type === 'comment' ? lines : footers).push({ type: 'text', path, text });
    } else if (type === 'discount-amount' || type === 'surcharge-amount') {
      const c = toCents(prop(raw, 'amount'));
      if (!c.ok) return fail('E403', `${path}.amount`, c.reason);
      if (c.value <= 0) return fail('E403', `${path}.amount`, 'must be above 0');
      const discount: Discount =
        type === 'surcharge-amount'
          ? { kind: 'amount', amount_cents: c.value, is_surcharge: true }
          : { kind: 'amount', amount_cents: c.value };
      lines.push({ type: 'subtotal', path, discount });
    } else {
      return fail(
        'E407',
        `${path}.type`,
        `"${type}" is not one of sale, comment, footer-comment, discount-amount, surcharge-amount`,
      );
    }
  }
  lines.push(...footers);

  const payments: DraftPayment[] = [];
  const pays = prop(body, 'payments');
  if (pays !== undefined && pays !== null && !Array.isArray(pays)) return fail('E403', 'payments', 'must be an array');
  for (const [i, raw] of asArray(pays).entries()) {
    const path = `payments[${i}]`;
    if (!isLObject(raw)) return fail('E406', path, 'each payment must be an object');
    const type = (asText(prop(raw, 'paymentType')) ?? 'cash').toLowerCase();
    const a = prop(raw, 'amount');
    let amount: number | undefined;
    if (a !== undefined && a !== null) {
      const c = toCents(a);
      if (!c.ok) return fail('E403', `${path}.amount`, c.reason);
      amount = c.value;
    }
    if (type === 'change') {
      if (amount !== undefined && amount > 0)
        return fail('E403', `${path}.amount`, 'a "change" payment must be negative');
      continue; // change is computed by the register, never sent
    }
    const method = ERPNET_PAYMENTS[type];
    if (!method)
      return fail(
        'E406',
        `${path}.paymentType`,
        `"${type}" is not a payment type (${Object.keys(ERPNET_PAYMENTS).join(', ')})`,
      );
    if (amount !== undefined && amount < 0) return fail('E403', `${path}.amount`, 'must not be negative');
    payments.push(amount === undefined ? { path, method } : { path, method, amount_cents: amount });
  }

  const draft: ReceiptDraft = { refund: opts.reversal, lines, payments };
  if (opts.reversal) {
    const no = asText(prop(body, 'receiptNumber'))?.trim() ?? '';
    const fm = asText(prop(body, 'fiscalMemorySerialNumber'))?.trim() ?? '';
    if (!no) return fail('E405', 'receiptNumber', 'the number of the receipt being reversed is required');
    if (!fm)
      return fail(
        'E405',
        'fiscalMemorySerialNumber',
        'the fiscal memory serial number of the original receipt is required',
      );
    const slip = /^\d+$/.test(no) ? Number(no) : undefined;
    draft.original = { document_id: `${fm}/${no}`.slice(0, 64) };
    if (slip !== undefined && slip >= 1) draft.original.slip_number = slip;
    const dt = asText(prop(body, 'receiptDateTime'))?.trim();
    if (dt) draft.original.datetime = dt.slice(0, 40);
    const reasonText = (asText(prop(body, 'reason')) ?? 'operator-error').toLowerCase();
    const reason = REVERSAL_REASONS[reasonText];
    if (!reason)
      return fail('E403', 'reason', `"${reasonText}" is not one of operator-error, refund, tax-base-reduction`);
    draft.reason = reason;
  }
  return { ok: true, draft };
}

export type ErpOperation = { ok: true; operation: Record<string, unknown> & { type: string } } | ErpFailure;

export function erpCashOperation(body: LValue, type: 'deposit_cash' | 'withdraw_cash'): ErpOperation {
  if (!isLObject(body)) return fail('E401', '', 'the body must be a JSON object');
  const c = toCents(prop(body, 'amount'));
  if (!c.ok) return fail('E403', 'amount', c.reason);
  if (c.value <= 0) return fail('E403', 'amount', 'must be above 0');
  return { ok: true, operation: { type, amount: c.value } };
}

/** `deviceDateTime` as JavaScript's toJSON writes it (zone converted to local), or the hub's clock when empty. */
export function erpDateTimeOperation(body: LValue, now: Date): ErpOperation {
  const text = isLObject(body) ? asText(prop(body, 'deviceDateTime'))?.trim() : undefined;
  const r = parseClientDateTime(text ? text : now.toISOString());
  if (!r.ok) return fail('E403', 'deviceDateTime', r.reason);
  return { ok: true, operation: { type: 'set_datetime', datetime: r.local } };
}
