/** Building job outcomes (what the caller is told) from results and errors, in the configured language. */
import { DEVICE_ERRORS, DeviceError, type DeviceErrorCode, type Language } from '../domain/error-codes.js';
import type { JobOutcome } from '../domain/jobs.js';
import { SUCCESS_MESSAGES } from '../domain/results.js';

export function successOutcome(opType: string, result: object, lang: Language): JobOutcome {
  const msg = SUCCESS_MESSAGES[opType]?.[lang] ?? 'OK';
  return { ok: true, msg, result: { ...result } };
}

export function errorOutcome(code: DeviceErrorCode, lang: Language, detail?: string, deviceError?: { code: string | number; text?: string }): JobOutcome {
  const base = DEVICE_ERRORS[code][lang];
  const error = detail && detail !== code && !base.includes(detail) ? `${base} (${detail})` : base;
  return { ok: false, status: DEVICE_ERRORS[code].status, code, error, ...(deviceError ? { device_error: deviceError } : {}) };
}

export function outcomeFromError(e: unknown, lang: Language): JobOutcome {
  if (e instanceof DeviceError) {
    const o = errorOutcome(e.code, lang, e.message, e.deviceError);
    return e.pos && !o.ok ? { ...o, pos: e.pos } : o;
  }
  const text = e instanceof Error ? e.message : String(e);
  return errorOutcome('DEVICE_ERROR', lang, text);
}
