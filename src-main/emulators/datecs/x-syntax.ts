/**
 * Parameter syntax of the Romanian X firmware, checked before a command runs (pure). Sources: the X programmer's
 * manual v2.02 (ErpNet.FP's Docs/bg.isl.dt.x.protocol-v2.02-en.pdf, "Message composition" and the commands below)
 * and datecs-protocol.md §3.3, §5, §13:
 *   - every parameter, the last included, is followed by TAB; an optional one may be empty but keeps its TAB
 *     (command 90 "syntax 2", a bare parameter without TAB, is the one documented exception);
 *   - 48: OpCode 1–30, OpPwd 1–8 digits, TillNmb 1–99999, Invoice `I` or empty, then the Romanian ClientTAXN.
 *     The Bulgarian forms carry NSale (`LLDDDDDD-CCCC-DDDDDDD`), which Romanian firmware does not know:
 *     a Romanian DP-25MX answers -112001 (datecs-protocol.md §5.1, S13);
 *   - 53: PaidMode, Amount (each followed by TAB; either may be empty: cash / the rest) and an optional Type;
 *   - 61: `DD-MM-YY hh:mm:ss` with ` DST` when summer time is active;
 *   - 70: Type 0–3 is mandatory; Amount empty or 0 only reads the drawer.
 * Error codes: -112001 invalid syntax, -1121nn syntax error in parameter nn (missing), -1122nn bad value of nn.
 */
import { X_ERRORS } from '../../protocols/datecs/errors.js';

export class XSyntaxError extends Error {
  constructor(readonly code: number) {
    super(String(code));
  }
}

const missing = (param: number): never => {
  throw new XSyntaxError(-112100 - param);
};
const badValue = (param: number): never => {
  throw new XSyntaxError(-112200 - param);
};

/** The Bulgarian unique sale number. */
const NSALE = /^[A-Z]{2}\d{6}-[0-9A-Za-z]{4}-\d{7}$/;

/** Commands whose bare parameter without a trailing TAB is a documented syntax (90 "syntax 2"). */
const BARE_PARAMETER_OK = new Set([90]);

/** Raw request DATA: parameters must end with TAB. */
export function checkTrailingTab(cmd: number, data: Buffer): void {
  if (data.length === 0 || data[data.length - 1] === 0x09 || BARE_PARAMETER_OK.has(cmd)) return;
  throw new XSyntaxError(X_ERRORS.SYNTAX);
}

const intIn = (s: string, min: number, max: number): boolean => /^\d{1,6}$/.test(s) && Number(s) >= min && Number(s) <= max;

/** 48: `OpCode, OpPwd, TillNmb, Invoice, ClientTAXN` (the last two optional). */
export function checkOpenReceipt(p: string[]): void {
  if (p.length > 5) throw new XSyntaxError(X_ERRORS.SYNTAX); // a 6-field Bulgarian form: NSale
  if (p.some((f) => NSALE.test(f.trim()))) throw new XSyntaxError(X_ERRORS.SYNTAX); // the 5-field Bulgarian form
  if (p.length < 3) missing(p.length + 1);
  if (!intIn(p[0] ?? '', 1, 30)) badValue(1);
  if (!/^\d{1,8}$/.test(p[1] ?? '')) badValue(2);
  if (!intIn(p[2] ?? '', 1, 99_999)) badValue(3);
  const invoice = p[3] ?? '';
  if (invoice !== '' && invoice !== 'I') badValue(4);
}

/** 53: `PaidMode, Amount[, Type]`. */
export function checkPayment(p: string[]): void {
  if (p.length < 2) missing(p.length + 1);
  if (p.length > 3) throw new XSyntaxError(X_ERRORS.SYNTAX);
  const mode = p[0] ?? '';
  if (mode !== '' && !/^[0-6]$/.test(mode)) badValue(1);
  const type = p[2] ?? '';
  if (type !== '' && type !== '1' && type !== '12') badValue(3);
}

/** 70: `Type, Amount`. */
export function checkCash(p: string[]): void {
  if (p.length < 1) missing(1);
  if (p.length > 2) throw new XSyntaxError(X_ERRORS.SYNTAX);
  if (!/^[0-3]$/.test(p[0] ?? '')) badValue(1);
}

/** 61: the date-time and whether summer time is active. */
export function parseSetDateTime(p: string[]): { text: string; dst: boolean } {
  if (p.length !== 1) throw new XSyntaxError(p.length === 0 ? -112101 : X_ERRORS.SYNTAX);
  const m = /^(\d{2}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})( DST)?$/.exec(p[0] ?? '');
  if (!m) return badValue(1);
  return { text: m[1] ?? '', dst: m[2] !== undefined };
}

/** "1.00 14Feb25 1000" → revision with the country code ("1.00RO"), date, time (manual: FwRev is 6 symbols). */
export function firmwareFields(firmware: string, country = 'RO'): [string, string, string] {
  const [rev = '1.00', date = '01Jan25', time = '0000'] = firmware.split(' ');
  return [/[A-Z]{2}$/.test(rev) ? rev : `${rev}${country}`, date, time];
}
