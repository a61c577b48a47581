/**
 * The register's clock: local wall-clock time (as a real register in the shop shows it) written as ISO 8601
 * without a zone, "YYYY-MM-DDTHH:MM:SS". The register keeps an offset to the host clock. Pure.
 */

const pad = (n: number, w = 2): string => n.toString().padStart(w, '0');

/** Local ISO date-time without zone. */
export function toLocalIso(d: Date): string {
  return (
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** Parse "YYYY-MM-DD[T ]HH:MM[:SS]" (local time). Returns null when the text is not a valid date-time. */
export function parseLocalIso(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, s);
  if (
    date.getFullYear() !== y ||
    date.getMonth() !== mo - 1 ||
    date.getDate() !== d ||
    date.getHours() !== h ||
    date.getMinutes() !== mi ||
    date.getSeconds() !== s
  ) {
    return null; // 2026-02-30, 25:00, or a local time skipped by a DST change
  }
  return date;
}

/** Milliseconds from local ISO `a` to local ISO `b` (both valid). */
export function msBetween(a: string, b: string): number {
  const da = parseLocalIso(a);
  const db = parseLocalIso(b);
  if (!da || !db) return 0;
  return db.getTime() - da.getTime();
}

/** The date part "YYYY-MM-DD" of a local ISO date-time. */
export const datePart = (iso: string): string => iso.slice(0, 10);

/** "DD-MM-YYYY HH:MM:SS" as printed on Romanian receipts. */
export function printedDateTime(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}
