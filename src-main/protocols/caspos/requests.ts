/**
 * Request builders, one per Caspos operation, from integer units (cents, thousandths). Each writes exactly the
 * fields the seed's example for that operation shows, where the example shows them (`cashierName` and `currency`
 * sit outside `data` for openShift, correction and rollBack, as in the seed). Optional fields are written only
 * when given. Pure.
 */
import { envelope, type Credentials } from './envelope.js';
import { money, quantity, type WValue } from './json-write.js';

export interface CasposItem {
  name: string;
  code: string;
  quantity_thousandths: number;
  price_cents: number;
  code_type: number;
  quantity_type: number;
  vat_type: number;
  purchase_price_cents?: number;
  discount_cents?: number;
  /** Line total written as `sum` (the device then computes the price); optional. */
  sum_cents?: number;
  marking_code?: string;
  marking_codes?: string[];
  item_uuid?: string;
  parent_item_uuid?: string;
  /** Credit pay: the product's unit price (`realPrice`), `price_cents` being the amount paid. */
  real_price_cents?: number;
}

export type PaymentField = 'cash' | 'credit' | 'deposit' | 'card' | 'bonus';
export type Payments = Partial<Record<PaymentField, number>>;

export interface Client {
  name?: string;
  total_bonus_cents?: number;
  earned_bonus_cents?: number;
  bonus_card_number?: string;
}

export interface Bank {
  rrn?: string;
  transaction_id?: string;
  transaction_number?: string;
  approval_code?: string;
}

const PAYMENT_KEYS: Record<PaymentField, string> = {
  cash: 'cashPayment',
  credit: 'creditPayment',
  deposit: 'depositPayment',
  card: 'cardPayment',
  bonus: 'bonusPayment',
};
export const ALL_PAYMENTS: readonly PaymentField[] = ['cash', 'credit', 'deposit', 'card', 'bonus'];

/** The payment fields `shown` (zero when unused), plus any other one that carries an amount. */
function paymentFields(p: Payments, shown: readonly PaymentField[]): Record<string, WValue> {
  const out: Record<string, WValue> = {};
  for (const f of ALL_PAYMENTS) {
    const v = p[f] ?? 0;
    if (shown.includes(f) || v !== 0) out[PAYMENT_KEYS[f]] = money(v);
  }
  return out;
}

type ItemStyle = 'sale' | 'money_back' | 'credit_pay' | 'prepayment';

function item(i: CasposItem, style: ItemStyle): Record<string, WValue | undefined> {
  const base: Record<string, WValue | undefined> = {
    name: i.name,
    code: i.code,
    quantity: quantity(i.quantity_thousandths),
    salePrice: money(i.price_cents),
  };
  if (style === 'credit_pay') base.realPrice = money(i.real_price_cents ?? i.price_cents);
  if (style === 'sale' || style === 'money_back') base.purchasePrice = money(i.purchase_price_cents ?? 0);
  base.codeType = i.code_type;
  base.quantityType = i.quantity_type;
  base.vatType = i.vat_type;
  if (i.sum_cents !== undefined) base.sum = money(i.sum_cents);
  if (style === 'sale' || style === 'money_back') {
    if (i.marking_code !== undefined) base.markingCode = i.marking_code;
    if (i.item_uuid !== undefined) base.itemUuid = i.item_uuid;
    if (i.parent_item_uuid !== undefined) base.parentItemUuid = i.parent_item_uuid;
    base.discountAmount = money(i.discount_cents ?? 0);
    if (i.marking_codes !== undefined) base.markingCodes = [...i.marking_codes];
  }
  return base;
}

function clientFields(c: Client | undefined): Record<string, WValue | undefined> {
  if (!c) return {};
  return {
    clientName: c.name,
    clientTotalBonus: c.total_bonus_cents === undefined ? undefined : money(c.total_bonus_cents),
    clientEarnedBonus: c.earned_bonus_cents === undefined ? undefined : money(c.earned_bonus_cents),
    clientBonusCardNumber: c.bonus_card_number,
  };
}

/** The bank transaction's fields, camelCase as in the seed's money-back example; `always` ones go even when empty. */
function bankFields(
  b: Bank | undefined,
  always: { rrn: boolean; others: boolean },
): Record<string, WValue | undefined> {
  const v = (x: string | undefined, keep: boolean) => x ?? (keep ? '' : undefined);
  return {
    rrn: v(b?.rrn, always.rrn),
    transactionId: v(b?.transaction_id, always.others),
    transactionNumber: v(b?.transaction_number, always.others),
    approvalCode: v(b?.approval_code, always.others),
  };
}

export interface SaleInput {
  uuid: string;
  payments: Payments;
  items: CasposItem[];
  cashier: string;
  client?: Client;
  note?: string;
  bank?: Bank;
  credit?: { contract: string; payer: string };
  prepayment_document_id?: string;
}

/** `sale` — also credit sale (creditPayment + contract) and advance pay (depositPayment + prepaymentDocumentId). */
export function saleRequest(creds: Credentials, s: SaleInput) {
  const advance = s.prepayment_document_id !== undefined;
  const shown: PaymentField[] = advance ? ['cash', 'deposit', 'card', 'bonus'] : [...ALL_PAYMENTS];
  return envelope('sale', creds, {
    documentUUID: s.uuid,
    ...paymentFields(s.payments, shown),
    prepaymentDocumentId: s.prepayment_document_id,
    items: s.items.map((i) => item(i, 'sale')),
    ...clientFields(s.client),
    cashierName: s.cashier,
    note: s.note,
    // The seed's sale examples send `rrn` even when empty; its advance pay example has none.
    ...bankFields(s.bank, { rrn: !advance, others: false }),
    creditContract: s.credit?.contract,
    creditPayer: s.credit?.payer,
    currency: 'AZN',
  });
}

