/**
 * Any failure in words a cashier acts on: a title and what to do from the texts catalogue (keyed by error code, in
 * the GUI's language), the field in words when the hub named one, and the technical text kept apart for "details".
 */
import { ERROR_TEXTS, isErrorTextCode, type ErrorTextCode } from '../../src-main/shared/texts/error-texts.js';
import type { TextLanguage } from '../../src-main/shared/texts/text-language.js';
import type { Texts } from '../i18n/texts-ro.js';
import { ApiError } from '../lib/api-client.js';

export interface Explained {
  code: string;
  title: string;
  /** What to do next. */
  action: string;
  /** The field the hub named, in words ("line 2, price"), and what that field needs. */
  field: string | null;
  fieldHint: string | null;
  /** Device, OS or validation text, behind "details". */
  detail: string | null;
}

export function catalogue(code: string, lang: TextLanguage): { title: string; action: string } {
  const entry = ERROR_TEXTS[isErrorTextCode(code) ? code : 'DEVICE_ERROR'];
  return { title: entry.title[lang], action: entry.action[lang] };
}

const LAST_KEY = /([a-z_]+)(?:\[\d+\])?$/;

/** `operation.lines[2].unit_price_cents` → "line 3, price"; `operation.payments[1].amount_cents` → "payment 2, amount". */
export function fieldInWords(path: string, t: Texts): string {
  const parts: string[] = [];
  const line = /lines\[(\d+)\]/.exec(path);
  if (line?.[1] !== undefined) parts.push(t.fieldLine(Number(line[1]) + 1));
  const pay = /payments\[(\d+)\]/.exec(path);
  if (pay?.[1] !== undefined) parts.push(t.fieldPayment(Number(pay[1]) + 1));
  const key = LAST_KEY.exec(path)?.[1];
  if (key && !(key === 'lines' && line) && !(key === 'payments' && pay)) parts.push(t.fieldWords[key] ?? t.optionLabels[key] ?? key);
  return parts.join(', ');
}

/** What a field needs, from the most specific key of its path that has a hint. */
export function fieldHint(path: string, t: Texts): string | null {
  const keys = path.replace(/\[\d+\]/g, '').split('.').reverse();
  for (const k of keys) if (t.fieldHints[k]) return t.fieldHints[k] ?? null;
  return null;
}

function codeForHttp(status: number): ErrorTextCode {
  if (status === 0) return 'HUB_UNREACHABLE';
  if (status === 400 || status === 409 || status === 413 || status === 415) return 'VALIDATION';
  if (status === 401) return 'AUTH_REQUIRED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 422) return 'IDEMPOTENCY_CONFLICT';
  return 'INTERNAL';
}

export function explainApiError(err: unknown, t: Texts, lang: TextLanguage): Explained {
  if (!(err instanceof ApiError)) {
    const c = catalogue('INTERNAL', lang);
    return { code: 'INTERNAL', ...c, field: null, fieldHint: null, detail: err instanceof Error ? err.message : String(err) };
  }
  const code = codeForHttp(err.httpStatus);
  const c = catalogue(code, lang);
  const raw = err.body?.error ?? (err.httpStatus === 0 ? err.message : null);
  const path = err.body?.path ?? (raw ? /^([A-Za-z_][\w.[\]]*):/.exec(raw)?.[1] : undefined);
  // a 409 from the inbox says in the hub's words why the action is not possible
  const action = err.httpStatus === 409 && raw ? raw : c.action;
  return {
    code,
    title: c.title,
    action,
    field: err.httpStatus === 400 && path ? fieldInWords(path, t) : null,
    fieldHint: err.httpStatus === 400 && path ? fieldHint(path, t) : null,
    detail: raw,
  };
}
