/**
 * API failures in plain words: what happened, the hub's own text, and what to do. The hub's 400 errors name the
 * field as a path (`operation.lines[0].description: …`); that path is turned into "line 1, description".
 */
import type { Texts } from '../i18n/texts-ro.js';
import { ApiError } from '../lib/api-client.js';

export interface Explained {
  title: string;
  /** What to do next. */
  action: string;
  /** The hub's own text. */
  detail: string | null;
  /** The field the hub named, in words (400 only). */
  field: string | null;
}

export function fieldInWords(path: string, t: Texts): string {
  const parts: string[] = [];
  const line = /lines\[(\d+)\]/.exec(path);
  if (line?.[1] !== undefined) parts.push(t.fieldLine(Number(line[1]) + 1));
  const last = /([a-z_]+)$/.exec(path.replace(/\[\d+\]/g, ''));
  const key = last?.[1];
  if (key) parts.push(t.fieldNames[key] ?? key);
  return parts.join(', ');
}

export function explainError(err: unknown, t: Texts): Explained {
  if (!(err instanceof ApiError)) {
    return { title: t.errTitle, action: t.errServer, detail: err instanceof Error ? err.message : String(err), field: null };
  }
  const detail = err.body?.error ?? null;
  const base = { title: t.errTitle, detail, field: null };
  switch (err.httpStatus) {
    case 0:
      return { ...base, action: t.errNetwork, detail: null };
    case 400: {
      const path = detail ? /^([A-Za-z_][\w.[\]]*):/.exec(detail)?.[1] : undefined;
      return { ...base, action: t.errValidation, field: path ? fieldInWords(path, t) : null };
    }
    case 401:
      return { ...base, action: t.errAuth };
    case 403:
      return { ...base, action: t.errForbidden };
    case 404:
      return { ...base, action: t.errNotFound };
    case 422:
      return { ...base, action: t.errConflict };
    default:
      return { ...base, action: t.errServer };
  }
}

/** A device error inside an HTTP 200 answer (negative status): the hub's text already says what to do. */
export function explainDeviceAnswer(answer: { error: string; code: string }, t: Texts): Explained {
  return { title: t.errTitle, action: t.errDevice, detail: `${answer.error} (${answer.code})`, field: null };
}
