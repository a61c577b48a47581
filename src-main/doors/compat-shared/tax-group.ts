/**
 * Tax groups as the compatible protocols write them → device VAT group letters A…H.
 * Numbers 1…8 (ErpNet.FP `taxGroup`, UcsFPHub `TaxGroup`), Bulgarian Cyrillic letters А…З (UcsFPHub's "Б"),
 * Latin letters A…H. Pure.
 */
import { VAT_GROUPS } from '../../domain/vat.js';
import { isJsonNumber, type LValue } from './lenient-json.js';

const CYRILLIC = ['А', 'Б', 'В', 'Г', 'Д', 'Е', 'Ж', 'З'] as const;

export type TaxGroupResult = { ok: true; group: string } | { ok: false; reason: string };

export function toTaxGroup(v: LValue | undefined): TaxGroupResult {
  let text: string;
  if (isJsonNumber(v)) text = v.text;
  else if (typeof v === 'string') text = v.trim();
  else return { ok: false, reason: 'must be a tax group 1–8 or a letter A–H' };
  if (/^[1-8](?:\.0*)?$/.test(text)) return { ok: true, group: VAT_GROUPS[Number(text[0]) - 1] ?? 'A' };
  const upper = text.toLocaleUpperCase('bg');
  const cyr = (CYRILLIC as readonly string[]).indexOf(upper);
  if (cyr >= 0) return { ok: true, group: VAT_GROUPS[cyr] ?? 'A' };
  if (/^[A-H]$/.test(upper)) return { ok: true, group: upper };
  return { ok: false, reason: `${JSON.stringify(text)} is not a tax group (use 1–8, A–H or А–З)` };
}

/** Group letter → the protocols' number 1…8. */
export function taxGroupNumber(letter: string): number {
  return (VAT_GROUPS as readonly string[]).indexOf(letter.toUpperCase()) + 1;
}
