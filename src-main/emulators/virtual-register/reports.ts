/**
 * X/Z report totals and texts, and the fiscal memory (one record per Z report) with its report. Pure.
 */
import { formatCents } from '../../domain/money.js';
import type { PaymentMethod } from '../../domain/operations.js';
import type { ReportTotals } from '../../domain/results.js';
import type { VatRates } from '../../domain/vat.js';
import type { JournalQuery } from './register-api.js';
import { datePart, printedDateTime } from './register-clock.js';
import type { PeriodTotals } from './register-state.js';
import { centered, rateText, separator, twoColumns, vatIncluded } from './text-layout.js';

/** One fiscal-memory record, written by every Z report. */
export interface FiscalMemoryRecord {
  z_number: number;
  datetime: string;
  sales_by_vat: Record<string, number>;
  refunds_by_vat: Record<string, number>;
  sales_cents: number;
  refunds_cents: number;
  receipts: number;
}

/** Default fiscal-memory size (Z reports); a DP-25 MX holds about 1800. */
export const DEFAULT_FISCAL_MEMORY_CAPACITY = 1800;

export function reportTotals(p: PeriodTotals): ReportTotals {
  return {
    by_vat_group: { ...p.sales_by_vat },
    by_payment: { ...p.sales_by_payment },
    receipts: p.receipts,
    refunds_cents: p.refunds_cents,
    total_cents: p.sales_cents,
  };
}

export function fiscalMemoryRecord(zNumber: number, datetime: string, p: PeriodTotals): FiscalMemoryRecord {
  return {
    z_number: zNumber,
    datetime,
    sales_by_vat: { ...p.sales_by_vat },
    refunds_by_vat: { ...p.refunds_by_vat },
    sales_cents: p.sales_cents,
    refunds_cents: p.refunds_cents,
    receipts: p.receipts,
  };
}

function vatBlock(title: string, byVat: Record<string, number>, rates: VatRates): string[] {
  const lines: string[] = [title];
  for (const g of Object.keys(byVat).sort()) {
    const gross = byVat[g] ?? 0;
    const bp = rates[g] ?? 0;
    lines.push(twoColumns(`  ${g} ${rateText(bp)}`, formatCents(gross)));
    lines.push(twoColumns(`  TVA ${g}`, formatCents(vatIncluded(gross, bp))));
  }
  return lines;
}

export function periodReportLines(opts: {
  kind: 'X' | 'Z';
  period: PeriodTotals;
  rates: VatRates;
  payment_names: Partial<Record<PaymentMethod, string>>;
  z_number: number; // for Z: the number this report gets; for X: the current period (last Z + 1)
  drawer_cents: number;
  datetime: string;
  serial: string;
}): string[] {
  const p = opts.period;
  const lines = [centered(opts.kind === 'Z' ? 'RAPORT Z' : 'RAPORT X'), separator()];
  lines.push(...vatBlock('VÂNZĂRI', p.sales_by_vat, opts.rates));
  lines.push(twoColumns('TOTAL VÂNZĂRI', formatCents(p.sales_cents)));
  if (p.refunds > 0) {
    lines.push(...vatBlock('RETURURI', p.refunds_by_vat, opts.rates));
    lines.push(twoColumns('TOTAL RETURURI', formatCents(p.refunds_cents)));
  }
  lines.push(separator());
  for (const m of Object.keys(p.sales_by_payment).sort() as PaymentMethod[]) {
    lines.push(twoColumns(opts.payment_names[m] ?? m, formatCents(p.sales_by_payment[m] ?? 0)));
  }
  lines.push(twoColumns('Bonuri fiscale', p.receipts.toString()));
  lines.push(twoColumns('Bonuri de retur', p.refunds.toString()));
  lines.push(twoColumns('Bonuri anulate', p.voided.toString()));
  lines.push(twoColumns('Introduceri numerar', formatCents(p.cash_in_cents)));
  lines.push(twoColumns('Scoateri numerar', formatCents(p.cash_out_cents)));
  lines.push(twoColumns('Numerar în sertar', formatCents(opts.drawer_cents)));
  lines.push(separator());
  lines.push(twoColumns(opts.kind === 'Z' ? 'Z NR.' : 'PERIOADA Z', opts.z_number.toString().padStart(4, '0')));
  lines.push(printedDateTime(opts.datetime));
  lines.push(centered(opts.kind === 'Z' ? 'BON FISCAL' : 'NEFISCAL'));
  lines.push(centered(opts.serial));
  return lines;
}

export function inRange(range: JournalQuery['range'], zOrPeriod: number, datetime: string): boolean {
  if (range.type === 'z_number') return zOrPeriod >= range.start && zOrPeriod <= range.end;
  const d = datePart(datetime);
  return d >= range.start && d <= range.end;
}

export function fiscalMemoryReportLines(opts: {
  records: FiscalMemoryRecord[];
  range: JournalQuery['range'];
  detailed: boolean;
  rates: VatRates;
  datetime: string;
  serial: string;
}): string[] {
  const chosen = opts.records.filter((r) => inRange(opts.range, r.z_number, r.datetime));
  const rangeText =
    opts.range.type === 'z_number'
      ? `Z ${opts.range.start} - ${opts.range.end}`
      : `${opts.range.start} - ${opts.range.end}`;
  const lines = [
    centered('RAPORT MEMORIE FISCALĂ'),
    centered(opts.detailed ? 'DETALIAT' : 'SUMAR'),
    centered(rangeText),
    separator(),
  ];
  if (chosen.length === 0) lines.push('Nicio înregistrare în interval');
  let sales = 0;
  let refunds = 0;
  for (const r of chosen) {
    sales += r.sales_cents;
    refunds += r.refunds_cents;
    if (opts.detailed) {
      lines.push(twoColumns(`Z ${r.z_number.toString().padStart(4, '0')}`, printedDateTime(r.datetime)));
      lines.push(...vatBlock('Vânzări', r.sales_by_vat, opts.rates));
      if (r.refunds_cents > 0) lines.push(...vatBlock('Retururi', r.refunds_by_vat, opts.rates));
      lines.push(twoColumns('Bonuri', r.receipts.toString()));
    }
  }
  lines.push(separator());
  lines.push(twoColumns('Rapoarte Z', chosen.length.toString()));
  lines.push(twoColumns('TOTAL VÂNZĂRI', formatCents(sales)));
  lines.push(twoColumns('TOTAL RETURURI', formatCents(refunds)));
  lines.push(printedDateTime(opts.datetime));
  lines.push(centered(opts.serial));
  return lines;
}
