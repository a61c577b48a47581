/**
 * Steps that are not part of a fiscal receipt: non-fiscal receipts, cash in/out, X and Z reports, duplicates and
 * fiscal memory reports. Same shape as receipt-lifecycle: mutate a draft state, return printed lines and the journal
 * document. Pure.
 */
import { MAX_TOTAL_CENTS } from '../../domain/money.js';
import { RegisterError, type JournalDocument, type JournalQuery } from './register-api.js';
import { printedDateTime } from './register-clock.js';
import { checkText, requireOpen, type StepContext } from './receipt-lifecycle.js';
import { emptyPeriod, type RegisterState } from './register-state.js';
import { fiscalMemoryRecord, fiscalMemoryReportLines, periodReportLines, reportTotals, type FiscalMemoryRecord } from './reports.js';
import type { ReportTotals } from '../../domain/results.js';
import { cashLines, centered, headerLines, nonFiscalFrame, separator, wrap } from './text-layout.js';

const fail = (code: ConstructorParameters<typeof RegisterError>[0], message: string): never => {
  throw new RegisterError(code, message);
};

export function requireNoReceipt(s: RegisterState): void {
  if (s.open !== null) fail('RECEIPT_OPEN', 'a receipt is open: close or cancel it first');
}

function nextDoc(s: RegisterState, ctx: StepContext, kind: JournalDocument['kind'], lines: string[], total?: number): JournalDocument {
  s.doc_number++;
  return {
    kind,
    number: s.doc_number,
    z_period: s.z_number + 1,
    datetime: ctx.now,
    ...(total !== undefined ? { total_cents: total } : {}),
    lines,
  };
}

export function openNonFiscal(s: RegisterState, ctx: StepContext): string[] {
  requireNoReceipt(s);
  s.open = {
    kind: 'non_fiscal',
    opened_at: ctx.now,
    operator: 1,
    invoice: false,
    items: 0,
    by_vat: {},
    running_cents: 0,
    subtotal_adjusted: false,
    payments: [],
    paid_cents: 0,
    non_cash_cents: 0,
    lines: [],
  };
  return [...headerLines(ctx.identity.headers, ctx.identity.serial), ...nonFiscalFrame('open')];
}

export function nonFiscalText(s: RegisterState, text: string): string[] {
  requireOpen(s, ['non_fiscal']);
  checkText(text, 'the text');
  return wrap(text);
}

export function closeNonFiscal(s: RegisterState, ctx: StepContext): { lines: string[]; doc: JournalDocument } {
  const r = requireOpen(s, ['non_fiscal']);
  const lines = nonFiscalFrame('close', ctx.now);
  const doc = nextDoc(s, ctx, 'non_fiscal', [...r.lines, ...lines]);
  s.open = null;
  return { lines, doc };
}

export function cash(
  s: RegisterState,
  ctx: StepContext,
  direction: 'in' | 'out',
  amount: number,
): { lines: string[]; doc: JournalDocument; cash_in_drawer_cents: number } {
  requireNoReceipt(s);
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_TOTAL_CENTS) fail('INVALID_VALUE', 'the amount must be a positive number of cents');
  if (direction === 'out' && amount > s.cash_in_drawer_cents) {
    fail('CASH_NOT_ENOUGH', `the drawer holds only ${s.cash_in_drawer_cents} cents`);
  }
  if (direction === 'in') {
    s.cash_in_drawer_cents += amount;
    s.period.cash_in_cents += amount;
  } else {
    s.cash_in_drawer_cents -= amount;
    s.period.cash_out_cents += amount;
  }
  const lines = [
    ...headerLines(ctx.identity.headers, ctx.identity.serial),
    ...cashLines(direction, amount, s.cash_in_drawer_cents, ctx.now),
  ];
  const doc = nextDoc(s, ctx, direction === 'in' ? 'cash_in' : 'cash_out', lines, amount);
  return { lines, doc, cash_in_drawer_cents: s.cash_in_drawer_cents };
}

