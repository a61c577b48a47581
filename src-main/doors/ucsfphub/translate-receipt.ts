/**
 * UcsFPHub `POST /printers/:id/receipt` bodies → a receipt draft (seeds/001, seeds/003). `Rows` mixes item
 * objects, the compact array form `[name, price, taxGroup, quantity, discount]`, payment rows (the last one
 * without `Amount` pays the rest), text rows and barcode rows (printed as text). Defaults as in the seeds:
 * tax group 2 ("Б" → B), quantity 1, discount 0. Pure.
 */
import { checkCui } from '../../domain/cui.js';
import type { Language } from '../../domain/error-codes.js';
import type { Discount } from '../../domain/operations.js';
import { toBasisPoints, toCents, toThousandths } from '../compat-shared/decimal.js';
import { asArray, asFlag, asText, isLObject, prop, type LObject, type LValue } from '../compat-shared/lenient-json.js';
import type { DraftLine, DraftPayment, ReceiptDraft } from '../compat-shared/receipt-draft.js';
import { toTaxGroup } from '../compat-shared/tax-group.js';
import { tx } from '../compat-shared/texts.js';
import {
  paymentNumbering,
  readBarcodeType,
  readPaymentType,
  readReceiptType,
  readReversalType,
  UCS_PAYMENT_METHODS,
  type ReceiptType,
} from './enums.js';

export type UcsFailure = { ok: false; path: string; error: string; unsupported?: boolean };
export type UcsReceiptRequest =
  | { ok: true; kind: 'receipt'; receiptType: ReceiptType; draft: ReceiptDraft }
  | { ok: true; kind: 'duplicate' }
  | UcsFailure;

const fail = (path: string, error: string, unsupported = false): UcsFailure =>
  unsupported ? { ok: false, path, error, unsupported } : { ok: false, path, error };

function itemRow(
  fields: {
    name: LValue | undefined;
    price: LValue | undefined;
    group: LValue | undefined;
    qty: LValue | undefined;
    discount: LValue | undefined;
  },
  path: string,
  names: { name: string; price: string; group: string; qty: string; discount: string },
  reversal: boolean,
): { ok: true; line: DraftLine } | UcsFailure {
  const name = asText(fields.name) ?? '';
  if (!name.trim()) return fail(`${path}.${names.name}`, 'the item has no name');
  const price = toCents(fields.price);
  if (!price.ok) return fail(`${path}.${names.price}`, price.reason);
  if (price.value < 0) return fail(`${path}.${names.price}`, 'must not be negative');
  const group =
    fields.group === undefined || fields.group === null ? { ok: true as const, group: 'B' } : toTaxGroup(fields.group);
  if (!group.ok) return fail(`${path}.${names.group}`, group.reason);
  let quantity = 1000;
  if (fields.qty !== undefined && fields.qty !== null) {
    const q = toThousandths(fields.qty);
    if (!q.ok) return fail(`${path}.${names.qty}`, q.reason);
    if (q.value === 0) return fail(`${path}.${names.qty}`, 'must not be 0');
    if (q.value < 0 && !reversal) return fail(`${path}.${names.qty}`, 'must be positive on a sale');
    quantity = Math.abs(q.value);
  }
  const line: DraftLine = {
    type: 'item',
    path,
    description: name,
    quantity_thousandths: quantity,
    unit_price_cents: price.value,
    group: group.group,
  };
  if (fields.discount !== undefined && fields.discount !== null) {
    const d = toBasisPoints(fields.discount);
    if (!d.ok) return fail(`${path}.${names.discount}`, d.reason);
    if (Math.abs(d.value) > 10_000)
      return fail(`${path}.${names.discount}`, 'must be a percentage between -100 and 100');
    if (d.value !== 0) {
      const discount: Discount =
        d.value > 0
          ? { kind: 'percent', basis_points: d.value }
          : { kind: 'percent', basis_points: -d.value, is_surcharge: true };
      line.discount = discount;
    }
  }
  return { ok: true, line };
}

const ITEM_NAMES = { name: 'ItemName', price: 'Price', group: 'TaxGroup', qty: 'Quantity', discount: 'Discount' };

