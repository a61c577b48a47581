/** A job's outcome in one short line: the receipt number, or the error's title from the catalogue. */
import type { JobOutcome } from '../../../src-main/shared/api-types.js';
import type { TextLanguage } from '../../../src-main/shared/texts/text-language.js';
import { catalogue } from '../../errors/explain-error.js';
import type { Texts } from '../../i18n/texts-ro.js';

export function outcomeText(o: JobOutcome | null, t: Texts, lang: TextLanguage): string {
  if (!o) return '';
  if (!o.ok) return catalogue(o.code, lang).title;
  const slip = o.result.slip_number;
  return typeof slip === 'number' ? t.jobSlip(String(slip)) : o.msg;
}

export function timeOf(iso: string | null, lang: TextLanguage, withDate = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const locale = lang === 'en' ? 'en-GB' : lang === 'az' ? 'az-AZ' : 'ro-RO';
  return withDate ? d.toLocaleString(locale, { hour12: false }) : d.toLocaleTimeString(locale, { hour12: false });
}
