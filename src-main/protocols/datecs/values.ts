/**
 * Value formats of the Datecs command set (pure): dates, amounts, VAT letters ↔ TaxCd digits, payment modes,
 * discount types, EJ document types.
 */
import { formatCents, parseDecimal } from '../../domain/money.js';
import type { PaymentMethod } from '../../domain/operations.js';

/** "2026-11-22T14:05:09" → "22-11-26 14:05:09". */
export function toDatecsDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (!m) throw new RangeError(`not a local date-time: ${iso}`);
  return `${m[3]}-${m[2]}-${(m[1] ?? '').slice(2)} ${m[4]}:${m[5]}:${m[6] ?? '00'}`;
}

/** "22-11-26 14:05:09[ DST]" or "22-11-2026 14:05:09" → "2026-11-22T14:05:09"; null when malformed. */
export function fromDatecsDateTime(text: string): string | null {
  const m = /^(\d{2})-(\d{2})-(\d{2}|\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?(?: DST)?$/.exec(text.trim());
  if (!m) return null;
  const year = (m[3] ?? '').length === 2 ? `20${m[3]}` : m[3];
  return `${year}-${m[2]}-${m[1]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
}

/** "2026-11-22" → "22-11-26". */
export function toDatecsDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}-${isoDate.slice(5, 7)}-${isoDate.slice(2, 4)}`;
}

export const amount = (cents: number): string => formatCents(cents);

/** Parse "12.34" (or "-1.00", or "12") into cents; null when malformed. */
export function parseAmount(text: string): number | null {
  const r = parseDecimal(text, 2);
  return r.ok ? r.value : null;
}

export function parseQuantity(text: string): number | null {
  if (text.trim() === '') return 1000;
  const r = parseDecimal(text, 3);
  return r.ok ? r.value : null;
}

/** X TaxCd is a digit: 1 = A … 8 = H. */
export function taxCdForGroup(group: string): string {
  const i = 'ABCDEFGH'.indexOf(group.toUpperCase());
  if (i < 0) throw new RangeError(`VAT group ${group} has no Datecs code`);
  return String(i + 1);
}
export function groupForTaxCd(cd: string): string | null {
  const n = Number(cd);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? ('ABCDEFGH'[n - 1] ?? null) : null;
}

/**
 * Payment modes. X (Romanian Pay0…Pay6; names are programmable, the usual list [U in the research]):
 * 0 NUMERAR, 1 CARD, 2 CREDIT, 3 TICHETE MASA, 4 TICHETE VALORICE, 5 VOUCHER, 6 PLATA MODERNA.
 * Classic letters [U for Romania]: P cash, C card, N credit, I/J/K programmable.
 */
export const X_PAYMENT_MODES: Record<PaymentMethod, number> = { cash: 0, card: 1, credit: 2, meal_voucher: 3, voucher: 4, other: 6 };
export const CLASSIC_PAYMENT_LETTERS: Record<PaymentMethod, string> = { cash: 'P', card: 'C', credit: 'N', voucher: 'I', meal_voucher: 'J', other: 'K' };

export function methodForXMode(mode: number): PaymentMethod | null {
  const hit = (Object.entries(X_PAYMENT_MODES) as Array<[PaymentMethod, number]>).find(([, v]) => v === mode);
  if (hit) return hit[0];
  return mode === 5 ? 'voucher' : null;
}
export function methodForClassicLetter(letter: string): PaymentMethod | null {
  const hit = (Object.entries(CLASSIC_PAYMENT_LETTERS) as Array<[PaymentMethod, string]>).find(([, v]) => v === letter);
  return hit ? hit[0] : null;
}

/** X discount types of cmd 49/51: 1 +%, 2 −%, 3 +value, 4 −value. */
export type Adjustment = { kind: 'percent'; basis_points: number; surcharge: boolean } | { kind: 'amount'; amount_cents: number; surcharge: boolean };

export function xDiscountParams(a: Adjustment | undefined): [string, string] {
  if (!a) return ['0', ''];
  if (a.kind === 'percent') return [a.surcharge ? '1' : '2', formatCents(a.basis_points)];
  return [a.surcharge ? '3' : '4', formatCents(a.amount_cents)];
}

export function parseXDiscount(type: string, value: string): Adjustment | undefined | null {
  if (type === '' || type === '0') return value === '' ? undefined : null;
  const v = parseAmount(value);
  if (v === null || v <= 0) return null;
  switch (type) {
    case '1':
    case '2':
      return { kind: 'percent', basis_points: v, surcharge: type === '1' };
    case '3':
    case '4':
      return { kind: 'amount', amount_cents: v, surcharge: type === '3' };
    default:
      return null;
  }
}

/** Classic suffix: `,<±perc>` or `;<±abs>`. */
export function classicDiscountSuffix(a: Adjustment | undefined): string {
  if (!a) return '';
  const sign = a.surcharge ? '' : '-';
  return a.kind === 'percent' ? `,${sign}${formatCents(a.basis_points)}` : `;${sign}${formatCents(a.amount_cents)}`;
}

export function parseClassicDiscount(suffix: string): Adjustment | undefined | null {
  if (suffix === '') return undefined;
  const kind = suffix[0];
  const v = parseAmount(suffix.slice(1));
  if (v === null || v === 0) return null;
  const surcharge = v > 0;
  const mag = Math.abs(v);
  if (kind === ',') return { kind: 'percent', basis_points: mag, surcharge };
  if (kind === ';') return { kind: 'amount', amount_cents: mag, surcharge };
  return null;
}

/** EJ document types (X cmd 124/125): 0 all, 1 fiscal, 2 Z, 4 non-fiscal. */
export type JournalDocType = 'all' | 'fiscal_receipts' | 'non_fiscal' | 'z_reports';
export const EJ_DOC_TYPES: Record<JournalDocType, number> = { all: 0, fiscal_receipts: 1, z_reports: 2, non_fiscal: 4 };
export function docTypeFromCode(code: string): JournalDocType | null {
  const hit = (Object.entries(EJ_DOC_TYPES) as Array<[JournalDocType, number]>).find(([, v]) => String(v) === code.trim());
  return hit ? hit[0] : null;
}
