/**
 * X and Z reports, the periodic report and the control tape, computed from the emulator's documents, in the seed's
 * shapes. VAT amounts are grouped by the percentage reports show (types 1 and 2 → 18 %, 5 → 0 %, 6 → 2 %,
 * 7 → 8 %; VAT-free type 3 without a percentage). `periodSum` = sales + advances + credit payments + corrections −
 * money back − rollbacks.
 */
import { divRoundHalfUp } from '../../domain/money.js';
import type { WValue } from '../../protocols/caspos/json-write.js';
import { VAT_TYPES, type DocumentKind, type VatType } from '../../protocols/caspos/tables.js';
import { dateText, dbl, percent } from './answer-shapes.js';
import type { CasposDoc, DocPayments } from './ledger.js';

type Group = 'sale' | 'moneyBack' | 'prepay' | 'creditpay' | 'correction' | 'rollback';
const GROUP_OF: Partial<Record<DocumentKind, Group>> = {
  sale: 'sale',
  money_back: 'moneyBack',
  credit_return: 'moneyBack',
  prepayment_return: 'moneyBack',
  prepayment: 'prepay',
  credit: 'creditpay',
  correction: 'correction',
  rollback: 'rollback',
};
const SIGN: Record<Group, 1 | -1> = { sale: 1, prepay: 1, creditpay: 1, correction: 1, moneyBack: -1, rollback: -1 };

const reportPercent = (t: number): number | null => VAT_TYPES[t as VatType]?.report_percent ?? null;

/** Gross per report percentage (null = VAT-free), in first-seen order. */
function byPercent(docs: CasposDoc[]): Map<number | null, number> {
  const m = new Map<number | null, number>();
  for (const d of docs)
    for (const v of d.vat) m.set(reportPercent(v.vat_type), (m.get(reportPercent(v.vat_type)) ?? 0) + v.sum_cents);
  return m;
}

function vatAmounts(docs: CasposDoc[]): WValue[] {
  return [...byPercent(docs)].map(([p, sum]) =>
    p === null ? { vatSum: dbl(sum) } : { vatPercent: percent(p), vatSum: dbl(sum) },
  );
}

const sum = (docs: CasposDoc[], f: (d: CasposDoc) => number) => docs.reduce((s, d) => s + f(d), 0);
const pay = (docs: CasposDoc[], k: keyof DocPayments) => sum(docs, (d) => d.payments[k]);

function groupBlock(g: Group, docs: CasposDoc[]): Record<string, WValue> {
  const out: Record<string, WValue> = {
    [`${g}BonusSum`]: dbl(pay(docs, 'bonus')),
    [`${g}CashSum`]: dbl(pay(docs, 'cash')),
    [`${g}CashlessSum`]: dbl(pay(docs, 'card')),
    [`${g}Count`]: docs.length,
  };
  if (g !== 'creditpay' && g !== 'prepay') {
    out[`${g}CreditSum`] = dbl(pay(docs, 'credit'));
    out[`${g}PrepaymentSum`] = dbl(pay(docs, 'deposit'));
  }
  out[`${g}Sum`] = dbl(sum(docs, (d) => d.total_cents));
  out[`${g}VatAmounts`] = vatAmounts(docs);
  return out;
}

/** The totals signed as periodSum counts them, split by VAT percentage. */
function periodTotals(docs: CasposDoc[]) {
  let total = 0;
  let vat = 0;
  let free = 0;
  let zero = 0;
  for (const d of docs) {
    const g = GROUP_OF[d.kind];
    if (!g) continue;
    const s = SIGN[g];
    total += s * d.total_cents;
    for (const v of d.vat) {
      const p = reportPercent(v.vat_type);
      if (p === null) free += s * v.sum_cents;
      else if (p === 0) zero += s * v.sum_cents;
      else vat += s * v.sum_cents;
    }
  }
  return { total, vat, free, zero };
}

/** The `currencies[0]` block of getXReport / closeShift over one shift's documents. */
export function shiftCurrency(docs: CasposDoc[]): Record<string, WValue> {
  const of = (g: Group) => docs.filter((d) => GROUP_OF[d.kind] === g);
  const deposits = docs.filter((d) => d.kind === 'deposit');
  const withdraws = docs.filter((d) => d.kind === 'withdraw');
  const p = periodTotals(docs);
  const block: Record<string, WValue> = {
    ...groupBlock('correction', of('correction')),
    ...groupBlock('creditpay', of('creditpay')),
    currency: 'AZN',
    depositCount: deposits.length,
    depositSum: dbl(sum(deposits, (d) => d.total_cents)),
    ...groupBlock('moneyBack', of('moneyBack')),
    periodSum: dbl(p.total),
    periodVatFreeSum: dbl(p.free),
    periodVatSum: dbl(p.vat),
    periodVatZeroSum: dbl(p.zero),
    ...groupBlock('prepay', of('prepay')),
    ...groupBlock('rollback', of('rollback')),
    ...groupBlock('sale', of('sale')),
    withdrawCount: withdraws.length,
    withdrawSum: dbl(sum(withdraws, (d) => d.total_cents)),
  };
  return block;
}

