/**
 * Operations for Caspos devices (Azerbaijan, seed 004): the standard receipt and refund with the fields a Caspos
 * document carries besides (barcode, marking codes, client and bonus card, cashier, bank transaction), and the
 * operations only Caspos has. The same schemas validate requests for a Caspos device and feed /openapi.json.
 * Units as everywhere: cents, thousandths. Pure.
 */
import { z } from 'zod';
import { MAX_PRICE_CENTS, MAX_TOTAL_CENTS } from './money.js';
import { FiscalOperation, ItemLine, PrintReceipt, PrintRefund, SubtotalLine, TextLine, VatSpec } from './operations.js';

const cents = (max = MAX_TOTAL_CENTS) => z.number().int().min(0).max(max);
const positiveCents = () => z.number().int().min(1).max(MAX_TOTAL_CENTS);
const text = (max: number) => z.string().trim().min(1).max(max);

/** What a Caspos item line may carry besides the standard ones (`um` gives the unit: ədəd, kq, litr, metr …). */
export const CasposItemExtras = {
  /** `code`: the barcode or the shop's own code. */
  barcode: z.string().trim().max(64).optional(),
  /** `codeType`: default ean8/ean13 for 8/13 digits, otherwise text. */
  code_type: z.enum(['text', 'ean8', 'ean13', 'service']).optional(),
  purchase_price_cents: cents(MAX_PRICE_CENTS).optional(),
  /** `markingCode` (one) and `markingCodes` (a list): the seed shows both; each is sent as given. */
  marking_code: text(200).optional(),
  marking_codes: z.array(text(200)).max(100).optional(),
  item_uuid: text(64).optional(),
  /** Refunds: the `itemUuid` of the line being returned. */
  parent_item_uuid: text(64).optional(),
  /** `sum`: the line total, when the shop's software computed it (the device then derives the price). */
  line_total_cents: cents().optional(),
};
export const CasposItemLine = ItemLine.extend(CasposItemExtras);
export type CasposItemLine = z.infer<typeof CasposItemLine>;
export const CasposReceiptLine = z.discriminatedUnion('type', [CasposItemLine, TextLine, SubtotalLine]);

export const CasposClient = z.strictObject({
  name: text(100).optional(),
  total_bonus_cents: cents().optional(),
  earned_bonus_cents: cents().optional(),
  bonus_card_number: text(64).optional(),
});
export const CasposBank = z.strictObject({
  rrn: z.string().trim().max(32).optional(),
  transaction_id: z.string().trim().max(64).optional(),
  transaction_number: z.string().trim().max(64).optional(),
  approval_code: z.string().trim().max(32).optional(),
});
export type CasposBank = z.infer<typeof CasposBank>;

/** Document fields every Caspos document may carry. `cashier` defaults to the device's `cashier_name` option. */
const documentExtras = {
  client: CasposClient.optional(),
  cashier: text(100).optional(),
  note: z.string().max(500).optional(),
  bank: CasposBank.optional(),
};

export const CasposPrintReceipt = PrintReceipt.extend({
  lines: z.array(CasposReceiptLine).min(1).max(500),
  ...documentExtras,
});
export const CasposPrintRefund = PrintRefund.extend({
  lines: z.array(CasposReceiptLine).min(1).max(500),
  ...documentExtras,
});
export type CasposPrintReceipt = z.infer<typeof CasposPrintReceipt>;
export type CasposPrintRefund = z.infer<typeof CasposPrintRefund>;

/** Payments of Caspos-only documents, named as the device names them (`bonusPayment`, `depositPayment`). */
export const CASPOS_PAYMENT_METHODS = ['cash', 'card', 'credit', 'bonus', 'prepayment'] as const;
export type CasposPaymentMethod = (typeof CASPOS_PAYMENT_METHODS)[number];
export const CasposPayment = z.strictObject({ method: z.enum(CASPOS_PAYMENT_METHODS), amount_cents: positiveCents() });
export type CasposPayment = z.infer<typeof CasposPayment>;
const payments = z.array(CasposPayment).min(1).max(10);

const itemLines = z.array(CasposItemLine).min(1).max(500);
const credit = z.strictObject({ contract: text(50), payer: text(100) });
const documentId = z.string().trim().min(1).max(64);
const original = z.strictObject({ document_id: documentId });

const IsoUtc = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/, 'must be a UTC date-time YYYY-MM-DDTHH:MM:SSZ');
const LocalDateOrTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/,
    'must be a date YYYY-MM-DD or a local date-time YYYY-MM-DDTHH:MM:SS',
  );

const simple = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

export const OpenShift = z.strictObject({
  type: z.literal('open_shift'),
  /** Cash put in the drawer when the shift opens (`sum`). */
  cash_cents: cents().default(0),
  cashier: text(100).optional(),
});

export const Prepayment = z.strictObject({
  type: z.literal('prepayment'),
  /** The advance (`sum`); with `lines` it is their total and may be left out. */
  amount_cents: positiveCents().optional(),
  /** The advance's VAT; with `lines`, every line has the same one. */
  vat: VatSpec.optional(),
  /** With lines: "prepaymentProducts" (the goods the advance is for); without: "prepayment". */
  lines: itemLines.optional(),
  payments,
  ...documentExtras,
});

export const CreditSale = z.strictObject({
  type: z.literal('credit_sale'),
  lines: itemLines,
  /** The part on credit is a payment of method "credit"; the rest (down payment) any other method. */
  payments,
  credit,
  ...documentExtras,
});