export function xReport(s: RegisterState, ctx: StepContext): { lines: string[]; doc: JournalDocument; totals: ReportTotals } {
  requireNoReceipt(s);
  const lines = [
    ...headerLines(ctx.identity.headers, ctx.identity.serial),
    ...periodReportLines({
      kind: 'X',
      period: s.period,
      rates: ctx.identity.vat_rates,
      payment_names: ctx.identity.payment_names,
      z_number: s.z_number + 1,
      drawer_cents: s.cash_in_drawer_cents,
      datetime: ctx.now,
      serial: ctx.identity.serial,
    }),
  ];
  const totals = reportTotals(s.period);
  return { lines, doc: nextDoc(s, ctx, 'x_report', lines, totals.total_cents), totals };
}

/**
 * Z report: one fiscal-memory record, Z number + 1, period totals reset, the 24-hour clock cleared. The cash in
 * the drawer is reset to 0 as on Romanian Datecs units (the next day starts with a cash-in of the float).
 */
export function zReport(
  s: RegisterState,
  ctx: StepContext,
  fiscalMemoryCapacity: number,
): { lines: string[]; doc: JournalDocument; fm: FiscalMemoryRecord; z_number: number; totals: ReportTotals } {
  requireNoReceipt(s);
  if (s.z_number >= fiscalMemoryCapacity) fail('FISCAL_MEMORY_FULL', 'the fiscal memory is full');
  const z = s.z_number + 1;
  const lines = [
    ...headerLines(ctx.identity.headers, ctx.identity.serial),
    ...periodReportLines({
      kind: 'Z',
      period: s.period,
      rates: ctx.identity.vat_rates,
      payment_names: ctx.identity.payment_names,
      z_number: z,
      drawer_cents: s.cash_in_drawer_cents,
      datetime: ctx.now,
      serial: ctx.identity.serial,
    }),
  ];
  const totals = reportTotals(s.period);
  const fm = fiscalMemoryRecord(z, ctx.now, s.period);
  s.doc_number++;
  const doc: JournalDocument = { kind: 'z_report', number: z, z_period: z, datetime: ctx.now, total_cents: totals.total_cents, lines };
  s.z_number = z;
  s.last_z_at = ctx.now;
  s.period = emptyPeriod();
  s.cash_in_drawer_cents = 0;
  return { lines, doc, fm, z_number: z, totals };
}

export function duplicate(
  s: RegisterState,
  ctx: StepContext,
  lastFiscal: JournalDocument | undefined,
): { lines: string[]; doc: JournalDocument } {
  requireNoReceipt(s);
  if (lastFiscal === undefined) return fail('NOTHING_TO_DUPLICATE', 'no fiscal receipt has been printed yet');
  const lines = [centered('DUPLICAT'), ...lastFiscal.lines, separator(), centered('DUPLICAT'), printedDateTime(ctx.now)];
  return { lines, doc: nextDoc(s, ctx, 'non_fiscal', lines) };
}

export function fiscalMemoryReport(
  s: RegisterState,
  ctx: StepContext,
  records: FiscalMemoryRecord[],
  range: JournalQuery['range'],
  detailed: boolean,
): { lines: string[]; doc: JournalDocument } {
  requireNoReceipt(s);
  checkRange(range);
  const lines = [
    ...headerLines(ctx.identity.headers, ctx.identity.serial),
    ...fiscalMemoryReportLines({ records, range, detailed, rates: ctx.identity.vat_rates, datetime: ctx.now, serial: ctx.identity.serial }),
  ];
  return { lines, doc: nextDoc(s, ctx, 'non_fiscal', lines) };
}

export function checkRange(range: JournalQuery['range']): void {
  if (range.type === 'z_number') {
    if (!Number.isInteger(range.start) || !Number.isInteger(range.end) || range.start < 1 || range.end < range.start) {
      fail('INVALID_VALUE', 'the Z range must be 1 ≤ start ≤ end');
    }
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(range.start) || !/^\d{4}-\d{2}-\d{2}$/.test(range.end) || range.end < range.start) {
    fail('INVALID_VALUE', 'the date range must be YYYY-MM-DD with start ≤ end');
  }
}