export function shiftReport(
  docs: CasposDoc[],
  shift: { number: number; opened_at: string; last_doc_number: number },
  now: string,
): Record<string, WValue> {
  const numbered = docs.filter((d) => d.kind !== 'z_report');
  return {
    currencies: [shiftCurrency(docs)],
    docCountToSend: 0,
    firstDocNumber: numbered[0]?.number ?? shift.last_doc_number + 1,
    lastDocNumber: numbered.at(-1)?.number ?? shift.last_doc_number,
    createdAtUtc: dateText(now),
    reportNumber: String(shift.number),
    shiftOpenAtUtc: dateText(shift.opened_at),
  };
}

/** VAT included in a gross amount at `bp` (18 % of 118 …), rounded half up. */
export const includedVat = (gross: number, bp: number): number =>
  Number(divRoundHalfUp(BigInt(gross) * BigInt(bp), 10_000n + BigInt(bp)));

const docVat = (d: CasposDoc) =>
  d.vat.reduce((s, v) => s + includedVat(v.sum_cents, VAT_TYPES[v.vat_type as VatType]?.basis_points ?? 0), 0);

function periodicBlock(
  name: string,
  docs: CasposDoc[],
  parts: { credit: boolean; prepayment: boolean; total: boolean; vat: boolean },
): Record<string, WValue> {
  const out: Record<string, WValue> = {
    [`${name}BonusTotal`]: dbl(pay(docs, 'bonus')),
    [`${name}CashTotal`]: dbl(pay(docs, 'cash')),
    [`${name}CashlessTotal`]: dbl(pay(docs, 'card')),
    [`${name}Count`]: docs.length,
  };
  if (parts.credit) out[`${name}CreditTotal`] = dbl(pay(docs, 'credit'));
  if (parts.prepayment) out[`${name}PrepaymentTotal`] = dbl(pay(docs, 'deposit'));
  if (parts.total) out[`${name}Total`] = dbl(sum(docs, (d) => d.total_cents));
  if (parts.vat) out[`${name}Vat`] = dbl(sum(docs, docVat));
  const free = sum(docs, (d) =>
    d.vat.filter((v) => reportPercent(v.vat_type) === null).reduce((s, v) => s + v.sum_cents, 0),
  );
  out[`${name}VatFreeTotal`] = dbl(free);
  out[`${name}VatTotal`] = dbl(sum(docs, (d) => d.total_cents) - free);
  return out;
}

/** getPeriodicZReport over the documents created between start and end (local ISO, inclusive). */
export function periodicReport(all: CasposDoc[], start: string, end: string, now: string): Record<string, WValue> {
  const docs = all.filter((d) => d.created_at >= start && d.created_at <= end);
  const of = (...kinds: DocumentKind[]) => docs.filter((d) => kinds.includes(d.kind));
  const full = { credit: true, prepayment: true, total: true, vat: true };
  const p = periodTotals(docs);
  const cashIn = of('deposit');
  const cashOut = of('withdraw');
  return {
    ...periodicBlock('cancellation', of('rollback'), full),
    cashInCount: cashIn.length,
    cashInTotal: dbl(sum(cashIn, (d) => d.total_cents)),
    cashOutCount: cashOut.length,
    cashOutTotal: dbl(sum(cashOut, (d) => d.total_cents)),
    ...periodicBlock('correction', of('correction'), full),
    ...periodicBlock('credit', of('credit'), { credit: false, prepayment: false, total: false, vat: false }),
    date: dateText(now),
    endDate: dateText(end),
    periodSum: dbl(p.total),
    periodVatFreeSum: dbl(p.free),
    periodVatSum: dbl(p.total - p.free),
    ...periodicBlock('prepayment', of('prepayment'), { credit: false, prepayment: false, total: false, vat: false }),
    ...periodicBlock('sale', of('sale'), { credit: true, prepayment: true, total: true, vat: false }),
    ...periodicBlock('saleReturn', of('money_back', 'credit_return', 'prepayment_return'), {
      credit: true,
      prepayment: true,
      total: true,
      vat: false,
    }),
    startDate: dateText(start),
  };
}

/** getControlTape: the current shift's documents. */
export function controlTape(
  docs: CasposDoc[],
  shift: { number: number; opened_at: string },
  now: string,
): Record<string, WValue> {
  const tape = docs
    .filter((d) => d.kind !== 'z_report')
    .map((d) => ({
      createdAtUtc: dateText(d.created_at),
      document_id: d.id,
      item_count: d.items.length,
      total_sum: dbl(d.total_cents),
      total_vat: dbl(docVat(d)),
      delivered: true,
      number: d.number,
      short_document_id: d.short_id,
      type: d.kind,
    }));
  return {
    createdAtUtc: dateText(now),
    documents_quantity: tape.length,
    shift_number: shift.number,
    shiftOpenAtUtc: dateText(shift.opened_at),
    tape,
  };
}