export const PrepaidSale = z.strictObject({
  type: z.literal('prepaid_sale'),
  lines: itemLines,
  /** The advance used is a payment of method "prepayment"; the rest any other method. */
  payments,
  prepayment_document_id: documentId,
  ...documentExtras,
});

export const CreditPayLine = z.strictObject({
  type: z.literal('item'),
  description: text(72),
  quantity_thousandths: z.number().int().min(1).max(99_999_999),
  /** The amount paid now for this line (`salePrice`). */
  unit_price_cents: cents(MAX_PRICE_CENTS),
  /** The product's own unit price (`realPrice`). */
  real_price_cents: cents(MAX_PRICE_CENTS),
  vat: VatSpec,
  um: z.string().max(8).optional(),
  barcode: CasposItemExtras.barcode,
  code_type: CasposItemExtras.code_type,
});

export const CreditPay = z.strictObject({
  type: z.literal('credit_pay'),
  /** The credit sale being paid off. */
  credit_document_id: documentId,
  lines: z.array(CreditPayLine).min(1).max(500),
  payments,
  /** Which instalment this is (`paymentNumber`). */
  payment_number: z.union([
    z.number().int().min(1).max(10_000),
    z
      .string()
      .trim()
      .regex(/^\d{1,5}$/),
  ]),
  /** What is still owed after this payment (`residue`). */
  residue_cents: cents(),
  credit,
  ...documentExtras,
});

export const MoneyBackManual = z.strictObject({
  type: z.literal('money_back_manual'),
  original,
  /** What the original document was: a sale (0), an advance (6) or a credit payment (7). */
  money_back_type: z.enum(['sale', 'prepayment', 'credit_pay']).default('sale'),
  lines: itemLines,
  payments,
  reason: z.string().max(72).optional(),
  ...documentExtras,
});

export const Rollback = z.strictObject({
  type: z.literal('rollback'),
  /** A sale or correction of the current shift. */
  original,
  total_cents: positiveCents(),
  payments,
  /** The original document's amounts per VAT. */
  vat_amounts: z
    .array(z.strictObject({ vat: VatSpec, amount_cents: cents() }))
    .min(1)
    .max(10),
  cashier: documentExtras.cashier,
  note: documentExtras.note,
});

export const Correction = z.strictObject({
  type: z.literal('correction'),
  /** The period the register was not working (UTC). */
  first_operation_at: IsoUtc,
  last_operation_at: IsoUtc,
  payments,
  vat: VatSpec,
  cashier: documentExtras.cashier,
  note: documentExtras.note,
});

export const PeriodicReport = z.strictObject({
  type: z.literal('periodic_report'),
  /** A date (from 00:00:00) or a local date-time. */
  start: LocalDateOrTime,
  /** A date (until 23:59:59) or a local date-time. */
  end: LocalDateOrTime,
});

export const CASPOS_NATIVE_OPERATIONS = [
  OpenShift,
  simple('get_shift_status'),
  Prepayment,
  CreditSale,
  PrepaidSale,
  CreditPay,
  MoneyBackManual,
  Rollback,
  Correction,
  simple('get_control_tape'),
  PeriodicReport,
  simple('check_printer'),
] as const;

/** The standard operations a Caspos device runs (the rest is refused before queueing). */
export const CASPOS_STANDARD_OPERATIONS = [
  'print_receipt',
  'print_refund',
  'print_x',
  'print_z',
  'deposit_cash',
  'withdraw_cash',
  'je_report',
  'print_duplicate',
  'open_drawer',
  'get_status',
  'get_vat_rates',
  'get_device_info',
] as const;

const standard = FiscalOperation.options.filter(
  (o) =>
    (CASPOS_STANDARD_OPERATIONS as readonly string[]).includes(o.shape.type.value) &&
    o !== PrintReceipt &&
    o !== PrintRefund,
);

/** Every operation a Caspos device accepts. */
export const CasposOperation = z.discriminatedUnion('type', [
  CasposPrintReceipt,
  CasposPrintRefund,
  ...(standard as unknown as [typeof PrintReceipt]),
  ...CASPOS_NATIVE_OPERATIONS,
]);
export type CasposNativeOperation = z.infer<(typeof CASPOS_NATIVE_OPERATIONS)[number]>;
export type CasposOperation =
  | Exclude<FiscalOperation, { type: 'print_receipt' | 'print_refund' }>
  | CasposPrintReceipt
  | CasposPrintRefund
  | CasposNativeOperation;
/** Success messages (`msg`) of the Caspos-only operations. */
export const CASPOS_SUCCESS_MESSAGES: Record<string, { ro: string; en: string }> = {
  open_shift: { ro: 'Tură deschisă', en: 'Shift opened' },
  get_shift_status: { ro: 'Starea turei citită', en: 'Shift status read' },
  prepayment: { ro: 'Avans încasat', en: 'Advance payment received' },
  credit_sale: { ro: 'Vânzare pe credit înregistrată', en: 'Credit sale registered' },
  prepaid_sale: { ro: 'Vânzare din avans înregistrată', en: 'Sale paid from an advance registered' },
  credit_pay: { ro: 'Plată de credit încasată', en: 'Credit payment received' },
  money_back_manual: { ro: 'Retur manual înregistrat', en: 'Manual refund registered' },
  rollback: { ro: 'Bon anulat', en: 'Receipt rolled back' },
  correction: { ro: 'Bon de corecție înregistrat', en: 'Correction receipt registered' },
  get_control_tape: { ro: 'Banda de control citită', en: 'Control tape read' },
  periodic_report: { ro: 'Raport periodic citit', en: 'Periodic report read' },
  check_printer: { ro: 'Imprimanta verificată', en: 'Printer checked' },
};
