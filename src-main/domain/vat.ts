/** VAT groups and rates: group letters A–H mapped to basis points, resolving a line's `vat` text. Pure. */
import { parseDecimal } from './money.js';

export type VatRates = Record<string, number>;

/** Romania's rates since 1 August 2025: A=21%, B=11%, C=0%. */
export const ROMANIA_VAT_RATES: VatRates = { A: 2100, B: 1100, C: 0 };
/** The rates the seed documents use (A=19%, B=5%, C=0%), kept for replaying the seed examples. */
export const SEED_VAT_RATES: VatRates = { A: 1900, B: 500, C: 0 };

export const VAT_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

/** Resolve "21%", "21.00 %", "9,5%" or "a"/"A" against the device's programmed rates. */
export function resolveVat(spec: string, rates: VatRates): { group: string } | { error: string } {
  const s = spec.trim();
  if (/^[A-Ha-h]$/.test(s)) {
    const g = s.toUpperCase();
    return g in rates ? { group: g } : { error: `VAT group ${g} is not programmed on the device (it has ${describeRates(rates)})` };
  }
  const m = /^(\d{1,2}(?:[.,]\d{1,2})?)\s*%$/.exec(s);
  if (!m || m[1] === undefined) return { error: `"${spec}" is not a VAT rate or group` };
  const bp = parseDecimal(m[1], 2, true);
  if (!bp.ok) return { error: bp.reason };
  const found = Object.keys(rates)
    .sort()
    .find((g) => rates[g] === bp.value);
  return found !== undefined
    ? { group: found }
    : { error: `VAT rate ${m[1]}% is not programmed on the device (it has ${describeRates(rates)})` };
}

export function describeRates(rates: VatRates): string {
  const parts = Object.keys(rates)
    .sort()
    .map((g) => `${g}=${((rates[g] ?? 0) / 100).toString()}%`);
  return parts.length ? parts.join(', ') : 'no rates';
}
