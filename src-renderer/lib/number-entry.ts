/**
 * Amounts and quantities the way Romanian cashiers type them: "1.234,50", "1234,50", "1234.50", "1 234,50", "12,5".
 * A comma or a point may be the decimal separator; the other one (or a space) groups thousands. When one separator
 * could mean either ("1.234" as a price: one thousand two hundred thirty-four, or a price with three decimals?),
 * the answer is "ambiguous" and the cashier is asked to type it plainly. Exact: text → integer, never a float.
 */
export type NumberEntry =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'invalid' | 'ambiguous' | 'decimals' };

const GROUPED = /^\d{1,3}(?:[.,]\d{3})+$/;

function scaled(intPart: string, frac: string, decimals: number): NumberEntry {
  if (frac.length > decimals) return { ok: false, reason: 'decimals' };
  const n = BigInt(intPart || '0') * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? { ok: false, reason: 'invalid' } : { ok: true, value: Number(n) };
}

/** `decimals`: 2 for money (cents), 3 for quantities (thousandths). */
export function parseEntry(text: string, decimals: 2 | 3): NumberEntry {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'empty' };
  // a space between digits groups thousands ("1 234,50")
  const s = t.replace(/(\d)[\s\u00a0\u202f]+(?=\d{3}(?!\d))/g, '$1');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: 'invalid' };
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands before it.
    const decAt = Math.max(lastDot, lastComma);
    const intPart = s.slice(0, decAt);
    const frac = s.slice(decAt + 1);
    if (/[.,]/.test(frac) || !GROUPED.test(intPart)) return { ok: false, reason: 'invalid' };
    return scaled(intPart.replace(/[.,]/g, ''), frac, decimals);
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (sep === null) return scaled(s, '', decimals);
  const parts = s.split(sep);
  if (parts.length > 2) return GROUPED.test(s) ? scaled(s.replace(/[.,]/g, ''), '', decimals) : { ok: false, reason: 'invalid' };
  const [intPart = '', frac = ''] = parts;
  // "1.234" / "12,500" with a money field: thousands or a mistyped price? Quantities take three decimals plainly.
  if (frac.length === 3 && decimals === 2 && /^[1-9]\d{0,2}$/.test(intPart)) return { ok: false, reason: 'ambiguous' };
  return scaled(intPart, frac, decimals);
}

/** 123450 → "1.234,50" (ro, az: "1 234,50") or "1,234.50" (en). */
export function formatCents(cents: number, lang: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const whole = String(Math.floor(abs / 100));
  const group = lang === 'en' ? ',' : lang === 'az' ? '\u00a0' : '.';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${lang === 'en' ? '.' : ','}${String(abs % 100).padStart(2, '0')}`;
}

/** Thousandths → "1,5" / "1.5", without trailing zeros. */
export function formatQuantity(thousandths: number, lang: string): string {
  const whole = Math.floor(thousandths / 1000);
  const frac = String(thousandths % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}${lang === 'en' ? '.' : ','}${frac}` : String(whole);
}

/** Basis points → "21%" / "5,5%". */
export function formatRate(bp: number, lang: string): string {
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0$/, '');
  return bp % 100 === 0 ? `${whole}%` : `${whole}${lang === 'en' ? '.' : ','}${frac}%`;
}
