/**
 * The one Caspos exchange: `POST /` with `{"operation": …, "username"?, "password"?, "data"?: {…}}`, answered by
 * `{"code": …, "message": "…", "data"?: {…}}`. `code` is a string in the seed's examples and a number in its
 * template: both are read. Pure.
 */
import { CasposJsonError, field, isJObject, parseCasposJson, textOf, type JObject } from './json-read.js';
import type { WValue } from './json-write.js';

export type CasposOperationName =
  | 'toLogin'
  | 'toLogout'
  | 'getInfo'
  | 'getShiftStatus'
  | 'openShift'
  | 'closeShift'
  | 'getXReport'
  | 'deposit'
  | 'withDraw'
  | 'sale'
  | 'credit'
  | 'prepayment'
  | 'prepaymentProducts'
  | 'moneyBack'
  | 'correction'
  | 'rollBack'
  | 'printLastCheque'
  | 'getPeriodicZReport'
  | 'getControlTape'
  | 'isConnectedPrinter'
  | 'openCashbox';

export const DEFAULT_CASPOS_PORT = 5544;
export const CASPOS_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface Credentials {
  username: string;
  password: string;
}

/** A request: the operation, the credentials (every seed example carries them), `data`, and top-level extras. */
export function envelope(
  operation: CasposOperationName,
  creds: Credentials | null,
  data?: Record<string, WValue | undefined>,
  top: Record<string, WValue | undefined> = {},
): Record<string, WValue | undefined> {
  return {
    operation,
    ...(data !== undefined ? { data } : {}),
    ...top,
    ...(creds ? { username: creds.username, password: creds.password } : {}),
  };
}

export interface CasposAnswer {
  code: number;
  message: string;
  data: JObject | null;
}

export class CasposAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CasposAnswerError';
  }
}

/** Read an answer body leniently. Throws CasposAnswerError when it is not JSON or carries no numeric `code`. */
export function readAnswer(text: string): CasposAnswer {
  let v;
  try {
    v = parseCasposJson(text, { lenient: true });
  } catch (e) {
    throw new CasposAnswerError(
      `the device's answer is not JSON (${e instanceof CasposJsonError ? e.message : String(e)})`,
    );
  }
  if (!isJObject(v)) throw new CasposAnswerError('the device answered something other than a JSON object');
  const codeText = textOf(field(v, 'code', 'Code'))?.trim();
  if (codeText === undefined || !/^-?\d+$/.test(codeText))
    throw new CasposAnswerError('the device answered without a numeric "code"');
  const data = field(v, 'data', 'Data');
  return {
    code: Number(codeText),
    message: textOf(field(v, 'message', 'Message')) ?? '',
    data: isJObject(data) ? data : null,
  };
}
