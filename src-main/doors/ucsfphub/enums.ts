/**
 * UcsFPHub enums (seeds/001 = v1 numbers, seeds/003 = v2 names and numbers). Values are accepted as numbers,
 * names (`Sale`, `ucsFscRcpSale`, any case) or numeric text. `PaymentType` numbers differ between v1 and v2:
 * a request that writes any enum by name is read with v2 numbering, a purely numeric request with v1's
 * (docs/compat.md). Pure.
 */
import type { PaymentMethod } from '../../domain/operations.js';
import { isJsonNumber, type LValue } from '../compat-shared/lenient-json.js';

export type EnumResult<T> = { ok: true; value: T; named: boolean } | { ok: false; reason: string };

function readEnum<T>(
  v: LValue | undefined,
  names: Record<string, T>,
  numbers: Record<string, T>,
  prefix: string,
  what: string,
): EnumResult<T> {
  let text: string;
  if (isJsonNumber(v)) text = v.text;
  else if (typeof v === 'string') text = v.trim();
  else return { ok: false, reason: `${what} must be a number or a name (${Object.keys(names).join(', ')})` };
  if (/^-?\d+$/.test(text)) {
    const hit = numbers[String(Number(text))];
    return hit !== undefined
      ? { ok: true, value: hit, named: false }
      : { ok: false, reason: `${text} is not a ${what} (${Object.keys(numbers).join(', ')})` };
  }
  const key = text.toLowerCase().replace(new RegExp(`^${prefix.toLowerCase()}`), '');
  for (const [name, value] of Object.entries(names))
    if (name.toLowerCase() === key) return { ok: true, value, named: true };
  return { ok: false, reason: `"${text}" is not a ${what} (${Object.keys(names).join(', ')})` };
}

export type ReceiptType = 'Sale' | 'Reversal' | 'Invoice' | 'CreditNote' | 'OrderList';
const RECEIPT_TYPES: Record<string, ReceiptType> = {
  Sale: 'Sale',
  Reversal: 'Reversal',
  Invoice: 'Invoice',
  CreditNote: 'CreditNote',
  OrderList: 'OrderList',
};
const RECEIPT_NUMBERS: Record<string, ReceiptType> = {
  '1': 'Sale',
  '2': 'Reversal',
  '3': 'Invoice',
  '4': 'CreditNote',
  '5': 'OrderList',
};
export const readReceiptType = (v: LValue | undefined) =>
  readEnum(v, RECEIPT_TYPES, RECEIPT_NUMBERS, 'ucsFscRcp', 'ReceiptType');

export type ReversalType = 'OperatorError' | 'Refund' | 'TaxBaseReduction';
const REVERSAL_TYPES: Record<string, ReversalType> = {
  OperatorError: 'OperatorError',
  Refund: 'Refund',
  TaxBaseReduction: 'TaxBaseReduction',
};
const REVERSAL_NUMBERS: Record<string, ReversalType> = { '0': 'OperatorError', '1': 'Refund', '2': 'TaxBaseReduction' };
export const readReversalType = (v: LValue | undefined) =>
  readEnum(v, REVERSAL_TYPES, REVERSAL_NUMBERS, 'ucsFscRev', 'ReversalType');

export type ReportType = 'Daily' | 'Number' | 'Date' | 'Operator';
const REPORT_TYPES: Record<string, ReportType> = {
  Daily: 'Daily',
  Number: 'Number',
  Date: 'Date',
  Operator: 'Operator',
  MonthlyByDate: 'Date',
  MonthlyByReceiptNo: 'Number',
  DailyByOperators: 'Operator',
};
const REPORT_NUMBERS: Record<string, ReportType> = { '1': 'Daily', '2': 'Number', '3': 'Date', '4': 'Operator' };
export const readReportType = (v: LValue | undefined) =>
  readEnum(v, REPORT_TYPES, REPORT_NUMBERS, 'ucsFscRpt', 'ReportType');

