/**
 * Operations without a documentUUID: shift, reports, status, printer, drawer, duplicate, device information.
 */
import { DeviceError, type Language } from '../../domain/error-codes.js';
import { formatCents } from '../../domain/money.js';
import type { CasposOperation } from '../../domain/operations-caspos.js';
import type { DeviceInfo, DeviceStatusReport } from '../../domain/results.js';
import {
  readControlTape,
  readInfo,
  readPeriodicReport,
  readShiftReport,
  readShiftStatus,
} from '../../protocols/caspos/answers.js';
import { CODE_OK, CODE_SHIFT_CLOSED } from '../../protocols/caspos/errors.js';
import {
  openShiftRequest,
  periodicReportRequest,
  simpleRequest,
  xReportRequest,
} from '../../protocols/caspos/requests.js';
import { casposDateTime } from '../../protocols/caspos/units.js';
import { answerError } from './errors.js';
import type { CasposEnv } from './env.js';
import { vatRatesOf } from './options.js';
import { reportTotals } from './results.js';

async function ok(env: CasposEnv, request: Parameters<CasposEnv['ask']>[0], lang: Language) {
  const a = await env.ask(request);
  if (a.code !== CODE_OK) throw answerError(a, lang);
  return a;
}

export async function shiftStatus(env: CasposEnv, lang: Language) {
  const s = readShiftStatus((await ok(env, simpleRequest(env.creds, 'getShiftStatus'), lang)).data);
  const opened = s.shift_open_time ? Date.parse(s.shift_open_time) : NaN;
  const hours =
    s.shift_open && Number.isFinite(opened)
      ? Math.max(0, Math.floor(((Date.now() - opened) / 3_600_000) * 100) / 100)
      : 0;
  return { shift_open: s.shift_open === true, shift_open_time: s.shift_open_time, hours_open: hours };
}

/** openShift; a 503 answer means a shift is open already (checked with getShiftStatus, not assumed). */
export async function openShift(env: CasposEnv, cashCents: number, cashier: string, lang: Language) {
  const a = await env.ask(openShiftRequest(env.creds, cashCents, cashier));
  if (a.code !== CODE_OK && a.code !== CODE_SHIFT_CLOSED) throw answerError(a, lang);
  const status = await shiftStatus(env, lang);
  if (a.code === CODE_SHIFT_CLOSED && !status.shift_open) throw answerError(a, lang);
  return { ...status, ...(a.code === CODE_SHIFT_CLOSED ? { already_open: true } : {}) };
}

async function printerConnected(
  env: CasposEnv,
): Promise<{ connected: boolean; device_error?: { code: number; text: string } }> {
  const a = await env.ask(simpleRequest(env.creds, 'isConnectedPrinter'));
  return a.code === CODE_OK
    ? { connected: true }
    : { connected: false, device_error: { code: a.code, text: a.message } };
}

/** Start/end of a periodic report: a date means the whole day. */
const day = (s: string, end: boolean) => casposDateTime(s.length === 10 ? `${s}T${end ? '23:59:59' : '00:00:00'}` : s);

function reportLines(report: Record<string, unknown>): string[] {
  return Object.entries(report).map(([k, v]) =>
    k.endsWith('_cents') && typeof v === 'number'
      ? `${k.slice(0, -6)}: ${formatCents(v)}`
      : `${k}: ${v === null ? '' : String(v)}`,
  );
}

export async function periodic(env: CasposEnv, start: string, end: string, lang: Language) {
  const a = await ok(env, periodicReportRequest(env.creds, day(start, false), day(end, true)), lang);
  return readPeriodicReport(a.data);
}

export async function deviceInfo(env: CasposEnv, lang: Language) {
  return readInfo((await ok(env, simpleRequest(env.creds, 'getInfo'), lang)).data);
}

export type QueryHandler = (env: CasposEnv, lang: Language) => Promise<Record<string, unknown>>;

export function queryHandler(op: CasposOperation): QueryHandler | null {
  switch (op.type) {
    case 'open_shift':
      return (env, lang) => openShift(env, op.cash_cents ?? 0, op.cashier ?? env.cashier, lang);
    case 'get_shift_status':
      return (env, lang) => shiftStatus(env, lang);
    case 'print_x':
      return async (env, lang) => {
        const report = readShiftReport((await ok(env, xReportRequest(env.creds, env.cashier), lang)).data);
        return { totals: reportTotals(report, env.table), report };
      };
    case 'periodic_report':
      return async (env, lang) => ({ report: await periodic(env, op.start, op.end, lang) });
    case 'je_report':
      return async (env, lang) => {
        if (op.range.type !== 'date') throw new DeviceError('NOT_SUPPORTED', 'Caspos reports by date only');
        const report = await periodic(env, op.range.start, op.range.end, lang);
        return { lines: reportLines(report), report };
      };
    case 'get_control_tape':
      return async (env, lang) =>
        readControlTape((await ok(env, simpleRequest(env.creds, 'getControlTape'), lang)).data) as unknown as Record<
          string,
          unknown
        >;
    case 'print_duplicate':
      return async (env, lang) => (await ok(env, simpleRequest(env.creds, 'printLastCheque'), lang), {});
    case 'open_drawer':
      return async (env, lang) => (await ok(env, simpleRequest(env.creds, 'openCashbox'), lang), {});
    case 'check_printer':
      return async (env) => {
        const p = await printerConnected(env);
        return { printer_connected: p.connected, ...(p.device_error ? { device_error: p.device_error } : {}) };
      };
    case 'get_status':
      return async (env, lang) => {
        const p = await printerConnected(env);
        const s = await shiftStatus(env, lang);
        const report: DeviceStatusReport = {
          // Caspos reports no paper sensor: a printer that does not answer shows as "out" so the cashier checks it.
          paper: p.connected ? 'ok' : 'out',
          cover_open: false,
          receipt_open: false,
          hours_since_z: s.hours_open,
          // Not reported by Caspos (its documents go to the tax service online).
          fiscal_memory_free: -1,
          raw: { printer_connected: p.connected, ...s, ...(p.device_error ? { printer_error: p.device_error } : {}) },
        };
        return report as unknown as Record<string, unknown>;
      };
    case 'get_vat_rates':
      return async (env) => ({ vat_rates: vatRatesOf(env.table), vat_types: { ...env.table } });
    case 'get_device_info':
      return async (env, lang) => {
        const i = await deviceInfo(env, lang);
        const info: DeviceInfo & { caspos: typeof i } = {
          serial: i.cashregister_factory_number ?? '',
          fiscal_memory_id: i.cashbox_factory_number ?? '',
          model: i.cashregister_model ?? '',
          firmware: i.application_version ?? '',
          text_limits: { item_name: 72, text_line: 500 },
          headers: [i.company_name, i.object_name, i.object_address, i.company_tax_number].filter(
            (x): x is string => !!x,
          ),
          payment_names: { cash: 'Nağd', card: 'Kart', credit: 'Kredit', voucher: 'Bonus' },
          last_receipt_number: i.last_doc_number ?? 0,
          last_z_number: 0,
          caspos: i,
        };
        return info as unknown as Record<string, unknown>;
      };
    default:
      return null;
  }
}
