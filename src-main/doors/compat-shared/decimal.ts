/**
 * Decimal text (as sent by ErpNet.FP / UcsFPHub clients) → integer units, exactly. "12.34" → 1234 cents,
 * "3.5" → 3500 thousandths, "1e2" → 10000 cents; more decimals than the unit holds (non-zero) is an error,
 * never a silent rounding. Pure.
 */
import { parseDecimal } from '../../domain/money.js';
import { isJsonNumber, type LValue } from './lenient-json.js';

export type Converted = { ok: true; value: number } | { ok: false; reason: string };

/** Expand an exponent ("1.25e2" → "125", "5E-1" → "0.5") by moving the decimal point in the text. */
export function expandExponent(text: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text.trim());
  if (!m) return text;
  const sign = m[1] === '-' ? '-' : '';
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 40) return text; // absurd: let the caller reject it
  let digits = intPart + frac;
  let point = intPart.length + exp;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const head = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const tail = digits.slice(point);
  return sign + head + (tail ? '.' + tail : '');
}

/** Any protocol value (JSON number text, a string — XML bodies — with "." or ",") → integer scaled by 10^decimals. */
export function toScaled(v: LValue | undefined, decimals: number): Converted {
  let text: string;
  if (isJsonNumber(v)) text = v.text;
  else if (typeof v === 'string') text = v;
  else if (v === undefined || v === null) return { ok: false, reason: 'is missing' };
  else return { ok: false, reason: 'must be a number' };
  const expanded = expandExponent(text.trim());
  const r = parseDecimal(expanded, decimals, true);
  if (!r.ok) {
    return /decimal places/.test(r.reason)
      ? { ok: false, reason: `${text.trim()} has more than ${decimals} decimals and cannot be represented exactly` }
      : { ok: false, reason: `${JSON.stringify(text.trim())} is not a number` };
  }
  return r;
}

export const toCents = (v: LValue | undefined): Converted => toScaled(v, 2);
export const toThousandths = (v: LValue | undefined): Converted => toScaled(v, 3);
/** Percentages: 10 → 1000 basis points, 12.5 → 1250. */
export const toBasisPoints = (v: LValue | undefined): Converted => toScaled(v, 2);

/** Cents → a JSON number as the peers print them (12.34, 30, 0.5): exact text, no float formatting noise. */
export function centsToNumber(cents: number): number {
  return Number((cents / 100).toFixed(2));
}
