/**
 * VAT on a Caspos device: Caspos has VAT *types*, FisCool lines name a VAT letter or a percentage. The device's
 * table maps letters to types (default A→1, B→2, C→3, D→5, E→6, F→7). A percentage means the type the law gives
 * that rate — "18%" is type 1 (ƏDV 18 %, not the trade supplement), "0%" type 5, "2%" type 6, "8%" type 7 —
 * under whichever letter the table gives it. VAT-free (type 3) is named by its letter only. Pure.
 */
import { parseDecimal } from '../../domain/money.js';
import { VAT_TYPES, VAT_TYPE_FOR_PERCENT, type VatType } from '../../protocols/caspos/tables.js';

export function describeVatTable(table: Record<string, VatType>): string {
  return Object.keys(table)
    .sort()
    .map((l) => `${l}=${VAT_TYPES[table[l] as VatType].name} (vatType ${table[l]})`)
    .join(', ');
}

/** "A" / "a" / "18%" / "18.00 %" → the letter to use on this device, or an error naming what it has. */
export function resolveCasposVat(spec: string, table: Record<string, VatType>): { group: string } | { error: string } {
  const s = spec.trim();
  if (/^[A-Ha-h]$/.test(s)) {
    const g = s.toUpperCase();
    return g in table
      ? { group: g }
      : { error: `VAT letter ${g} is not set up for this Caspos device (it has ${describeVatTable(table)})` };
  }
  const m = /^(\d{1,2}(?:[.,]\d{1,2})?)\s*%$/.exec(s);
  const bp = m?.[1] !== undefined ? parseDecimal(m[1], 2, true) : null;
  if (!bp || !bp.ok) return { error: `"${spec}" is not a VAT rate or letter` };
  const type = VAT_TYPE_FOR_PERCENT[bp.value];
  if (type === undefined) {
    return { error: `VAT rate ${m?.[1]}% does not exist on Caspos (rates: 18%, 0%, 2%, 8%; VAT-free by its letter)` };
  }
  const letter = Object.keys(table)
    .sort()
    .find((l) => table[l] === type);
  return letter !== undefined
    ? { group: letter }
    : {
        error: `VAT rate ${m?.[1]}% (vatType ${type}) has no letter on this Caspos device (it has ${describeVatTable(table)})`,
      };
}

/** The vatType of a letter validation already resolved. */
export function vatTypeOf(letter: string, table: Record<string, VatType>): VatType {
  const t = table[letter.toUpperCase()];
  if (t === undefined) throw new Error(`VAT letter ${letter} is not in the device's table`);
  return t;
}

/** The letter for an amount a report gives by percentage (null = VAT-free), as FisCool's totals are by letter. */
export function letterForReportPercent(bp: number | null, table: Record<string, VatType>): string {
  const type: VatType | undefined = bp === null ? 3 : VAT_TYPE_FOR_PERCENT[bp];
  const letter = Object.keys(table)
    .sort()
    .find((l) => table[l] === type);
  return letter ?? (bp === null ? 'free' : `${bp / 100}%`);
}
