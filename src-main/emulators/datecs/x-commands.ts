/**
 * The Romanian X command set, executed against the virtual register (emulator side). Every handler returns the
 * reply fields; RegisterError becomes the device's negative ErrorCode plus the matching status bit.
 */
import { X_ERRORS } from '../../protocols/datecs/errors.js';
import { buildXReply, splitX } from '../../protocols/datecs/params.js';
import { encodeStatus } from '../../protocols/datecs/status.js';
import {
  amount,
  docTypeFromCode,
  fromDatecsDateTime,
  groupForTaxCd,
  methodForXMode,
  parseAmount,
  parseQuantity,
  parseXDiscount,
  toDatecsDateTime,
} from '../../protocols/datecs/values.js';
import { RegisterError } from '../virtual-register/register-api.js';
import type { CommandOutcome, EmulatorContext } from './command-context.js';
import { ERROR_TEXTS, REGISTER_ERROR_MAP } from './register-errors.js';
import { statusFlagsOf } from './status-of.js';
import { checkCash, checkOpenReceipt, checkPayment, checkTrailingTab, firmwareFields, parseSetDateTime, XSyntaxError } from './x-syntax.js';

type Fields = Array<string | number>;
type Result = { fields?: Fields; printed?: number; raw?: Buffer };

class XFail extends Error {
  constructor(
    readonly code: number,
    readonly flag: 'syntax_error' | 'invalid_command' | 'command_not_permitted' = 'syntax_error',
  ) {
    super(String(code));
  }
}

const need = <T>(v: T | null | undefined, param: number): T => {
  if (v === null || v === undefined) throw new XFail(-112200 - param);
  return v;
};

/** Flatten journal documents into EJ text lines. */
function journalLines(ctx: EmulatorContext): string[] {
  if (!ctx.ej.query) return [];
  return ctx.register.readJournal(ctx.ej.query).flatMap((d) => d.lines);
}

function dateOnly(text: string, param: number): string {
  const iso = need(fromDatecsDateTime(text), param);
  return iso.slice(0, 10);
}

