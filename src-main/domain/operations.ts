/**
 * Operation schemas (zod) for every operation of spec/native-api.md. The same schemas validate requests,
 * type the code and generate /openapi.json. Pure: no I/O.
 */
import { z } from 'zod';
import { MAX_PRICE_CENTS, MAX_QUANTITY_THOUSANDTHS, MAX_TOTAL_CENTS } from './money.js';
import { checkCui } from './cui.js';
import { CASPOS_FISCAL_EFFECT, CASPOS_READ_ONLY } from './caspos-operation-kinds.js';

const cents = (max = MAX_TOTAL_CENTS) => z.number().int().min(0).max(max);
const positiveCents = (max = MAX_TOTAL_CENTS) => z.number().int().min(1).max(max);

/** "21%", "21.00%", "9,5%" or a group letter "A".."H". */
export const VatSpec = z
  .string()
  .regex(/^(?:[A-Ha-h]|\d{1,2}(?:[.,]\d{1,2})?\s*%)$/, 'must be a percentage like "21%" or a VAT group letter A–H');

export const Discount = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('percent'),
    basis_points: z.number().int().min(1).max(10_000),
    is_surcharge: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('amount'),
    amount_cents: positiveCents(),
    is_surcharge: z.boolean().optional(),
  }),
]);
export type Discount = z.infer<typeof Discount>;

export const ItemLine = z.strictObject({
  type: z.literal('item'),
  description: z.string().trim().min(1).max(72),
  quantity_thousandths: z.number().int().min(1).max(MAX_QUANTITY_THOUSANDTHS),
  unit_price_cents: cents(MAX_PRICE_CENTS),
  vat: VatSpec,
  um: z.string().max(8).optional(),
  department: z.number().int().min(0).max(99).optional(),
  discount: Discount.optional(),
});
export type ItemLine = z.infer<typeof ItemLine>;

export const TextLine = z.strictObject({ type: z.literal('text'), text: z.string().max(72) });
export const SubtotalLine = z.strictObject({ type: z.literal('subtotal'), discount: Discount.optional() });
export const ReceiptLine = z.discriminatedUnion('type', [ItemLine, TextLine, SubtotalLine]);
export type ReceiptLine = z.infer<typeof ReceiptLine>;

export const PAYMENT_METHODS = ['cash', 'card', 'credit', 'voucher', 'meal_voucher', 'other'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethod>;
export const Payment = z.strictObject({ method: PaymentMethod, amount_cents: positiveCents() });
export type Payment = z.infer<typeof Payment>;

export const Buyer = z.strictObject({
  vat_number: z.string().superRefine((v, ctx) => {
    const r = checkCui(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `is not a valid Romanian fiscal code (CUI): ${r.reason}` });
  }),
  name: z.string().max(72).optional(),
  address: z.string().max(144).optional(),
});

const receiptFields = {
  lines: z.array(ReceiptLine).min(1).max(500),
  payments: z.array(Payment).min(1).max(10).optional(),
  buyer: Buyer.optional(),
  receipt_discount: Discount.optional(),
  flags: z.strictObject({ is_invoice: z.boolean().optional() }).optional(),
  close_action: z.enum(['close', 'void']).optional(),
};

export const PrintReceipt = z.strictObject({ type: z.literal('print_receipt'), ...receiptFields });
export const PrintRefund = z.strictObject({
  type: z.literal('print_refund'),
  ...receiptFields,
  original: z
    .strictObject({
      slip_number: z.number().int().min(1).optional(),
      document_id: z.string().max(64).optional(),
      datetime: z.string().max(40).optional(),
    })
    .optional(),
  reason: z.string().max(72).optional(),
});
export type PrintReceipt = z.infer<typeof PrintReceipt>;
export type PrintRefund = z.infer<typeof PrintRefund>;
export type ReceiptOperation = PrintReceipt | PrintRefund;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const ReportRange = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('date'), start: IsoDate, end: IsoDate }),
  z.strictObject({ type: z.literal('z_number'), start: z.number().int().min(1), end: z.number().int().min(1) }),
]);
export type ReportRange = z.infer<typeof ReportRange>;

const IsoLocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$/, 'must be a local date-time YYYY-MM-DDTHH:MM:SS');

const simple = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

