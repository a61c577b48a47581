/**
 * What every document handler of the emulator shares: reading items and payments with the device's checks, the
 * new document (id, number, shift number, short id, barcode number) and its receipt on the virtual register, the
 * witness of what was printed.
 */
import { randomBytes } from 'node:crypto';
import { lineTotalCents } from '../../domain/money.js';
import type { PaymentMethod } from '../../domain/operations.js';
import { isVatType, type DocumentKind } from '../../protocols/caspos/tables.js';
import { RegisterError } from '../virtual-register/register-api.js';
import type { VirtualRegister } from '../virtual-register/virtual-register.js';
import type { Bank } from './answer-shapes.js';
import type { CasposDoc, DocItem, DocPayments, LedgerState } from './ledger.js';
import { refuse, type Fields } from './request-reader.js';

/** Caspos vatType → the virtual register's VAT group (its table is set up to match: A 18 %, B 18 %, C free …). */
export const GROUP_OF_VAT: Record<number, string> = { 1: 'A', 2: 'B', 3: 'C', 5: 'D', 6: 'E', 7: 'F' };
export const REGISTER_VAT_RATES = { A: 1800, B: 1800, C: 0, D: 0, E: 200, F: 800 };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface ReadItem extends DocItem {
  discount_cents: number;
  parent_item_uuid: string | null;
  marking_codes: string[];
}

export function vatTypeOf(f: Fields, key = 'vatType'): number {
  const t = f.int(key, { required: true });
  return isVatType(t) ? t : refuse(616, `${f.where}.${key} = ${t}`);
}

/** One item line with the device's checks (name, code, types, amounts, discount, `sum`, marking codes). */
export function readItem(f: Fields, style: 'sale' | 'credit_pay' | 'prepayment'): ReadItem {
  const name = f.text('name', { required: true, code: 635 }) as string;
  if (name.trim() === '' || name.length > 255 || CONTROL.test(name)) refuse(635, `${f.where}.name`);
  const code = f.text('code', { max: 64, code: 609 }) ?? '';
  const codeType = f.int('codeType', { required: true });
  if (codeType < 0 || codeType > 3) refuse(612, `${f.where}.codeType = ${codeType}`);
  if ((codeType === 1 && !/^\d{8}$/.test(code)) || (codeType === 2 && !/^\d{13}$/.test(code)))
    refuse(609, `${f.where}.code`);
  const quantityType = f.int('quantityType', { required: true });
  if (quantityType < 0 || quantityType > 5) refuse(1008, `${f.where}.quantityType = ${quantityType}`);
  const vat_type = vatTypeOf(f);
  const quantity_thousandths = f.quantity('quantity');
  const price_cents = f.money('salePrice', { required: true });
  if (style === 'credit_pay') f.money('realPrice', { required: true });
  const gross = lineTotalCents(quantity_thousandths, price_cents);
  const discount = style === 'sale' ? f.money('discountAmount') : 0;
  if (discount > gross) refuse(614, `${f.where}.discountAmount is more than the line`);
  let total = gross - discount;
  if (f.has('sum')) {
    const s = f.money('sum');
    if (Math.abs(s - total) > 1) refuse(614, `${f.where}.sum does not match quantity × salePrice − discountAmount`);
    total = s;
  }
  const markings = [...f.strings('markingCodes'), ...(f.has('markingCode') ? [f.text('markingCode') as string] : [])];
  if (markings.some((m) => m.length < 1 || m.length > 200)) refuse(622, `${f.where}.markingCodes`);
  if (style === 'sale') f.money('purchasePrice');
  return {
    name,
    code,
    quantity_thousandths,
    price_cents,
    vat_type,
    total_cents: total,
    item_uuid: f.text('itemUuid', { max: 64 }) ?? null,
    parent_item_uuid: f.text('parentItemUuid', { max: 64 }) ?? null,
    returned_thousandths: 0,
    discount_cents: discount,
    marking_codes: markings,
  };
}

export function readItems(data: Fields, style: 'sale' | 'credit_pay' | 'prepayment'): ReadItem[] {
  const items = data.objects('items');
  if (items.length === 0) refuse(610);
  if (items.length > 500) refuse(620);
  return items.map((i) => readItem(i, style));
}

/** The tendered payments (cash as given, change included). */
export function readPayments(data: Fields): DocPayments {
  return {
    cash: data.money('cashPayment'),
    card: data.money('cardPayment'),
    credit: data.money('creditPayment'),
    deposit: data.money('depositPayment'),
    bonus: data.money('bonusPayment'),
  };
}

/** Payments against a total: non-cash never above it, everything at least it; returns what is kept (net of change). */
export function settle(p: DocPayments, total: number, exact = false): DocPayments {
  const nonCash = p.card + p.credit + p.deposit + p.bonus;
  const paid = nonCash + p.cash;
  if (nonCash > total) refuse(607, 'non-cash payments exceed the total');
  if (paid < total) refuse(607, `payments ${paid} < total ${total} (cents)`);
  if (exact && paid !== total) refuse(607, 'payments must equal the total');
  return { ...p, cash: p.cash - (paid - total) };
}

