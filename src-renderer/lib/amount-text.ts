/**
 * Turning what a cashier types ("12,50", "1.5") into the API's integer units and back, on the text (never through
 * binary floats). No fiscal rules here: the hub validates and computes every total.
 */

/** "12,50" / "12.5" / "12" → 1250 cents; null when it is not a plain non-negative number with ≤ 2 decimals. */
export function textToCents(text: string): number | null {
  return scaled(text, 2);
}

/** "1,5" → 1500 thousandths; null when not a number with ≤ 3 decimals. */
export function textToThousandths(text: string): number | null {
  return scaled(text, 3);
}

function scaled(text: string, decimals: number): number | null {
  const m = /^(\d{1,12})(?:[.,](\d*))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > decimals) return null;
  const n = Number(m[1]) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(n) ? n : null;
}

/** 1250 → "12,50" (ro) or "12.50" (en). */
export function formatCents(cents: number, lang: 'ro' | 'en'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const s = `${Math.floor(abs / 100)}${lang === 'ro' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
  return sign + s;
}

/** Basis points → "21%" / "5,5%". */
export function formatRate(bp: number, lang: 'ro' | 'en'): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  if (frac === 0) return `${whole}%`;
  const f = String(frac).padStart(2, '0').replace(/0$/, '');
  return `${whole}${lang === 'ro' ? ',' : '.'}${f}%`;
}

/**
 * The plain sum of quantity × price of the lines typed so far, for display only (round half up per line, in
 * integers). The receipt's real total is the one the hub returns.
 */
export function enteredSumCents(lines: Array<{ thousandths: number | null; cents: number | null }>): number {
  let sum = 0n;
  for (const l of lines) {
    if (l.thousandths === null || l.cents === null) continue;
    sum += (BigInt(l.thousandths) * BigInt(l.cents) + 500n) / 1000n;
  }
  return Number(sum);
}
