/**
 * Content of the answer file (BonANSWER) and of the error block appended in BonERR. Pure and deterministic:
 * the same job outcomes render the same bytes (a replayed file gets a byte-identical answer).
 */
import { formatCents } from '../../domain/money.js';
import type { JobOutcome } from '../../domain/jobs.js';
import type { ParsedInp } from './parser/types.js';

export interface DocOutcome {
  operation_type: string;
  outcome: JobOutcome | null;
  finished_at: string | null;
}

export type ReceiptState = 'not_opened' | 'voided' | 'open';

export interface ErrorInfo {
  line: number;
  cmd: string;
  /** HTTP-like status: 400 for a file error, the negative device status for a device error. */
  code: number;
  message: string;
  receipt_state: ReceiptState;
  /** Time-stamped log lines (EcrBridge style): `<YYYY-MM-DD HH:MM:SS> - <LEVEL>: <text>`. */
  log: Array<{ at: Date; level: 'INFO' | 'ERROR'; text: string }>;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local date-time `YYYY-MM-DD HH:MM:SS`. */
export function localDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `yyyyMMddHHmmss` for collision suffixes. */
export function stamp(d: Date): string {
  return localDateTime(d).replace(/[- :]/g, '');
}

/** The 6-character serial field of the FPrint service area: the last 6 characters, padded with '0'. */
export function serial6(serial: string): string {
  const clean = serial.replace(/[^A-Za-z0-9]/g, '');
  return clean.slice(-6).padStart(6, '0');
}

function result(o: DocOutcome): Record<string, unknown> | null {
  return o.outcome?.ok ? o.outcome.result : null;
}

function str(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** The answer: input lines echoed with the service field filled, then `KEY=value` lines. */
export function renderAnswer(
  file: ParsedInp,
  docs: readonly DocOutcome[],
  opts: { serial: string; duplicate?: boolean },
): string {
  const eol = file.eol;
  const out: string[] = [];
  const receipts = docs.filter((d) => d.operation_type === 'print_receipt' || d.operation_type === 'print_refund');
  const lastReceipt = receipts.length ? result(receipts[receipts.length - 1] as DocOutcome) : null;
  const serial = str(lastReceipt?.['fiscal_serial']) || opts.serial;
  let seq = 0;
  for (const line of file.lines) {
    if (line.fprint && line.cmd !== '') {
      seq = (seq + 1) % 10;
      out.push(`${line.cmd},${line.fprint.logical},${serial6(serial)},${seq},0 ;${line.fprint.args}`);
    } else {
      out.push(line.text);
    }
  }
  out.push('RESULT=OK');
  out.push(`RECEIPT_NO=${str(lastReceipt?.['slip_number'])}`);
  const z = docs.filter((d) => d.operation_type === 'print_z').map(result);
  const lastZ = z[z.length - 1];
  if (lastZ) out.push(`Z_NO=${str(lastZ['z_number'])}`);
  const total = lastReceipt?.['total_cents'];
  out.push(`TOTAL=${typeof total === 'number' ? formatCents(total) : ''}`);
  const change = lastReceipt?.['change_cents'];
  if (typeof change === 'number' && change > 0) out.push(`CHANGE=${formatCents(change)}`);
  out.push(`SERIAL=${serial}`);
  const when = str(lastReceipt?.['receipt_datetime']);
  const finished = docs
    .map((d) => d.finished_at)
    .filter((x): x is string => x !== null)
    .pop();
  const date = when ? when.replace('T', ' ').slice(0, 19) : finished ? localDateTime(new Date(finished)) : '';
  out.push(`DATE=${date}`);
  const pos = lastReceipt?.['pos'] as Record<string, unknown> | undefined;
  if (pos && pos['approved'] === true) {
    out.push(`POS_AUTH=${str(pos['auth_code'])}`);
    out.push(`POS_RRN=${str(pos['rrn'])}`);
  }
  if (receipts.length > 1) out.push(`RECEIPTS=${receipts.map((r) => str(result(r)?.['slip_number'])).join(',')}`);
  if (opts.duplicate) out.push('DUPLICATE=1');
  return out.join(eol) + eol;
}

/** The block appended to the original in BonERR (preceded by the original's own line ending when it lacked one). */
export function renderErrorBlock(info: ErrorInfo, eol: '\r\n' | '\n'): string {
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
  const lines = [
    '-'.repeat(60),
    'RESULT=ERROR',
    `ERROR_LINE=${info.line}`,
    `ERROR_CMD=${info.cmd}`,
    `ERROR_CODE=${info.code}`,
    `ERROR=${oneLine(info.message)}`,
    `RECEIPT_STATE=${info.receipt_state}`,
    'Execution Log',
    ...info.log.map((l) => `${localDateTime(l.at)} - ${l.level}: ${oneLine(l.text)}`),
  ];
  return lines.join(eol) + eol;
}

/** Which receipt state a failed job leaves behind (the pipeline cancels a receipt it could not finish). */
export function receiptStateAfter(operationType: string, outcome: JobOutcome | null): ReceiptState {
  if (operationType !== 'print_receipt' && operationType !== 'print_refund') return 'not_opened';
  if (outcome === null || outcome.ok) return 'not_opened';
  if (outcome.code === 'IN_DOUBT' || outcome.code === 'RECEIPT_OPEN') return 'open';
  const beforeOpening = [
    'POS_DECLINED',
    'POS_UNREACHABLE',
    'VAT_RATE_NOT_PROGRAMMED',
    'PAYMENT_INSUFFICIENT',
    'Z_REPORT_REQUIRED',
    'SHIFT_CLOSED',
    'FISCAL_MEMORY_FULL',
    'NOT_SUPPORTED',
    'COVER_OPEN',
  ];
  return beforeOpening.includes(outcome.code) ? 'not_opened' : 'voided';
}