function run(ctx: EmulatorContext, cmd: number, p: string[]): Result {
  const r = ctx.register;
  const arg = (i: number): string => p[i] ?? '';
  switch (cmd) {
    case 45: // PC mode?
      return {};
    case 48: {
      checkOpenReceipt(p);
      if (arg(1) !== ctx.operatorPassword) throw new XFail(X_ERRORS.WRONG_PASSWORD, 'command_not_permitted');
      const cui = arg(4).trim();
      const printed = r.openFiscalReceipt({
        operator: Number(arg(0) || '1'),
        invoice: arg(3) === 'I',
        ...(cui ? { buyer_cui: cui } : {}),
      }).printed_lines;
      const c = r.counters();
      return { fields: [c.receipt_number + 1, c.z_number + 1, c.z_number], printed };
    }
    case 49: {
      const group = need(groupForTaxCd(arg(1)), 2);
      const price = need(parseAmount(arg(2)), 3);
      if (price < 0) throw new XFail(X_ERRORS.NOT_PERMITTED, 'command_not_permitted'); // voids are not modelled
      const adjustment = parseXDiscount(arg(4), arg(5));
      if (adjustment === null) throw new XFail(-112205);
      const dept = Number(arg(6) || '0');
      const res = r.sell({
        description: arg(0),
        vat_group: group,
        unit_price_cents: price,
        quantity_thousandths: need(parseQuantity(arg(3)), 4),
        ...(adjustment ? { adjustment } : {}),
        ...(dept > 0 ? { department: dept } : {}),
        ...(arg(7) ? { um: arg(7) } : {}),
      });
      const c = r.counters();
      return { fields: [c.receipt_number + 1, c.z_number + 1, c.z_number], printed: res.printed_lines };
    }
    case 51: {
      const adjustment = parseXDiscount(arg(2), arg(3));
      if (adjustment === null) throw new XFail(-112203);
      const res = r.subtotal(adjustment);
      return { fields: [r.counters().receipt_number + 1, amount(res.subtotal_cents)], printed: res.printed_lines };
    }
    case 53: {
      checkPayment(p);
      const method = need(arg(0) === '' ? 'cash' : methodForXMode(Number(arg(0))), 1);
      const amt = arg(1) === '' ? undefined : need(parseAmount(arg(1)), 2);
      const res = r.pay(method, amt);
      return res.remaining_cents > 0
        ? { fields: ['D', amount(res.remaining_cents)], printed: res.printed_lines }
        : { fields: ['R', amount(res.change_cents)], printed: res.printed_lines };
    }
    case 54:
      return { printed: r.printText(arg(0)).printed_lines };
    case 56: {
      const res = r.closeReceipt();
      const c = r.counters();
      return { fields: [res.receipt_number, c.z_number + 1, c.z_number], printed: res.printed_lines };
    }
    case 60:
      // Allowed only before the first payment (FP manual v1.00BG 3Ch; datecs-protocol.md §5.1, §7.2, §7.4 [I for X]).
      if (ctx.cancelAfterPayment === 'refuse' && r.status().payment_started) throw new XFail(X_ERRORS.PAYMENT_STARTED, 'command_not_permitted');
      return { printed: r.cancelReceipt().printed_lines };
    case 38:
      return { fields: [r.counters().receipt_number], printed: r.openNonFiscal().printed_lines };
    case 42:
      return { printed: r.printNonFiscalText(arg(0)).printed_lines };
    case 39:
      return { fields: [r.counters().receipt_number], printed: r.closeNonFiscal().printed_lines };
    case 69: {
      const type = arg(0);
      if (type !== 'X' && type !== 'Z') throw new XFail(-112201);
      let res: { printed_lines: number; totals: { by_vat_group: Record<string, number> } };
      let nRep: number;
      if (type === 'Z') {
        const z = r.zReport();
        res = z;
        nRep = z.z_number;
      } else {
        res = r.xReport();
        nRep = r.counters().z_number + 1;
      }
      const g = res.totals.by_vat_group;
      const tot = ['A', 'B', 'C', 'D', 'E', 'F'].map((k) => amount(g[k] ?? 0));
      return { fields: [nRep, ...tot, amount(g.G ?? 0), '0.00', '0.00'], printed: res.printed_lines };
    }
    case 70: {
      checkCash(p);
      const type = arg(0);
      const amt = need(parseAmount(arg(1) || '0'), 2);
      if (amt < 0) throw new XFail(-112202);
      let printed = 0;
      if (amt > 0) {
        if (type === '0') printed = r.cashIn(amt).printed_lines;
        else if (type === '1') printed = r.cashOut(amt).printed_lines;
        else throw new XFail(-112201);
      }
      const c = r.counters();
      return { fields: [amount(r.status().cash_in_drawer_cents), amount(c.cash_in_cents), amount(c.cash_out_cents)], printed };
    }
    case 74: {
      // The status bytes are ≥ 0x80: sent raw, not through the text encoder.
      const st = encodeStatus('x', Object.fromEntries(statusFlagsOf(r).map((f) => [f, true])));
      return { raw: Buffer.concat([Buffer.from('0\t', 'latin1'), st, Buffer.from('\t', 'latin1')]) };
    }
    case 76: {
      const s = r.status();
      const c = r.counters();
      const open = s.receipt === 'fiscal' ? 1 : s.receipt === 'refund' ? 2 : s.receipt === 'non_fiscal' ? 3 : 0;
      // Number: the open receipt's own number while one is open, else the last closed one.
      const number = open === 1 || open === 2 ? c.receipt_number + 1 : c.receipt_number;
      // Items: sales registered; Amount: the running total after discounts; Payed: what has been paid so far.
      const items = s.open_receipt_sales ?? 0;
      return { fields: [open, number, c.z_number, c.z_number, items, amount(s.open_receipt_total_cents ?? 0), amount(s.open_receipt_paid_cents ?? 0)] };
    }
    case 50: {
      const rates = r.identity().vat_rates;
      const tax = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((k) => (rates[k] === undefined ? '100.00' : amount(rates[k] ?? 0)));
      return { fields: [r.counters().z_number, ...tax, toDatecsDateTime(r.status().datetime)] };
    }
    case 61: {
      const set = parseSetDateTime(p);
      r.setDateTime(need(fromDatecsDateTime(set.text), 1));
      ctx.memory.setDst(set.dst);
      return {};
    }
    case 62:
      return { fields: [toDatecsDateTime(r.status().datetime) + (ctx.memory.dst ? ' DST' : '')] };
    case 86: {
      // Date of the last fiscal memory record, DD-MM-YYYY hh:mm:ss (X manual v2.02, command 86).
      const at = r.status().last_fiscal_record_at ?? r.status().datetime;
      return { fields: [`${at.slice(8, 10)}-${at.slice(5, 7)}-${at.slice(0, 4)} ${at.slice(11, 19)}`] };
    }
    case 90: {
      const id = r.identity();
      const [rev, date, time] = firmwareFields(id.firmware);
      return { fields: [id.model, rev, date, time, '0000', '00000000', id.serial, id.fiscal_memory_id] };
    }
    case 100: {
      const code = Number(arg(0));
      return { fields: [code, ERROR_TEXTS[code] ?? 'Eroare necunoscuta'] };
    }
    case 106:
      r.openDrawer();
      return {};
    case 109:
      return { printed: r.printDuplicate().printed_lines };
    case 123: {
      const id = r.identity();
      if (arg(0) === '1') return { fields: [id.serial, id.fiscal_memory_id, id.headers[0] ?? '', id.headers[1] ?? '', ''] };
      if (arg(0) === '3') {
        const c = r.counters();
        const recent = (type: 'fiscal_receipts' | 'z_reports', from: number) =>
          r.readJournal({ range: { type: 'z_number', start: Math.max(1, from), end: c.z_number + 1 }, doc_type: type }).at(-1);
        const last = recent('fiscal_receipts', c.z_number) ?? recent('fiscal_receipts', 1);
        const z = c.z_number > 0 ? recent('z_reports', c.z_number) : undefined;
        return { fields: [c.receipt_number, last ? toDatecsDateTime(last.datetime) : '', c.z_number, z ? toDatecsDateTime(z.datetime) : ''] };
      }
      throw new XFail(-112201);
    }
    case 124: {
      const type = need(docTypeFromCode(arg(2) || '0'), 3);
      ctx.ej = { query: { range: { type: 'date', start: dateOnly(arg(0), 1), end: dateOnly(arg(1), 2) }, doc_type: type }, lines: [], next: 0 };
      ctx.ej.lines = journalLines(ctx);
      const docs = r.readJournal(ctx.ej.query as NonNullable<typeof ctx.ej.query>);
      const first = docs[0];
      const last = docs.at(-1);
      return { fields: [arg(0), arg(1), first?.z_period ?? 0, first?.number ?? 0, last?.z_period ?? 0, last?.number ?? 0] };
    }
    case 125: {
      const opt = arg(0);
      if (opt === '1') {
        const line = ctx.ej.lines[ctx.ej.next];
        if (line === undefined) throw new XFail(X_ERRORS.EJ_NO_MORE_DATA, 'command_not_permitted');
        ctx.ej.next++;
        return { fields: [line] };
      }
      if (opt === '4') {
        if (!ctx.ej.query) throw new XFail(X_ERRORS.NOT_PERMITTED, 'command_not_permitted');
        return { printed: r.printJournal(ctx.ej.query).printed_lines };
      }
      if (opt === '5') {
        // FisCool's selection by Z range [I: the RO option code is not documented publicly].
        const type = need(docTypeFromCode(arg(3) || '0'), 4);
        const start = Number(arg(1));
        const end = Number(arg(2));
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start) throw new XFail(-112202);
        ctx.ej = { query: { range: { type: 'z_number', start, end }, doc_type: type }, lines: [], next: 0 };
        ctx.ej.lines = journalLines(ctx);
        return { fields: [ctx.ej.lines.length] };
      }
      throw new XFail(-112201);
    }
    case 94:
    case 95: {
      const detailed = arg(0) === '1';
      const range =
        cmd === 94
          ? { type: 'date' as const, start: dateOnly(arg(1), 2), end: dateOnly(arg(2), 3) }
          : { type: 'z_number' as const, start: Number(arg(1)), end: Number(arg(2)) };
      return { printed: r.printFiscalMemoryReport(range, detailed).printed_lines };
    }
    case 255: {
      const s = r.status();
      const c = r.counters();
      const values: Record<string, string | number> = {
        Block24h: s.z_required ? 1 : 0,
        DFR_needed: s.hours_since_z > 0 ? 1 : 0,
        nZreport: c.z_number,
        nFBon: c.receipt_number,
        nFBonDailyCount: r.readJournal({ range: { type: 'z_number', start: c.z_number + 1, end: c.z_number + 1 }, doc_type: 'fiscal_receipts' }).length,
        FMnumber: r.identity().fiscal_memory_id,
        IDnumber: r.identity().serial,
      };
      const v = values[arg(0)];
      if (v === undefined) throw new XFail(-112201);
      return { fields: [v] };
    }
    default:
      throw new XFail(X_ERRORS.INVALID_COMMAND, 'invalid_command');
  }
}

