/**
 * Job outcomes → ErpNet.FP answers (seeds/002): `ok`, `messages[] {type, code, text}` with ErpNet.FP's
 * E…/W… codes, plus `receiptNumber`/`receiptDateTime`/`receiptAmount`/`fiscalMemorySerialNumber` for receipts,
 * `deviceDateTime` for status and `amount` for cash. Rendered only from the JobRecord (and the language), so a
 * replayed task answers byte for byte the same. Pure.
 */
import type { DeviceErrorCode, Language } from '../../domain/error-codes.js';
import type { JobOutcome, JobRecord, JobState } from '../../domain/jobs.js';
import type { DeviceStatusReport, ReceiptResult } from '../../domain/results.js';
import { SUCCESS_MESSAGES } from '../../domain/results.js';
import { centsToNumber } from '../compat-shared/decimal.js';
import { toErpNetDateTime } from '../compat-shared/datetime.js';

export interface ErpMessage {
  type: 'info' | 'warning' | 'error';
  code?: string;
  text: string;
}

export interface ErpStatus {
  ok: boolean;
  messages: ErpMessage[];
  [k: string]: unknown;
}

/** FisCool's stable device error codes → ErpNet.FP's standardized codes (reference/erpnet-fp.md §3.4). */
export const ERPNET_ERROR_CODES: Record<DeviceErrorCode, string> = {
  PAPER_OUT: 'E301',
  COVER_OPEN: 'E302',
  RECEIPT_OPEN: 'E404',
  Z_REPORT_REQUIRED: 'E502',
  FISCAL_MEMORY_FULL: 'E201',
  DEVICE_UNREACHABLE: 'E101',
  DEVICE_REJECTED: 'E499',
  VAT_RATE_NOT_PROGRAMMED: 'E411',
  PAYMENT_INSUFFICIENT: 'E403',
  NOT_SUPPORTED: 'E412',
  POS_DECLINED: 'E699',
  POS_UNREACHABLE: 'E602',
  POS_CANCELLED: 'E603',
  POS_BUSY: 'E699',
  POS_TIMEOUT: 'E601',
  POS_NOT_CONFIRMED: 'E602',
  SHIFT_CLOSED: 'E404',
  IN_DOUBT: 'E199',
  DEVICE_ERROR: 'E199',
};

export const errorStatus = (code: string, text: string, extra: ErpMessage[] = []): ErpStatus => ({
  ok: false,
  messages: [{ type: 'error', code, text }, ...extra],
});

export function padReceiptNumber(n: unknown): string {
  return typeof n === 'number' ? String(n).padStart(7, '0') : String(n ?? '');
}

function failure(outcome: Extract<JobOutcome, { ok: false }>, language: Language, reversal: boolean): ErpStatus {
  const code = ERPNET_ERROR_CODES[outcome.code] ?? 'E199';
  const text =
    reversal && outcome.code === 'NOT_SUPPORTED'
      ? language === 'ro'
        ? 'Această casă de marcat nu poate tipări bonuri de retur (storno). Faceți returul de la casă sau folosiți o casă care permite retururi.'
        : 'This register cannot print reversal (refund) receipts. Do the refund on the register itself or use a register that supports refunds.'
      : outcome.error;
  const extra: ErpMessage[] = [];
  if (outcome.device_error) {
    const dt = outcome.device_error.text ? ` ${outcome.device_error.text}` : '';
    const who = outcome.pos ? (language === 'ro' ? 'Terminalul de plată' : 'Card terminal') : language === 'ro' ? 'Casa de marcat' : 'Register';
    extra.push({ type: 'info', code: '', text: `${who}: ${String(outcome.device_error.code)}${dt}` });
  }
  return errorStatus(code, text, extra);
}

/** Status messages for a device status report (warnings W…, blocking conditions E…, the rest info). */
export function statusMessages(s: DeviceStatusReport, language: Language): ErpMessage[] {
  const ro = language === 'ro';
  const m: ErpMessage[] = [];
  if (s.paper === 'out')
    m.push({
      type: 'error',
      code: 'E301',
      text: ro ? 'Lipsă hârtie. Puneți o rolă nouă.' : 'Out of paper. Load a new roll.',
    });
  else if (s.paper === 'near_end')
    m.push({ type: 'warning', code: 'W301', text: ro ? 'Hârtia este pe terminate' : 'Paper is running low' });
  if (s.cover_open)
    m.push({
      type: 'error',
      code: 'E302',
      text: ro ? 'Capacul imprimantei este deschis' : 'The printer cover is open',
    });
  if (s.hours_since_z >= 24)
    m.push({
      type: 'error',
      code: 'E502',
      text: ro
        ? 'Au trecut 24 de ore de la ultimul raport Z. Tipăriți raportul Z.'
        : '24 hours since the last Z report. Print the Z report.',
    });
  if (s.fiscal_memory_free >= 0 && s.fiscal_memory_free < 50)
    m.push({
      type: 'warning',
      code: 'W201',
      text: ro ? 'Memoria fiscală este aproape plină' : 'The fiscal memory is almost full',
    });
  if (s.receipt_open) m.push({ type: 'info', code: '', text: ro ? 'Un bon este deschis' : 'A receipt is open' });
  m.push({ type: 'info', code: '', text: ro ? 'Casa de marcat răspunde' : 'The register answers' });
  return m;
}

const successInfo = (type: string, language: Language): ErpMessage[] => {
  const t = SUCCESS_MESSAGES[type];
  return t ? [{ type: 'info', code: '', text: t[language] }] : [];
};

/** The answer for a finished job, by operation type. */
export function renderErpOutcome(
  job: JobRecord & { outcome: JobOutcome },
  language: Language,
  extra?: { deviceDateTime?: string; cashAmountCents?: number; fiscalMemoryId?: string },
): ErpStatus {
  const type = job.operation.type;
  const o = job.outcome;
  if (!o.ok) return failure(o, language, type === 'print_refund');
  if (type === 'print_receipt') {
    const r = o.result as unknown as ReceiptResult;
    return {
      ok: true,
      messages: successInfo(type, language),
      receiptNumber: padReceiptNumber(r.slip_number),
      receiptDateTime: toErpNetDateTime(r.receipt_datetime),
      receiptAmount: centsToNumber(r.total_cents),
      fiscalMemorySerialNumber: extra?.fiscalMemoryId ?? r.fiscal_serial,
    };
  }
  if (type === 'get_status') {
    const s = o.result as unknown as DeviceStatusReport;
    const messages = statusMessages(s, language);
    const out: ErpStatus = { ok: !messages.some((m) => m.type === 'error'), messages };
    if (extra?.deviceDateTime) return { deviceDateTime: toErpNetDateTime(extra.deviceDateTime), ...out };
    return out;
  }
  if (extra?.cashAmountCents !== undefined)
    return { amount: centsToNumber(extra.cashAmountCents), ok: true, messages: successInfo(type, language) };
  return { ok: true, messages: successInfo(type, language) };
}

/** An operation the register's family cannot do, refused before anything was queued. */
export function renderUnsupported(error: string, language: Language, reversal: boolean): ErpStatus {
  return failure({ ok: false, status: -509, code: 'NOT_SUPPORTED', error }, language, reversal);
}

export type TaskStatus = 'unknown' | 'enqueued' | 'running' | 'finished';

export function taskStatus(state: JobState | undefined): TaskStatus {
  if (state === undefined) return 'unknown';
  if (state === 'queued') return 'enqueued';
  if (state === 'running' || state === 'in_doubt') return 'running';
  return 'finished';
}