export type BarcodeType = 'Ean8' | 'Ean13' | 'Code128' | 'QRcode';
const BARCODE_TYPES: Record<string, BarcodeType> = {
  Ean8: 'Ean8',
  Ean13: 'Ean13',
  Code128: 'Code128',
  QRcode: 'QRcode',
};
const BARCODE_NUMBERS: Record<string, BarcodeType> = { '1': 'Ean8', '2': 'Ean13', '3': 'Code128', '4': 'QRcode' };
export const readBarcodeType = (v: LValue | undefined) =>
  readEnum(v, BARCODE_TYPES, BARCODE_NUMBERS, 'ucsFscBar', 'BarcodeType');

/** v2 payment names (seeds/003) and what a Romanian register records them as. `EUR` has no Romanian slot. */
export type UcsPayment =
  | 'Cash'
  | 'Cheque'
  | 'Coupon'
  | 'Voucher'
  | 'Packaging'
  | 'Maintenance'
  | 'Damage'
  | 'Card'
  | 'Bank'
  | 'Custom1'
  | 'Custom2'
  | 'Custom3'
  | 'Custom4'
  | 'EUR';
export const UCS_PAYMENT_METHODS: Record<UcsPayment, PaymentMethod | null> = {
  Cash: 'cash',
  Cheque: 'other',
  Coupon: 'voucher',
  Voucher: 'meal_voucher',
  Packaging: 'other',
  Maintenance: 'other',
  Damage: 'other',
  Card: 'card',
  Bank: 'other',
  Custom1: 'other',
  Custom2: 'other',
  Custom3: 'other',
  Custom4: 'other',
  EUR: null,
};
const PAYMENT_NAMES: Record<string, UcsPayment> = {
  Cash: 'Cash',
  Cheque: 'Cheque',
  Coupon: 'Coupon',
  Voucher: 'Voucher',
  Packaging: 'Packaging',
  Maintenance: 'Maintenance',
  Damage: 'Damage',
  Card: 'Card',
  Bank: 'Bank',
  Custom1: 'Custom1',
  Custom2: 'Custom2',
  Custom3: 'Custom3',
  Custom4: 'Custom4',
  EUR: 'EUR',
};
/** seeds/001: 1 cash, 2 card, 3 bank, 4 cheque, -1…-4 (alt 5…8) custom 1…4. */
export const PAYMENT_NUMBERS_V1: Record<string, UcsPayment> = {
  '1': 'Cash',
  '2': 'Card',
  '3': 'Bank',
  '4': 'Cheque',
  '-1': 'Custom1',
  '-2': 'Custom2',
  '-3': 'Custom3',
  '-4': 'Custom4',
  '5': 'Custom1',
  '6': 'Custom2',
  '7': 'Custom3',
  '8': 'Custom4',
};
/** seeds/003: 1 cash … 12 EUR. */
export const PAYMENT_NUMBERS_V2: Record<string, UcsPayment> = {
  '1': 'Cash',
  '2': 'Cheque',
  '3': 'Coupon',
  '4': 'Voucher',
  '5': 'Packaging',
  '6': 'Maintenance',
  '7': 'Damage',
  '8': 'Card',
  '9': 'Bank',
  '10': 'Custom1',
  '11': 'Custom2',
  '12': 'EUR',
};
export const readPaymentType = (v: LValue | undefined, numbering: 'v1' | 'v2') =>
  readEnum(v, PAYMENT_NAMES, numbering === 'v1' ? PAYMENT_NUMBERS_V1 : PAYMENT_NUMBERS_V2, 'ucsFscPmt', 'PaymentType');

/** The numbering a request uses: v2 as soon as any enum field is written by name. */
export function paymentNumbering(body: LValue): 'v1' | 'v2' {
  let named = false;
  const visit = (v: LValue | undefined, key: string | null): void => {
    if (named || v === undefined || v === null) return;
    if (
      typeof v === 'string' &&
      key !== null &&
      /^(ReceiptType|PaymentType|ReversalType|BarcodeType|ReportType)$/i.test(key) &&
      !/^-?\d+$/.test(v.trim())
    )
      named = true;
    else if (Array.isArray(v)) v.forEach((x) => visit(x, null));
    else if (typeof v === 'object' && !isJsonNumber(v)) for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(body, null);
  return named ? 'v2' : 'v1';
}