export function executeX(ctx: EmulatorContext, cmd: number, data: Buffer): CommandOutcome {
  if (!ctx.pcMode && cmd !== 45 && cmd !== 74 && cmd !== 90) {
    return { data: buildXReply(X_ERRORS.PC_MODE_NEEDED), printed_lines: 0, flags: ['command_not_permitted'] };
  }
  try {
    checkTrailingTab(cmd, data);
    if (cmd === 90 && data.length > 0 && data[data.length - 1] !== 0x09) return diagnosticSyntax2(ctx);
    const res = run(ctx, cmd, splitX(data));
    return { data: res.raw ?? buildXReply(0, res.fields ?? []), printed_lines: res.printed ?? 0, flags: [] };
  } catch (e) {
    if (e instanceof XSyntaxError) return { data: buildXReply(e.code), printed_lines: 0, flags: ['syntax_error'] };
    if (e instanceof XFail) {
      // An unknown command answers with empty DATA and bit 0.1, as the manual says.
      if (e.flag === 'invalid_command') return { data: Buffer.alloc(0), printed_lines: 0, flags: ['invalid_command'] };
      return { data: buildXReply(e.code), printed_lines: 0, flags: [e.flag] };
    }
    if (e instanceof RegisterError && e.code !== 'DISCONNECTED') {
      const m = REGISTER_ERROR_MAP[e.code];
      return { data: buildXReply(m.x), printed_lines: 0, flags: [m.flag] };
    }
    throw e;
  }
}

/** 90 "syntax 2" (a bare parameter, no TAB): `Name,FwRev FwDate FwTime,Checksum,Sw,Serial,FM`, no ErrorCode. */
function diagnosticSyntax2(ctx: EmulatorContext): CommandOutcome {
  const id = ctx.register.identity();
  const text = [id.model, firmwareFields(id.firmware).join(' '), '0000', '00000000', id.serial, id.fiscal_memory_id].join(',');
  return { data: Buffer.from(text, 'latin1'), printed_lines: 0, flags: [] };
}
