/**
 * Validated FisCool operations → the protocol's document inputs (integer units): items with their Caspos codes,
 * payments by Caspos field, client, bank fields (the linked terminal's rrn and approval code win), cashier, note.
 * Pure.
 */
import type { Discount, Payment, PaymentMethod } from '../../domain/operations.js';
import type { CasposBank, CasposPayment, CasposPaymentMethod } from '../../domain/operations-caspos.js';
import type { PosResult } from '../../domain/results.js';
import { discountAdjustment } from '../../domain/receipt-math.js';
import { lineTotalCents } from '../../domain/money.js';
import type { Bank, CasposItem, Client, PaymentField, Payments } from '../../protocols/caspos/requests.js';
import { CODE_TYPES, UNIT_NAMES, type VatType } from '../../protocols/caspos/tables.js';
import { vatTypeOf } from './vat.js';

/** An item line as validation leaves it (standard fields, Caspos extras when given). */
export interface ItemLineLike {
  type: 'item';
  description: string;
  quantity_thousandths: number;
  unit_price_cents: number;
  vat: string;
  um?: string | undefined;
  discount?: Discount | undefined;
  barcode?: string | undefined;
  code_type?: keyof typeof CODE_TYPES | undefined;
  purchase_price_cents?: number | undefined;
  marking_code?: string | undefined;
  marking_codes?: string[] | undefined;
  item_uuid?: string | undefined;
  parent_item_uuid?: string | undefined;
  line_total_cents?: number | undefined;
  real_price_cents?: number | undefined;
}

function codeType(line: ItemLineLike): number {
  if (line.code_type !== undefined) return CODE_TYPES[line.code_type];
  const code = line.barcode ?? '';
  return /^\d{8}$/.test(code) ? CODE_TYPES.ean8 : /^\d{13}$/.test(code) ? CODE_TYPES.ean13 : CODE_TYPES.text;
}

export function itemOf(line: ItemLineLike, table: Record<string, VatType>): CasposItem {
  const gross = lineTotalCents(line.quantity_thousandths, line.unit_price_cents);
  const discount = line.discount ? -discountAdjustment(gross, line.discount) : 0;
  return {
    name: line.description,
    code: line.barcode ?? '',
    quantity_thousandths: line.quantity_thousandths,
    price_cents: line.unit_price_cents,
    code_type: codeType(line),
    quantity_type: UNIT_NAMES[(line.um ?? '').trim().toLowerCase()] ?? 0,
    vat_type: vatTypeOf(line.vat, table),
    ...(line.purchase_price_cents !== undefined ? { purchase_price_cents: line.purchase_price_cents } : {}),
    ...(discount !== 0 ? { discount_cents: discount } : {}),
    ...(line.line_total_cents !== undefined ? { sum_cents: line.line_total_cents } : {}),
    ...(line.marking_code !== undefined ? { marking_code: line.marking_code } : {}),
    ...(line.marking_codes !== undefined ? { marking_codes: line.marking_codes } : {}),
    ...(line.item_uuid !== undefined ? { item_uuid: line.item_uuid } : {}),
    ...(line.parent_item_uuid !== undefined ? { parent_item_uuid: line.parent_item_uuid } : {}),
    ...(line.real_price_cents !== undefined ? { real_price_cents: line.real_price_cents } : {}),
  };
}

export const itemsOf = (lines: ReadonlyArray<{ type: string }>, table: Record<string, VatType>): CasposItem[] =>
  lines.filter((l): l is ItemLineLike => l.type === 'item').map((l) => itemOf(l, table));

/** Text lines of a receipt (and its own note, a refund's reason) become the `note` printed at the end. */
export function noteOf(
  lines: ReadonlyArray<{ type: string; text?: string }>,
  ...more: Array<string | undefined>
): string | undefined {
  const texts = [
    ...lines.filter((l) => l.type === 'text').map((l) => l.text ?? ''),
    ...more.filter((x): x is string => x !== undefined),
  ];
  return texts.length ? texts.join('\n') : undefined;
}

const STANDARD_FIELD: Partial<Record<PaymentMethod, PaymentField>> = {
  cash: 'cash',
  card: 'card',
  credit: 'credit',
  voucher: 'bonus',
};
const CASPOS_FIELD: Record<CasposPaymentMethod, PaymentField> = {
  cash: 'cash',
  card: 'card',
  credit: 'credit',
  bonus: 'bonus',
  prepayment: 'deposit',
};

/** Standard payments (omitted = all in cash) → Caspos fields; voucher → bonusPayment. */
export function standardPayments(payments: Payment[] | undefined, totalCents: number): Payments {
  const out: Payments = {};
  for (const p of payments ?? [{ method: 'cash' as const, amount_cents: totalCents }]) {
    const f = STANDARD_FIELD[p.method];
    if (f === undefined) throw new Error(`payment method ${p.method} reached the Caspos driver`);
    out[f] = (out[f] ?? 0) + p.amount_cents;
  }
  return out;
}

const STANDARD_METHOD: Record<CasposPaymentMethod, PaymentMethod> = {
  cash: 'cash',
  card: 'card',
  credit: 'credit',
  bonus: 'voucher',
  prepayment: 'other',
};

/** Caspos payments as standard ones, for the domain's receipt arithmetic (change only in cash). */
export const asStandard = (ps: ReadonlyArray<{ method: CasposPaymentMethod; amount_cents: number }>): Payment[] =>
  ps.map((p) => ({ method: STANDARD_METHOD[p.method], amount_cents: p.amount_cents }));

export function casposPayments(payments: CasposPayment[]): Payments {
  const out: Payments = {};
  for (const p of payments) out[CASPOS_FIELD[p.method]] = (out[CASPOS_FIELD[p.method]] ?? 0) + p.amount_cents;
  return out;
}

export function clientOf(
  c:
    | {
        name?: string | undefined;
        total_bonus_cents?: number | undefined;
        earned_bonus_cents?: number | undefined;
        bonus_card_number?: string | undefined;
      }
    | undefined,
): Client | undefined {
  if (!c) return undefined;
  const out: Client = {};
  if (c.name !== undefined) out.name = c.name;
  if (c.total_bonus_cents !== undefined) out.total_bonus_cents = c.total_bonus_cents;
  if (c.earned_bonus_cents !== undefined) out.earned_bonus_cents = c.earned_bonus_cents;
  if (c.bonus_card_number !== undefined) out.bonus_card_number = c.bonus_card_number;
  return out;
}

/** The operation's bank fields; a linked terminal's approved payment (ctx.pos) provides rrn and approval code. */
export function bankOf(bank: CasposBank | undefined, pos: PosResult | undefined): Bank | undefined {
  const out: Bank = { ...bank };
  if (pos?.approved) {
    if (pos.rrn) out.rrn = pos.rrn;
    if (pos.auth_code) out.approval_code = pos.auth_code;
  }
  for (const k of Object.keys(out) as Array<keyof Bank>) if (out[k] === undefined) delete out[k];
  return Object.keys(out).length ? out : undefined;
}
