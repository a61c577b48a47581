/** The seed's enums (VAT types, code types, quantity types, money-back types, document types). Pure. */

/** Caspos `vatType` values with their rate (basis points) and the percentage the device reports in reports. */
export const VAT_TYPES = {
  1: { name: 'ƏDV 18%', basis_points: 1800, report_percent: 1800 },
  2: { name: 'Ticarət ƏDV-si 18%', basis_points: 1800, report_percent: 1800 },
  3: { name: 'ƏDV-dən azad', basis_points: 0, report_percent: null },
  5: { name: 'ƏDV 0%', basis_points: 0, report_percent: 0 },
  6: { name: 'Sadələşdirilmiş 2%', basis_points: 200, report_percent: 200 },
  7: { name: 'Sadələşdirilmiş 8%', basis_points: 800, report_percent: 800 },
} as const satisfies Record<number, { name: string; basis_points: number; report_percent: number | null }>;
export type VatType = keyof typeof VAT_TYPES;
export const isVatType = (n: unknown): n is VatType => typeof n === 'number' && n in VAT_TYPES;

/** The default table from FisCool's VAT letters to Caspos VAT types. */
export const DEFAULT_VAT_TYPES: Record<string, VatType> = { A: 1, B: 2, C: 3, D: 5, E: 6, F: 7 };

/** A percentage written on a line ("18%") means this VAT type, whatever letter it has on the device. */
export const VAT_TYPE_FOR_PERCENT: Record<number, VatType> = { 1800: 1, 0: 5, 200: 6, 800: 7 };

/** `codeType`: how `code` is to be read. */
export const CODE_TYPES = { text: 0, ean8: 1, ean13: 2, service: 3 } as const;
/** Unit names a line's `um` may carry (Azerbaijani, Romanian and English spellings), case-insensitive. */
export const UNIT_NAMES: Record<string, number> = {
  '': 0,
  ədəd: 0,
  ed: 0,
  buc: 0,
  pcs: 0,
  pc: 0,
  piece: 0,
  'ədəd.': 0,
  kq: 1,
  kg: 1,
  litr: 2,
  l: 2,
  lt: 2,
  litre: 2,
  liter: 2,
  metr: 3,
  m: 3,
  'kv.metr': 4,
  'kv. metr': 4,
  'kv.m': 4,
  m2: 4,
  'm²': 4,
  mp: 4,
  'kub.metr': 5,
  'kub. metr': 5,
  'kub.m': 5,
  m3: 5,
  'm³': 5,
  mc: 5,
};

/** `moneyBackType` (seed, Money Back notes): 0 sale, 6 advance (prepayment), 7 credit payment. */
export const MONEY_BACK_TYPES = { sale: 0, prepayment: 6, credit_pay: 7 } as const;
/** Document types (seed, Enum "Document types") and the `type` names the control tape uses. */
export const DOCUMENT_TYPES = {
  sale: 0,
  money_back: 1,
  deposit: 2,
  withdraw: 3,
  x_report: 4,
  z_report: 5,
  correction: 6,
  rollback: 7,
  credit: 8,
  prepayment: 9,
  credit_return: 10,
  prepayment_return: 11,
} as const;
export type DocumentKind = keyof typeof DOCUMENT_TYPES;
