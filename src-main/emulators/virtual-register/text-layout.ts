/**
 * Printed text of the virtual register, line by line, on a 42-column roll like a Datecs DP-25. Romanian texts as
 * on real receipts. Every function returns the lines a command prints; their count drives paper and print time.
 * Pure.
 */
import { formatCents, formatThousandths, divRoundHalfUp } from '../../domain/money.js';
import type { PaymentMethod } from '../../domain/operations.js';
import type { VatRates } from '../../domain/vat.js';
import { printedDateTime } from './register-clock.js';

export const PRINT_COLUMNS = 42;
/** Longest item name and free-text line accepted (longer names and texts wrap over several printed lines). */
export const TEXT_LIMITS = { item_name: 72, text_line: 72 } as const;

export const DEFAULT_PAYMENT_NAMES: Record<PaymentMethod, string> = {
  cash: 'Numerar',
  card: 'Card',
  credit: 'Credit',
  voucher: 'Voucher',
  meal_voucher: 'Tichete de masă',
  other: 'Altă metodă',
};

/** Split text into lines of at most `width` characters (breaking at spaces when possible). */
export function wrap(text: string, width = PRINT_COLUMNS): string[] {
  if (text.length <= width) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/** Left text and right text on one line; the left side is cut when both do not fit. */
export function twoColumns(left: string, right: string, width = PRINT_COLUMNS): string {
  const room = Math.max(0, width - right.length - 1);
  const l = left.length > room ? left.slice(0, room) : left;
  return l + ' '.repeat(Math.max(1, width - l.length - right.length)) + right;
}

export const centered = (text: string, width = PRINT_COLUMNS): string => {
  const t = text.slice(0, width);
  return ' '.repeat(Math.floor((width - t.length) / 2)) + t;
};

export const separator = (): string => '-'.repeat(PRINT_COLUMNS);

export const rateText = (bp: number): string => `${formatCents(bp)}%`;

/** VAT included in a gross amount at `bp` basis points, rounded half up. */
export function vatIncluded(grossCents: number, bp: number): number {
  return Number(divRoundHalfUp(BigInt(grossCents) * BigInt(bp), BigInt(10_000 + bp)));
}

export function headerLines(headers: string[], serial: string): string[] {
  return [...headers.map((h) => centered(h)), centered(`Cod fiscal casă: ${serial}`), separator()];
}

export function openLines(kind: 'fiscal' | 'refund', opts: { invoice: boolean; buyer_cui?: string; operator: number }): string[] {
  const lines: string[] = [];
  if (kind === 'refund') lines.push(centered('BON DE RETUR'));
  if (opts.invoice) lines.push(centered('BON FISCAL CU VALOARE DE FACTURĂ'));
  if (opts.buyer_cui !== undefined) lines.push(`CIF cumpărător: ${opts.buyer_cui}`);
  lines.push(`Operator: ${opts.operator.toString().padStart(2, '0')}`);
  return lines;
}

export function itemLines(
  item: { description: string; quantity_thousandths: number; unit_price_cents: number; vat_group: string; um?: string },
  grossCents: number,
  adjustment: { cents: number; label: string } | null,
): string[] {
  const lines: string[] = [];
  if (item.quantity_thousandths !== 1000) {
    const um = item.um ? ` ${item.um}` : '';
    lines.push(`${formatThousandths(item.quantity_thousandths)}${um} x ${formatCents(item.unit_price_cents)}`);
  }
  const name = wrap(item.description, PRINT_COLUMNS - 14);
  for (const part of name.slice(0, -1)) lines.push(part);
  lines.push(twoColumns(name[name.length - 1] ?? '', `${formatCents(grossCents)} ${item.vat_group}`));
  if (adjustment) lines.push(twoColumns(adjustment.label, `${formatCents(adjustment.cents)} ${item.vat_group}`));
  return lines;
}

export function adjustmentLabel(adj: { kind: 'percent'; basis_points: number; surcharge: boolean } | { kind: 'amount'; surcharge: boolean }): string {
  const word = adj.surcharge ? 'Adaos' : 'Reducere';
  return adj.kind === 'percent' ? `${word} ${rateText(adj.basis_points)}` : word;
}

export function subtotalLines(subtotalCents: number, adjustment: { cents: number; label: string } | null): string[] {
  const lines = [twoColumns('SUBTOTAL', formatCents(subtotalCents))];
  if (adjustment) lines.push(twoColumns(adjustment.label, formatCents(adjustment.cents)));
  return lines;
}

export function paymentLines(name: string, amountCents: number): string[] {
  return [twoColumns(name.toUpperCase(), formatCents(amountCents))];
}

export function closeLines(opts: {
  kind: 'fiscal' | 'refund';
  total_cents: number;
  change_cents: number;
  by_vat: Record<string, number>;
  rates: VatRates;
  receipt_number: number;
  z_period: number;
  datetime: string;
  serial: string;
}): string[] {
  const lines = [separator(), twoColumns(opts.kind === 'refund' ? 'TOTAL RETUR' : 'TOTAL', formatCents(opts.total_cents))];
  if (opts.change_cents > 0) lines.push(twoColumns('REST', formatCents(opts.change_cents)));
  let vatTotal = 0;
  for (const g of Object.keys(opts.by_vat).sort()) {
    const bp = opts.rates[g] ?? 0;
    const vat = vatIncluded(opts.by_vat[g] ?? 0, bp);
    vatTotal += vat;
    lines.push(twoColumns(`TVA ${g} ${rateText(bp)}`, formatCents(vat)));
  }
  lines.push(twoColumns('TOTAL TVA', formatCents(vatTotal)));
  lines.push(separator());
  lines.push(twoColumns(`BF: ${opts.receipt_number.toString().padStart(4, '0')}`, `Z: ${opts.z_period.toString().padStart(4, '0')}`));
  lines.push(printedDateTime(opts.datetime));
  lines.push(centered(opts.kind === 'refund' ? 'BON FISCAL DE RETUR' : 'BON FISCAL'));
  lines.push(centered(opts.serial));
  return lines;
}

export function cancelLines(runningCents: number): string[] {
  return [separator(), twoColumns('ANULAT', formatCents(runningCents)), centered('BON ANULAT')];
}

export function nonFiscalFrame(which: 'open' | 'close', datetime?: string): string[] {
  return which === 'open'
    ? [centered('BON NEFISCAL')]
    : [separator(), datetime ? printedDateTime(datetime) : '', centered('NEFISCAL')];
}

export function cashLines(direction: 'in' | 'out', amountCents: number, drawerCents: number, datetime: string): string[] {
  return [
    centered(direction === 'in' ? 'INTRODUCERE NUMERAR' : 'SCOATERE NUMERAR'),
    twoColumns(direction === 'in' ? 'Sumă introdusă' : 'Sumă scoasă', formatCents(amountCents)),
    twoColumns('Numerar în sertar', formatCents(drawerCents)),
    printedDateTime(datetime),
  ];
}