function objectItem(row: LObject, path: string, reversal: boolean) {
  const r = itemRow(
    {
      name: prop(row, 'ItemName'),
      price: prop(row, 'Price'),
      group: prop(row, 'TaxGroup'),
      qty: prop(row, 'Quantity'),
      discount: prop(row, 'Discount'),
    },
    path,
    ITEM_NAMES,
    reversal,
  );
  if (!r.ok || r.line.type !== 'item') return r;
  const dep = asText(prop(row, 'DepartmentNo'));
  if (dep !== undefined && dep.trim() !== '') {
    const d = Number(dep);
    if (!Number.isInteger(d) || d < 0 || d > 99) return fail(`${path}.DepartmentNo`, 'must be a whole number 0–99');
    if (d > 0) r.line.department = d;
  }
  const um = asText(prop(row, 'UnitOfMeasure')) ?? asText(prop(row, 'Unit'));
  if (um?.trim()) r.line.um = um.trim().slice(0, 8);
  return r;
}

function buyerOf(inv: LObject, lang: Language): { buyer?: ReceiptDraft['buyer']; lines: DraftLine[] } {
  const vat = asText(prop(inv, 'CgVatNo'))?.trim() ?? '';
  const taxNo = asText(prop(inv, 'CgTaxNo'))?.trim() ?? '';
  const name = asText(prop(inv, 'CgName'))?.trim();
  const address = asText(prop(inv, 'CgAddress'))?.trim();
  for (const candidate of [vat, taxNo]) {
    if (!candidate) continue;
    const c = checkCui(candidate);
    if (c.ok) {
      const buyer: NonNullable<ReceiptDraft['buyer']> = { vat_number: candidate.replace(/\s+/g, '').toUpperCase() };
      if (name) buyer.name = name.slice(0, 72);
      if (address) buyer.address = address.slice(0, 144);
      return { buyer, lines: [] };
    }
  }
  // Not a Romanian fiscal code (the seeds' Bulgarian EIK): the buyer is printed as text lines instead.
  const lines: DraftLine[] = [];
  if (name) lines.push({ type: 'text', path: 'Invoice.CgName', text: `${tx(lang, 'buyer')}: ${name}`, cut: true });
  if (vat || taxNo)
    lines.push({
      type: 'text',
      path: 'Invoice.CgTaxNo',
      text: `${tx(lang, 'buyerTaxNo')}: ${vat || taxNo}`,
      cut: true,
    });
  return { lines };
}

