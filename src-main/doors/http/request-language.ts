/**
 * Per-request language (`X-FisCool-Language: ro|en|az`): a GUI client reads the hub's texts in its own language
 * while the hub-wide `language` setting stays the default for programs. Without the header nothing changes (replays
 * stay byte for byte). With it, operation answers, job outcomes and device status words are rendered in that
 * language from the error code and operation type; the technical detail in parentheses is kept.
 */
import type { RequestHandler, Response } from 'express';
import type { DeviceStatus } from '../../domain/device-config.js';
import { DEVICE_ERRORS, type DeviceErrorCode } from '../../domain/error-codes.js';
import type { JobOutcome, JobRecord } from '../../domain/jobs.js';
import { ERROR_TEXTS } from '../../shared/texts/error-texts.js';
import { statusWord, successMessage } from '../../shared/texts/hub-texts.js';
import { isTextLanguage, LANGUAGE_HEADER, type TextLanguage } from '../../shared/texts/text-language.js';

/** 400 for a header that names no known language; otherwise `res.locals.lang` (null when absent). */
export function requestLanguage(): RequestHandler {
  return (req, res, next) => {
    const raw = req.header(LANGUAGE_HEADER);
    if (raw === undefined || raw.trim() === '') {
      res.locals.lang = null;
      return next();
    }
    const lang = raw.trim().toLowerCase();
    if (!isTextLanguage(lang)) {
      return void res
        .status(400)
        .json({ status: 400, error: `${LANGUAGE_HEADER}: must be ro, en or az (got "${raw}")` });
    }
    res.locals.lang = lang;
    next();
  };
}

export function languageOf(res: Response): TextLanguage | null {
  const l: unknown = res.locals.lang;
  return isTextLanguage(l) ? l : null;
}

/** A device error text in `lang`, keeping the detail the hub appended in parentheses. */
export function localizeError(code: DeviceErrorCode, stored: string, lang: TextLanguage): string {
  const entry = DEVICE_ERRORS[code];
  const target = lang === 'az' ? ERROR_TEXTS[code].action.az : entry[lang];
  for (const base of [entry.ro, entry.en]) {
    if (stored.startsWith(base)) return target + stored.slice(base.length);
  }
  return stored;
}

export function localizeOutcome(o: JobOutcome, opType: string, lang: TextLanguage): JobOutcome {
  if (o.ok) return { ...o, msg: successMessage(opType, lang) ?? o.msg };
  return { ...o, error: localizeError(o.code, o.error, lang) };
}

/** A journal record with its outcome texts in `lang` (unchanged when no language was asked for). */
export function localizeJob(j: JobRecord, lang: TextLanguage | null): JobRecord {
  return lang && j.outcome ? { ...j, outcome: localizeOutcome(j.outcome, j.operation.type, lang) } : j;
}

/** An operation answer body (`{status, msg|error, code, …}`) in `lang`. */
export function localizeAnswer(
  body: Record<string, unknown>,
  opType: string,
  lang: TextLanguage,
): Record<string, unknown> {
  if (body.status === 0) return { ...body, msg: successMessage(opType, lang) ?? body.msg };
  const code = body.code;
  if (typeof code === 'string' && typeof body.error === 'string' && Object.hasOwn(DEVICE_ERRORS, code)) {
    return { ...body, error: localizeError(code as DeviceErrorCode, body.error, lang) };
  }
  return body;
}

export function localizeStatus<T extends { status: DeviceStatus; status_text: string }>(
  body: T,
  lang: TextLanguage | null,
): T {
  return lang ? { ...body, status_text: statusWord(body.status, lang) } : body;
}
