/** What went wrong, kept raw so it is explained in whichever language is showing when it is rendered. */
import type { TextLanguage } from '../../src-main/shared/texts/text-language.js';
import type { Texts } from '../i18n/texts-ro.js';
import { catalogue, explainApiError, type Explained } from './explain-error.js';

export type Failure =
  | { kind: 'api'; err: unknown }
  | { kind: 'device'; code: string; error: string; device_error?: { code: string | number; text?: string } }
  | { kind: 'input'; code: 'BAD_NUMBER' | 'AMBIGUOUS_NUMBER' | 'VALIDATION'; message: (t: Texts) => string };

function deviceDetail(f: Extract<Failure, { kind: 'device' }>): string {
  const d = f.device_error;
  return d ? `${f.error} [${String(d.code)}${d.text ? `: ${d.text}` : ''}] (${f.code})` : `${f.error} (${f.code})`;
}

export function explainFailure(f: Failure, t: Texts, lang: TextLanguage): Explained {
  switch (f.kind) {
    case 'api':
      return explainApiError(f.err, t, lang);
    case 'device':
      return { code: f.code, ...catalogue(f.code, lang), field: null, fieldHint: null, detail: deviceDetail(f) };
    case 'input':
      return { code: f.code, title: catalogue(f.code, lang).title, action: f.message(t), field: null, fieldHint: null, detail: null };
  }
}