export function ucsReceiptRequest(
  body: LValue,
  opts: { uniqueSaleNumber: 'print' | 'ignore'; language: Language },
): UcsReceiptRequest {
  if (!isLObject(body)) return fail('', 'the body must be an object');
  const invoice = prop(body, 'Invoice');
  if (asFlag(prop(body, 'PrintDuplicate'))) {
    if (isLObject(invoice) && asText(prop(invoice, 'DocNo')) !== undefined) {
      return fail(
        'Invoice.DocNo',
        'printing a duplicate of an older document from the electronic journal is not available; only the last receipt can be duplicated',
        true,
      );
    }
    return { ok: true, kind: 'duplicate' };
  }
  const rt =
    prop(body, 'ReceiptType') === undefined
      ? { ok: true as const, value: 'Sale' as ReceiptType, named: false }
      : readReceiptType(prop(body, 'ReceiptType'));
  if (!rt.ok) return fail('ReceiptType', rt.reason);
  if (rt.value === 'OrderList')
    return fail('ReceiptType', 'kitchen order lists are not printed by fiscal registers', true);
  const reversal = rt.value === 'Reversal' || rt.value === 'CreditNote';
  const numbering = paymentNumbering(body);
  const lines: DraftLine[] = [];
  const payments: DraftPayment[] = [];
  const draft: ReceiptDraft = { refund: reversal, lines, payments };

  const usn = asText(prop(body, 'UniqueSaleNo'))?.trim();
  if (usn && opts.uniqueSaleNumber === 'print')
    lines.push({ type: 'text', path: 'UniqueSaleNo', text: `${tx(opts.language, 'uniqueSaleNo')}: ${usn}`, cut: true });
  if ((rt.value === 'Invoice' || rt.value === 'CreditNote') && isLObject(invoice)) {
    const b = buyerOf(invoice, opts.language);
    if (b.buyer) {
      draft.buyer = b.buyer;
      draft.is_invoice = true;
    }
    lines.push(...b.lines);
  }

  const rows = prop(body, 'Rows');
  if (rows !== undefined && rows !== null && !Array.isArray(rows) && !isLObject(rows))
    return fail('Rows', 'must be an array');
  for (const [i, row] of asArray(rows).entries()) {
    const path = `Rows[${i}]`;
    if (Array.isArray(row)) {
      const r = itemRow(
        { name: row[0], price: row[1], group: row[2], qty: row[3], discount: row[4] },
        path,
        { name: '0', price: '1', group: '2', qty: '3', discount: '4' },
        reversal,
      );
      if (!r.ok) return { ...r, path: r.path.replace(/\.(\d)$/, '[$1]') };
      lines.push(r.line);
      continue;
    }
    if (!isLObject(row))
      return fail(path, 'each row must be an object or an array [name, price, taxGroup, quantity, discount]');
    if (prop(row, 'ItemName') !== undefined) {
      const r = objectItem(row, path, reversal);
      if (!r.ok) return r;
      lines.push(r.line);
    } else if (prop(row, 'PaymentType') !== undefined || prop(row, 'Amount') !== undefined) {
      const pt =
        prop(row, 'PaymentType') === undefined
          ? { ok: true as const, value: 'Cash' as const, named: false }
          : readPaymentType(prop(row, 'PaymentType'), numbering);
      if (!pt.ok) return fail(`${path}.PaymentType`, pt.reason);
      const method = UCS_PAYMENT_METHODS[pt.value];
      if (!method)
        return fail(`${path}.PaymentType`, `${pt.value} payments are not available on Romanian registers (pay in lei)`);
      const a = prop(row, 'Amount');
      if (a === undefined || a === null) payments.push({ path, method });
      else {
        const c = toCents(a);
        if (!c.ok) return fail(`${path}.Amount`, c.reason);
        if (c.value < 0) return fail(`${path}.Amount`, 'must not be negative');
        payments.push({ path, method, amount_cents: c.value });
      }
    } else if (prop(row, 'Text') !== undefined) {
      if (prop(row, 'BarcodeType') !== undefined) {
        const bt = readBarcodeType(prop(row, 'BarcodeType'));
        if (!bt.ok) return fail(`${path}.BarcodeType`, bt.reason);
      }
      lines.push({ type: 'text', path, text: asText(prop(row, 'Text')) ?? '' });
    } else {
      return fail(path, 'the row is not an item (ItemName), a payment (PaymentType/Amount) or a text (Text)');
    }
  }

  if (reversal) {
    const rev = prop(body, 'Reversal');
    const r: LObject = isLObject(rev) ? rev : {};
    const rtype =
      prop(r, 'ReversalType') === undefined
        ? { ok: true as const, value: 'OperatorError' as const, named: false }
        : readReversalType(prop(r, 'ReversalType'));
    if (!rtype.ok) return fail('Reversal.ReversalType', rtype.reason);
    const no = asText(prop(r, 'ReceiptNo'))?.trim() ?? '';
    const dt = (asText(prop(r, 'ReceiptDateTime')) ?? asText(prop(r, 'ReceiptDate')))?.trim();
    const fm = asText(prop(r, 'FiscalMemoryNo'))?.trim();
    draft.original = {};
    if (/^\d+$/.test(no) && Number(no) >= 1) draft.original.slip_number = Number(no);
    if (fm || no) draft.original.document_id = [fm, no].filter(Boolean).join('/').slice(0, 64);
    if (dt) draft.original.datetime = dt.slice(0, 40);
    const reason = asText(prop(r, 'Reason'))?.trim();
    draft.reason = (reason ? `${rtype.value}: ${reason}` : rtype.value).slice(0, 72);
  }
  return { ok: true, kind: 'receipt', receiptType: rt.value, draft };
}
