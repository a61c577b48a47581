/**
 * Caspos failures → DeviceError. An answer with an error code is definitive (the device answered: it made no
 * document). No answer, a cut answer or a garbled one after the request went out may hide a document the device
 * made: `mayHaveActed`, and the pipeline settles it by sending the same documentUUID again.
 */
import { DEVICE_ERRORS, DeviceError, type Language } from '../../domain/error-codes.js';
import type { CasposAnswer } from '../../protocols/caspos/envelope.js';
import { casposError, type CasposErrorEntry } from '../../protocols/caspos/errors.js';
import { CasposAnswerError, CasposLoginError, CasposTransportError } from './session.js';

/** Texts for answers whose meaning depends on the operation (503 to closeShift: no shift to close). */
export const SHIFT_ALREADY_CLOSED: CasposErrorEntry = {
  code: 'DEVICE_REJECTED',
  az: 'Növbə artıq bağlıdır: çap ediləcək Z-hesabat yoxdur.',
  ro: 'Tura este deja închisă: nu există raport Z de tipărit.',
  en: 'The shift is already closed: there is no Z report to print.',
};

export function answerError(
  a: CasposAnswer,
  lang: Language,
  entry: CasposErrorEntry = casposError(a.code),
): DeviceError {
  const text = entry[lang];
  const detail = text === DEVICE_ERRORS[entry.code][lang] ? undefined : text;
  const message = a.message.trim();
  return new DeviceError(entry.code, detail, {
    deviceError: { code: a.code, text: [message, entry.az].filter(Boolean).join(' / ') },
  });
}

/** The device refused a document request itself: with the UUID checked first, no such document exists. */
export class DocumentRefused extends DeviceError {
  constructor(e: DeviceError) {
    super(e.code, e.message === e.code ? undefined : e.message, e.deviceError ? { deviceError: e.deviceError } : {});
  }
}

export function toCasposDeviceError(e: unknown, lang: Language): DeviceError {
  if (e instanceof DeviceError) return e;
  if (e instanceof CasposLoginError) return answerError(e.answer, lang);
  if (e instanceof CasposTransportError) {
    return new DeviceError('DEVICE_UNREACHABLE', `Caspos: ${e.message}`, { mayHaveActed: e.maybeSent });
  }
  if (e instanceof CasposAnswerError) {
    // Something answered, but not a Caspos answer: whether the device acted is unknown.
    return new DeviceError('DEVICE_ERROR', `Caspos: ${e.message}`, { mayHaveActed: true });
  }
  return new DeviceError('DEVICE_ERROR', e instanceof Error ? e.message : String(e));
}
