/**
 * Integer units used everywhere in FisCool (design.md, invariant 1):
 * money in minor units (cents / bani), quantities in thousandths, rates in basis points.
 * Decimal text is converted exactly, never through binary floats.
 */

export const MAX_PRICE_CENTS = 99_999_999_99; // 99 999 999.99 per unit
export const MAX_QUANTITY_THOUSANDTHS = 99_999_999; // 99 999.999
export const MAX_TOTAL_CENTS = 99_999_999_99; // a receipt (and any line) must stay under 100 million

/** Round half up (away from zero for positive values) of numerator / denominator, both integers, denominator > 0. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** Line total in cents: round half up of quantity (thousandths) × unit price (cents) / 1000. */
export function lineTotalCents(quantityThousandths: number, unitPriceCents: number): number {
  return Number(divRoundHalfUp(BigInt(quantityThousandths) * BigInt(unitPriceCents), 1000n));
}

/** A percentage (basis points) of an amount, rounded half up. */
export function percentOfCents(amountCents: number, basisPoints: number): number {
  return Number(divRoundHalfUp(BigInt(amountCents) * BigInt(basisPoints), 10_000n));
}

export type DecimalParse = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Parse decimal text ("12.34", "-3.5", "7") into an integer scaled by 10^decimals.
 * More fractional digits than `decimals` is an error unless they are all zeros. Accepts "," as the decimal
 * separator only when `allowComma` is set.
 */
export function parseDecimal(text: string, decimals: number, allowComma = false): DecimalParse {
  const trimmed = text.trim();
  const normalized = allowComma ? trimmed.replace(',', '.') : trimmed;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(normalized);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    return { ok: false, reason: `"${text}" is not a decimal number` };
  }
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] === '' ? '0' : (m[2] ?? '0');
  let frac = m[3] ?? '';
  if (frac.length > decimals) {
    const extra = frac.slice(decimals);
    if (/[^0]/.test(extra)) {
      return { ok: false, reason: `"${text}" has more than ${decimals} decimal places` };
    }
    frac = frac.slice(0, decimals);
  }
  frac = frac.padEnd(decimals, '0');
  const scaled = sign * BigInt(intPart + frac);
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER) || scaled < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: `"${text}" is too large` };
  }
  return { ok: true, value: Number(scaled) };
}

/** Format an integer scaled by 10^decimals as decimal text ("1234" cents → "12.34"). */
export function formatDecimal(value: number, decimals: number): string {
  const negative = value < 0;
  const digits = Math.abs(value).toString().padStart(decimals + 1, '0');
  const head = digits.slice(0, digits.length - decimals);
  const tail = decimals > 0 ? '.' + digits.slice(digits.length - decimals) : '';
  return (negative ? '-' : '') + head + tail;
}

export const formatCents = (cents: number): string => formatDecimal(cents, 2);
export const formatThousandths = (q: number): string => formatDecimal(q, 3);