/** `rrn`/`transactionId`/… in camelCase (the money-back example) or snake_case (the sale table); RRN checks. */
export function readBank(data: Fields, cardCents: number): Bank {
  const t = (a: string, b: string) => {
    const v = data.text(a, { max: 64 }) ?? data.text(b, { max: 64 });
    return v === undefined || v === '' ? null : v;
  };
  const rrn = t('rrn', 'RRN');
  if (rrn !== null && !/^\d{12}$/.test(rrn)) refuse(646, `rrn "${rrn}"`);
  if (rrn !== null && cardCents === 0) refuse(648);
  return {
    rrn,
    approval_code: t('approvalCode', 'approval_code'),
    transaction_id: t('transactionId', 'transaction_id'),
    transaction_number: t('transactionNumber', 'transaction_number'),
  };
}

/** Client fields: bonus card number length; the rest is printed as given. */
export function readClient(data: Fields): void {
  data.text('clientName', { max: 255 });
  data.money('clientTotalBonus');
  data.money('clientEarnedBonus');
  data.text('clientBonusCardNumber', { max: 64, code: 647 });
}

export function readCurrency(data: Fields, top?: Fields): void {
  const c = data.text('currency') ?? top?.text('currency');
  if (c !== 'AZN') refuse(606, c === undefined ? 'currency is required' : `"${c}"`);
}

export function vatOfItems(items: ReadItem[]): Array<{ vat_type: number; sum_cents: number }> {
  const m = new Map<number, number>();
  for (const i of items) m.set(i.vat_type, (m.get(i.vat_type) ?? 0) + i.total_cents);
  return [...m].map(([vat_type, sum_cents]) => ({ vat_type, sum_cents }));
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes: Buffer): string {
  let n = BigInt('0x' + bytes.toString('hex'));
  let out = '';
  while (n > 0n) {
    out = (BASE58[Number(n % 58n)] ?? '1') + out;
    n /= 58n;
  }
  return out;
}

/** A new document of the open shift: the next document number, the next number in the shift, a new id. */
export function newDocument(
  s: LedgerState,
  kind: DocumentKind,
  now: string,
  fields: Partial<CasposDoc> & { total_cents: number; uuid: string | null },
): CasposDoc {
  s.last_doc_number++;
  s.shift.documents++;
  const id = base58(randomBytes(32)).padStart(44, '1');
  const ddmmyy = `${now.slice(8, 10)}${now.slice(5, 7)}${now.slice(2, 4)}`;
  const doc: CasposDoc = {
    id,
    short_id: id.slice(0, 12),
    number: s.last_doc_number,
    fiscal_number: `${ddmmyy}${s.device_code}${s.last_doc_number}`,
    shift_number: s.shift.number,
    shift_document_number: s.shift.documents,
    kind,
    created_at: now,
    payments: { cash: 0, card: 0, credit: 0, deposit: 0, bonus: 0 },
    vat: [],
    items: [],
    parent_id: null,
    rolled_back: false,
    refunded_cents: 0,
    open_cents: 0,
    credit_contract: null,
    register_receipt: null,
    ...fields,
  };
  s.documents.push(doc);
  return doc;
}

const REGISTER_METHOD: Array<[keyof DocPayments, PaymentMethod]> = [
  ['card', 'card'],
  ['credit', 'credit'],
  ['deposit', 'voucher'],
  ['bonus', 'other'],
];

/** A register error while printing → the device code the emulator answers (the document is not made). */
export function registerRefusal(e: unknown): never {
  if (!(e instanceof RegisterError)) throw e;
  switch (e.code) {
    case 'Z_REQUIRED':
      return refuse(504, e.message);
    case 'FISCAL_MEMORY_FULL':
      return refuse(217, e.message);
    default:
      return refuse(999, `printer: ${e.message}`);
  }
}

/** Print the document as a fiscal (or refund) receipt on the register; returns the register's receipt number. */
export function printReceipt(
  reg: VirtualRegister,
  r: {
    refund: boolean;
    tag: string;
    lines: Array<{
      name: string;
      quantity_thousandths: number;
      price_cents: number;
      total_cents: number;
      vat_type: number;
    }>;
    tendered: DocPayments;
  },
): number {
  try {
    if (reg.counters().receipt_open) reg.cancelReceipt();
    reg.openFiscalReceipt({ refund: r.refund, tag: r.tag });
  } catch (e) {
    registerRefusal(e);
  }
  try {
    for (const l of r.lines) {
      const gross = lineTotalCents(l.quantity_thousandths, l.price_cents);
      const adj = l.total_cents - gross;
      reg.sell({
        description: l.name.slice(0, 72).trim() || '-',
        quantity_thousandths: l.quantity_thousandths,
        unit_price_cents: l.price_cents,
        vat_group: GROUP_OF_VAT[l.vat_type] ?? 'A',
        ...(adj !== 0
          ? { adjustment: { kind: 'amount' as const, amount_cents: Math.abs(adj), surcharge: adj > 0 } }
          : {}),
      });
    }
    let paid = false;
    for (const [k, m] of REGISTER_METHOD) {
      if (r.tendered[k] > 0) {
        reg.pay(m, r.tendered[k]);
        paid = true;
      }
    }
    if (r.tendered.cash > 0 || !paid) reg.pay('cash', r.tendered.cash > 0 ? r.tendered.cash : undefined);
    return reg.closeReceipt().receipt_number;
  } catch (e) {
    try {
      reg.cancelReceipt();
    } catch {
      // the register refuses even that (paper out): it stays open until paper is loaded; the next document cancels it
    }
    return registerRefusal(e);
  }
}