export interface MoneyBackInput {
  uuid: string;
  parent_document_id: string;
  money_back_type: number;
  manual: boolean;
  payments: Payments;
  items: CasposItem[];
  cashier: string;
  client?: Client;
  note?: string;
  bank?: Bank;
}

export function moneyBackRequest(creds: Credentials, m: MoneyBackInput) {
  return envelope('moneyBack', creds, {
    parentDocumentId: m.parent_document_id,
    documentUUID: m.uuid,
    ...paymentFields(m.payments, ALL_PAYMENTS),
    items: m.items.map((i) => item(i, 'money_back')),
    isManual: m.manual,
    moneyBackType: m.money_back_type,
    ...clientFields(m.client),
    cashierName: m.cashier,
    currency: 'AZN',
    ...bankFields(m.bank, { rrn: true, others: true }),
    note: m.note,
  });
}

export interface CreditPayInput {
  uuid: string;
  parent_document_id: string;
  payments: Payments;
  items: CasposItem[];
  payment_number: string;
  residue_cents: number;
  credit: { contract: string; payer: string };
  cashier: string;
  client?: Client;
  note?: string;
  bank?: Bank;
}

export function creditPayRequest(creds: Credentials, c: CreditPayInput) {
  return envelope('credit', creds, {
    documentUUID: c.uuid,
    parentDocumentId: c.parent_document_id,
    ...paymentFields(c.payments, ['cash', 'card']),
    items: c.items.map((i) => item(i, 'credit_pay')),
    paymentNumber: c.payment_number,
    residue: money(c.residue_cents),
    creditContract: c.credit.contract,
    creditPayer: c.credit.payer,
    ...clientFields(c.client),
    cashierName: c.cashier,
    note: c.note,
    ...bankFields(c.bank, { rrn: false, others: false }),
    currency: 'AZN',
  });
}

export interface PrepaymentInput {
  uuid: string;
  sum_cents: number;
  vat_type: number;
  payments: Payments;
  /** With items: `prepaymentProducts` (all of one VAT type); without: `prepayment`. */
  items?: CasposItem[];
  cashier: string;
  client?: Client;
  note?: string;
  bank?: Bank;
}

export function prepaymentRequest(creds: Credentials, p: PrepaymentInput) {
  return envelope(p.items ? 'prepaymentProducts' : 'prepayment', creds, {
    documentUUID: p.uuid,
    sum: money(p.sum_cents),
    vatType: p.vat_type,
    ...paymentFields(p.payments, ['cash', 'card', 'bonus']),
    items: p.items?.map((i) => item(i, 'prepayment')),
    ...clientFields(p.client),
    cashierName: p.cashier,
    currency: 'AZN',
    note: p.note,
    ...bankFields(p.bank, { rrn: false, others: false }),
  });
}

export interface CorrectionInput {
  uuid: string;
  /** ISO 8601 UTC, as the seed writes them ("2021-08-31T03:39:11Z"). */
  first_operation_at: string;
  last_operation_at: string;
  payments: Payments;
  vat_type: number;
  cashier: string;
  note?: string;
}

export function correctionRequest(creds: Credentials, c: CorrectionInput) {
  return envelope(
    'correction',
    creds,
    {
      documentUUID: c.uuid,
      firstOperationAtUtc: c.first_operation_at,
      lastOperationAtUtc: c.last_operation_at,
      currency: 'AZN',
      ...paymentFields(c.payments, ['cash', 'card']),
      vatType: c.vat_type,
      note: c.note ?? '',
    },
    { cashierName: c.cashier },
  );
}

export interface RollBackInput {
  uuid: string;
  parent_document_id: string;
  sum_cents: number;
  payments: Payments;
  vat_amounts: Array<{ vat_type: number; sum_cents: number }>;
  cashier: string;
  note?: string;
}

export function rollBackRequest(creds: Credentials, r: RollBackInput) {
  return envelope(
    'rollBack',
    creds,
    {
      documentUUID: r.uuid,
      parentDocumentId: r.parent_document_id,
      sum: money(r.sum_cents),
      ...paymentFields(r.payments, ALL_PAYMENTS),
      vatAmounts: r.vat_amounts.map((v) => ({ vatType: v.vat_type, vatSum: money(v.sum_cents) })),
      note: r.note,
    },
    { cashierName: r.cashier, currency: 'AZN' },
  );
}

export const openShiftRequest = (creds: Credentials, sumCents: number, cashier: string) =>
  envelope('openShift', creds, { sum: money(sumCents) }, { cashierName: cashier });

export const closeShiftRequest = (creds: Credentials, uuid: string, cashier: string) =>
  envelope('closeShift', creds, { documentUUID: uuid, cashierName: cashier });

export const cashRequest = (
  creds: Credentials,
  kind: 'deposit' | 'withDraw',
  uuid: string,
  cents: number,
  cashier: string,
) => envelope(kind, creds, { documentUUID: uuid, sum: money(cents), cashierName: cashier, currency: 'AZN' });

export const xReportRequest = (creds: Credentials, cashier: string) =>
  envelope('getXReport', creds, { cashierName: cashier });

/** Dates as "dd.MM.yyyy HH:mm:ss". */
export const periodicReportRequest = (creds: Credentials, start: string, end: string) =>
  envelope('getPeriodicZReport', creds, { startDate: start, endDate: end });

export const simpleRequest = (
  creds: Credentials,
  operation:
    | 'toLogin'
    | 'toLogout'
    | 'getInfo'
    | 'getShiftStatus'
    | 'printLastCheque'
    | 'getControlTape'
    | 'isConnectedPrinter'
    | 'openCashbox',
) => envelope(operation, creds);
