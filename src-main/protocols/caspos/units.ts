/**
 * Caspos numbers and dates ↔ FisCool units. Reading is lenient (a device's float noise such as `0.5999999` or
 * `-0.8000001`, `1000.`, numbers sent as strings) and rounds half away from zero to the unit, from the decimal
 * text. Dates are `dd.MM.yyyy HH:mm:ss` (the seed's `createdAtUtc` values are local times despite the name).
 * Pure.
 */
import { Num, type JValue } from './json-read.js';

/** Decimal text → integer scaled by 10^decimals, rounded half away from zero. null when it is not a number. */
export function scaleText(text: string, decimals: number): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
  const negative = m[1] === '-';
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let point = (m[2] ?? '').length + Number(m[4] ?? '0');
  if (!Number.isSafeInteger(point) || Math.abs(point) > 40) return null;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point + decimals + 1, '0');
  const kept = BigInt(digits.slice(0, point + decimals) || '0');
  const next = Number(digits[point + decimals] ?? '0');
  const scaled = next >= 5 ? kept + 1n : kept;
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const n = Number(scaled);
  return negative && n !== 0 ? -n : n;
}

/** A JSON value (number or numeric string) → minor units (decimals = 2) or thousandths (3); null if absent/bad. */
export function readScaled(v: JValue | undefined, decimals: number): number | null {
  if (v instanceof Num) return scaleText(v.text, decimals);
  if (typeof v === 'string') return scaleText(v, decimals);
  return null;
}

export const readCents = (v: JValue | undefined): number | null => readScaled(v, 2);

/** An integer field (counts, numbers); accepts "7045", 7045, 7045.0. */
export function readInt(v: JValue | undefined): number | null {
  const s = readScaled(v, 0);
  return s;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local ISO "YYYY-MM-DDTHH:MM:SS" → "dd.MM.yyyy HH:mm:ss". */
export function casposDateTime(localIso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(localIso);
  if (!m) throw new Error(`not a local ISO date-time: ${localIso}`);
  return `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}:${m[6] ?? '00'}`;
}

/**
 * "dd.MM.yyyy HH:mm:ss" → local ISO "YYYY-MM-DDTHH:MM:SS". Lenient: a missing space between date and time
 * ("04.10.202315:04:09", as in the seed's X report), missing seconds. null when it is not such a date.
 */
export function readCasposDateTime(v: JValue | undefined): string | null {
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(v);
  if (!m) return null;
  const [d = 0, mo = 0, y = 0, h = 0, mi = 0, s = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const date = new Date(y, mo - 1, d, h, mi, s);
  // 31.02 or 25:00 do not exist: the Date rolls over, the fields differ.
  if (date.getDate() !== d || date.getMonth() !== mo - 1 || date.getHours() !== h || mi > 59 || s > 59) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}