export const FiscalOperation = z.discriminatedUnion('type', [
  PrintReceipt,
  PrintRefund,
  simple('print_x'),
  simple('print_z'),
  z.strictObject({ type: z.literal('deposit_cash'), amount: positiveCents() }),
  z.strictObject({ type: z.literal('withdraw_cash'), amount: positiveCents() }),
  z.strictObject({
    type: z.literal('je_report'),
    range: ReportRange,
    doc_type: z.enum(['all', 'fiscal_receipts', 'non_fiscal', 'z_reports']).default('all'),
    output_mode: z.enum(['read_line_by_line', 'print']).default('read_line_by_line'),
  }),
  z.strictObject({ type: z.literal('print_fiscal_memory_report'), range: ReportRange, detailed: z.boolean().default(false) }),
  simple('print_duplicate'),
  z.strictObject({ type: z.literal('print_non_fiscal'), lines: z.array(z.string().max(72)).min(1).max(500) }),
  simple('cancel_receipt'),
  simple('open_drawer'),
  z.strictObject({ type: z.literal('set_datetime'), datetime: IsoLocalDateTime }),
  simple('get_datetime'),
  simple('get_status'),
  simple('get_vat_rates'),
  simple('get_device_info'),
]);
export type FiscalOperation = z.infer<typeof FiscalOperation>;
export type FiscalOperationType = FiscalOperation['type'];
/** Every fiscal operation type, in the schema's order. */
export const FISCAL_OPERATION_TYPES: readonly FiscalOperationType[] = FiscalOperation.options.map((o) => o.shape.type.value);

const posReference = z
  .string()
  .regex(/^[\x21-\x7e]{1,64}$/, 'must be 1 to 64 printable ASCII characters without spaces');
const rrn = z.string().regex(/^[0-9A-Za-z]{1,32}$/, 'must be 1 to 32 letters or digits');
const transactionId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'must be 1 to 64 letters, digits or dashes');

/**
 * Card-terminal operations. `reference` is the ECR's own id for the transaction (the job id when omitted): the
 * terminal keeps it, and `transaction_status` looks a transaction up by it after a lost answer or a crash.
 * A refund with `original_rrn` or `original_transaction_id` is referenced, without them unreferenced; a void with
 * neither cancels the last approved transaction made through this hub.
 */
export const PosOperation = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sale'), amount: positiveCents(), reference: posReference.optional() }),
  z.strictObject({
    type: z.literal('refund'),
    amount: positiveCents(),
    original_rrn: rrn.optional(),
    original_transaction_id: transactionId.optional(),
    reference: posReference.optional(),
  }),
  z.strictObject({ type: z.literal('void'), rrn: rrn.optional(), transaction_id: transactionId.optional(), reference: posReference.optional() }),
  simple('abort'),
  z.strictObject({ type: z.literal('transaction_status'), reference: posReference }),
  simple('settlement'),
  simple('get_status'),
]);
export type PosOperation = z.infer<typeof PosOperation>;
export type PosOperationType = PosOperation['type'];
/**
 * What the pipeline hands a card-terminal driver: the operation plus, for refunds and voids, the original
 * transaction as FisCool's journal knows it (amount, RRN, the acquirer's id), when it could be found.
 */
export interface PosOriginal {
  rrn: string | null;
  transaction_id: string | null;
  amount_cents: number | null;
  kind: 'sale' | 'refund';
  reference: string | null;
}
export type PosDriverOperation = PosOperation & { original?: PosOriginal };

/** POS operations that run beside a transaction in progress (they never wait for the terminal's queue). */
export const POS_CONTROL_OPERATIONS: ReadonlySet<string> = new Set(['abort', 'get_status', 'transaction_status']);

/** POS operations that move money: a lost answer is looked up on the terminal by reference, never re-sent. */
export const POS_MONEY_OPERATIONS: ReadonlySet<string> = new Set(['sale', 'refund', 'void']);

export const OperationRequest = z.strictObject({
  device_id: z.string().min(1).max(64),
  operation: z.looseObject({ type: z.string() }),
});

/** Operations that change fiscal state: they are reconciled after a crash, never blindly re-run. */
export const FISCAL_EFFECT_OPERATIONS: ReadonlySet<string> = new Set([
  'print_receipt',
  'print_refund',
  'print_z',
  'deposit_cash',
  'withdraw_cash',
  ...CASPOS_FISCAL_EFFECT,
]);

/** Operations that only read: safe to run again after a crash. */
export const READ_ONLY_OPERATIONS: ReadonlySet<string> = new Set([
  'get_datetime',
  'get_status',
  'get_vat_rates',
  'get_device_info',
  'je_report',
  ...CASPOS_READ_ONLY,
]);
