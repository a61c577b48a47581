/** Date-time texts of the compatible protocols. Pure (the clock is always passed in). */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A Date as local "YYYY-MM-DDTHH:MM:SS" (the hub's clock zone). */
export function localIso(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "2019-05-17T13:55:18(.123)" → "2019-05-17T13:55:18" (ErpNet.FP). */
export function toErpNetDateTime(localIsoText: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?/.exec(localIsoText);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}` : localIsoText;
}

/** "2019-07-19T14:05:18" → "2019-07-19 14:05:18" (UcsFPHub). */
export function toUcsDateTime(localIsoText: string): string {
  return toErpNetDateTime(localIsoText).replace('T', ' ');
}

/** A journal timestamp (UTC ISO with zone) → local UcsFPHub text. */
export function journalTimeToUcs(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : toUcsDateTime(localIso(d));
}

/**
 * A client's date-time → the local "YYYY-MM-DDTHH:MM:SS" the operations take. Local texts are kept as written;
 * texts with a zone ("Z", "+02:00", as JavaScript's toJSON emits) are converted to the hub's local time.
 */
export function parseClientDateTime(text: string): { ok: true; local: string } | { ok: false; reason: string } {
  const t = text.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(t);
  if (local) return { ok: true, local: `${local[1]}T${local[2]}:${local[3] ?? '00'}` };
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const d = new Date(t.replace(' ', 'T'));
    if (!Number.isNaN(d.getTime())) return { ok: true, local: localIso(d) };
  }
  return { ok: false, reason: `${JSON.stringify(text)} is not a date and time like 2019-05-31T18:06:00` };
}

/** Seconds between two local texts (b − a). */
export function secondsBetween(a: string, b: string): number {
  const pa = Date.parse(toErpNetDateTime(a) + 'Z');
  const pb = Date.parse(toErpNetDateTime(b) + 'Z');
  return (pb - pa) / 1000;
}
