/** Romanian fiscal code (CUI / CIF) validation with its check digit. */

const CUI_KEY = [7, 5, 3, 2, 1, 7, 5, 3, 2];

export type CuiCheck = { ok: true; normalized: string; digits: string } | { ok: false; reason: string };

/**
 * Accepts "RO12345678", "ro 12345678", "12345678". The last digit is the check digit:
 * the body (padded left to 9 digits) weighted with 753217532, summed, ×10 mod 11 (10 → 0).
 */
export function checkCui(input: string): CuiCheck {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const hasPrefix = compact.startsWith('RO');
  const digits = hasPrefix ? compact.slice(2) : compact;
  if (!/^\d{2,10}$/.test(digits)) {
    return { ok: false, reason: 'must be 2 to 10 digits, optionally prefixed with RO' };
  }
  const body = digits.slice(0, -1).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (CUI_KEY[i] ?? 0);
  const control = ((sum * 10) % 11) % 10;
  if (control !== Number(digits[digits.length - 1])) {
    return { ok: false, reason: `check digit is wrong (expected ${control})` };
  }
  return { ok: true, normalized: (hasPrefix ? 'RO' : '') + digits, digits };
}
