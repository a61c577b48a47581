/**
 * The classic (6 status bytes, comma parameters) command set, executed against the virtual register. Errors are
 * signalled the classic way: status bits plus a -1500xx code kept for command 0x20 (last error).
 * Romanian classic firmware is not documented publicly (datecs-protocol.md §6): payment letters, the EJ Z-range
 * selection and the 0x71/0x40 counter reads follow the generic manual and are marked [I] in docs/devices/datecs.md.
 */
import { CLASSIC_ERRORS } from '../../protocols/datecs/errors.js';
import { splitClassic } from '../../protocols/datecs/params.js';
import { encodeStatus, type StatusFlag } from '../../protocols/datecs/status.js';
import { decodeText, encodeText } from '../../protocols/datecs/text.js';
import {
  amount,
  fromDatecsDateTime,
  methodForClassicLetter,
  parseAmount,
  parseClassicDiscount,
  parseQuantity,
  toDatecsDateTime,
} from '../../protocols/datecs/values.js';
import type { JournalQuery } from '../virtual-register/register-api.js';
import { RegisterError } from '../virtual-register/register-api.js';
import type { CommandOutcome, EmulatorContext } from './command-context.js';
import { ERROR_TEXTS, REGISTER_ERROR_MAP } from './register-errors.js';
import { statusFlagsOf } from './status-of.js';
import { firmwareFields } from './x-syntax.js';

class CFail extends Error {
  constructor(
    readonly code: number,
    readonly flag: StatusFlag = 'syntax_error',
  ) {
    super(String(code));
  }
}

type Result = { text?: string; raw?: Buffer; printed?: number };

const FLAG_OF_EJ: Record<string, JournalQuery['doc_type']> = { A: 'all', F: 'fiscal_receipts', N: 'non_fiscal', Z: 'z_reports' };

/** "DDMMYY" → "YYYY-MM-DD". */
function dmy(s: string): string {
  if (!/^\d{6}$/.test(s)) throw new CFail(CLASSIC_ERRORS.SYNTAX);
  return `20${s.slice(4, 6)}-${s.slice(2, 4)}-${s.slice(0, 2)}`;
}

function run(ctx: EmulatorContext, cmd: number, text: string): Result {
  const r = ctx.register;
  const p = splitClassic(encodeText(text, '\t\n'));
  const c = () => r.counters();
  switch (cmd) {
    case 0x20: {
      const e = ctx.lastError;
      if (text === 'CLEAR') ctx.lastError = null;
      return { text: e ? `${e.cmd},${e.code},${toDatecsDateTime(r.status().datetime)},${ERROR_TEXTS[e.code] ?? 'Eroare'}` : '0,0,,' };
    }
    case 0x26:
      r.openNonFiscal();
      return { text: String(c().receipt_number) };
    case 0x27:
      return { text: String(c().receipt_number), printed: r.closeNonFiscal().printed_lines };
    case 0x2a:
      return { printed: r.printNonFiscalText(text).printed_lines };
    case 0x30: {
      if ((p[1] ?? '') !== ctx.operatorPassword) throw new CFail(-150104, 'command_not_permitted');
      const printed = r.openFiscalReceipt({ operator: Number(p[0] || '1'), invoice: p[3] === 'I' }).printed_lines;
      return { text: `${c().receipt_number + 1},${c().receipt_number + 1}`, printed };
    }
    case 0x31: {
      const m = /^([^\t]*)\t([A-H])(-?\d+(?:\.\d+)?)(?:\*(\d+(?:\.\d+)?))?(?:#([^,;]*))?([,;]-?\d+(?:\.\d+)?)?$/.exec(text);
      if (!m) throw new CFail(CLASSIC_ERRORS.SYNTAX);
      const price = parseAmount(m[3] ?? '');
      const qty = parseQuantity(m[4] ?? '');
      const adjustment = parseClassicDiscount(m[6] ?? '');
      if (price === null || price < 0 || qty === null || adjustment === null) throw new CFail(CLASSIC_ERRORS.SYNTAX);
      const res = r.sell({
        description: m[1] ?? '',
        vat_group: m[2] ?? 'A',
        unit_price_cents: price,
        quantity_thousandths: qty,
        ...(adjustment ? { adjustment } : {}),
        ...(m[5] ? { um: m[5] } : {}),
      });
      return { printed: res.printed_lines };
    }
    case 0x33: {
      const m = /^[01]{0,2}([,;]-?\d+(?:\.\d+)?)?$/.exec(text);
      const adjustment = m ? parseClassicDiscount(m[1] ?? '') : null;
      if (adjustment === null) throw new CFail(CLASSIC_ERRORS.SYNTAX);
      const res = r.subtotal(adjustment);
      return { text: amount(res.subtotal_cents), printed: res.printed_lines };
    }
    case 0x35: {
      const tail = text.split('\t')[1] ?? '';
      const m = /^([A-Za-z]?)\+?(\d+(?:\.\d+)?)?$/.exec(tail);
      const method = m ? methodForClassicLetter(m[1] || 'P') : null;
      if (!m || !method) throw new CFail(CLASSIC_ERRORS.SYNTAX);
      const amt = m[2] === undefined ? undefined : (parseAmount(m[2]) ?? undefined);
      const res = r.pay(method, amt);
      return { text: res.remaining_cents > 0 ? `D${amount(res.remaining_cents)}` : `R${amount(res.change_cents)}`, printed: res.printed_lines };
    }
    case 0x36:
      return { printed: r.printText(text).printed_lines };
    case 0x38: {
      const res = r.closeReceipt();
      return { text: `${res.receipt_number},${res.receipt_number}`, printed: res.printed_lines };
    }
    case 0x3c:
      // "Allowed only in an open fiscal receipt and only before running command 53 (Total)" (FP manual v1.00BG, 3Ch).
      if (ctx.cancelAfterPayment === 'refuse' && r.status().payment_started) throw new CFail(REGISTER_ERROR_MAP.PAYMENT_STARTED.classic, 'command_not_permitted');
      return { printed: r.cancelReceipt().printed_lines };
    case 0x3d: {
      // `DD-MM-YY HH:MM[:SS]` (FP manual v1.00BG, 3Dh): no 4-digit year, no summer-time suffix.
      const iso = /^\d{2}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(text) ? fromDatecsDateTime(text) : null;
      if (!iso) throw new CFail(CLASSIC_ERRORS.SYNTAX);
      r.setDateTime(iso);
      return {};
    }
    case 0x3e:
      return { text: toDatecsDateTime(r.status().datetime) };
    case 0x40:
      return { text: `P,${c().z_number}` };
    case 0x45: {
      if (text !== '0' && text !== '2') throw new CFail(CLASSIC_ERRORS.SYNTAX);
      const z = text === '0' ? r.zReport() : null;
      const res = z ?? r.xReport();
      const g = res.totals.by_vat_group;
      const tot = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((k) => amount(g[k] ?? 0));
      return { text: [z ? z.z_number : c().z_number + 1, amount(res.totals.total_cents), ...tot].join(','), printed: res.printed_lines };
    }
    case 0x46: {
      let printed = 0;
      if (text !== '') {
        const v = parseAmount(text.replace(/^\+/, ''));
        if (v === null || v === 0) throw new CFail(CLASSIC_ERRORS.SYNTAX);
        printed = (v > 0 ? r.cashIn(v) : r.cashOut(-v)).printed_lines;
      }
      return { text: `P,${amount(r.status().cash_in_drawer_cents)},${amount(c().cash_in_cents)},${amount(c().cash_out_cents)}`, printed };
    }
    case 0x4a:
      return { raw: encodeStatus('classic', Object.fromEntries(statusFlagsOf(r).map((f) => [f, true]))) };
    case 0x4c: {
      const s = r.status();
      const open = s.receipt === 'fiscal' || s.receipt === 'refund' ? 1 : s.receipt === 'non_fiscal' ? 2 : 0;
      // Open, Items (sales), Amount (running total after discounts), Tender (paid so far).
      return { text: `${open},${s.open_receipt_sales ?? 0},${amount(s.open_receipt_total_cents ?? 0)},${amount(s.open_receipt_paid_cents ?? 0)}` };
    }
    case 0x56: {
      // Date of the last fiscal memory record: `DD-MM-YYYY`, with `T` also the time (FP manual v1.00BG, 56h).
      if (text !== '' && text !== 'T') throw new CFail(CLASSIC_ERRORS.SYNTAX);
      const at = r.status().last_fiscal_record_at ?? r.status().datetime;
      const date = `${at.slice(8, 10)}-${at.slice(5, 7)}-${at.slice(0, 4)}`;
      return { text: text === 'T' ? `${date} ${at.slice(11, 19)}` : date };
    }
    case 0x5a: {
      // `<Name>,<FwRev><Country> <FwDate> <FwTime>,<Chk>,<Sw>,<Ser>,<FM>` (FP manual v1.00BG, 5Ah).
      const id = r.identity();
      return { text: `${id.model},${firmwareFields(id.firmware).join(' ')},FFFF,00000000,${id.serial},${id.fiscal_memory_id}` };
    }
    case 0x5e:
    case 0x5f: {
      const [type, a = '', b = ''] = p;
      const range = cmd === 0x5e ? { type: 'date' as const, start: dmy(a), end: dmy(b) } : { type: 'z_number' as const, start: Number(a), end: Number(b) };
      return { printed: r.printFiscalMemoryReport(range, type === '1').printed_lines };
    }
    case 0x61: {
      const rates = r.identity().vat_rates;
      return { text: ['A', 'B', 'C', 'D', 'E'].map((k) => (rates[k] === undefined ? 'DT' : amount(rates[k] ?? 0))).join(',') };
    }
    case 0x6a:
      r.openDrawer();
      return {};
    case 0x6d:
      return { printed: r.printDuplicate().printed_lines };
    case 0x71:
      return { text: String(c().receipt_number).padStart(7, '0') };
    case 0x77:
      return ej(ctx, text);
    default:
      throw new CFail(CLASSIC_ERRORS.INVALID_COMMAND, 'invalid_command');
  }
}

/** EJ class commands: `R<Flg>,DDMMYY,DDMMYY` (dates), `R#<Flg>,*<Z1>,<Z2>` (Z range [I]), `N` next line, `P` print. */
function ej(ctx: EmulatorContext, text: string): Result {
  if (text === 'N') {
    const line = ctx.ej.lines[ctx.ej.next];
    if (line === undefined) return { text: 'F' };
    ctx.ej.next++;
    return { text: `P,${line}` };
  }
  if (text === 'P') {
    if (!ctx.ej.query) throw new CFail(CLASSIC_ERRORS.NOT_PERMITTED, 'command_not_permitted');
    return { printed: ctx.register.printJournal(ctx.ej.query).printed_lines };
  }
  const byZ = /^R#([AFNZ]),\*(\d+),(\d+)$/.exec(text);
  const byDate = /^R([AFNZ]),(\d{6}),(\d{6})$/.exec(text);
  let query: JournalQuery;
  if (byZ) query = { range: { type: 'z_number', start: Number(byZ[2]), end: Number(byZ[3]) }, doc_type: FLAG_OF_EJ[byZ[1] ?? 'A'] ?? 'all' };
  else if (byDate) query = { range: { type: 'date', start: dmy(byDate[2] ?? ''), end: dmy(byDate[3] ?? '') }, doc_type: FLAG_OF_EJ[byDate[1] ?? 'A'] ?? 'all' };
  else throw new CFail(CLASSIC_ERRORS.SYNTAX);
  const lines = ctx.register.readJournal(query).flatMap((d) => d.lines);
  ctx.ej = { query, lines, next: 0 };
  return { text: `P,${lines.length}` };
}

export function executeClassic(ctx: EmulatorContext, cmd: number, data: Buffer): CommandOutcome {
  const text = decodeText(data);
  const fail = (code: number, flag: StatusFlag): CommandOutcome => {
    ctx.lastError = { cmd, code };
    return { data: Buffer.alloc(0), printed_lines: 0, flags: [flag] };
  };
  try {
    const res = run(ctx, cmd, text);
    return { data: res.raw ?? encodeText(res.text ?? '', '\t\n'), printed_lines: res.printed ?? 0, flags: [] };
  } catch (e) {
    if (e instanceof CFail) return fail(e.code, e.flag);
    if (e instanceof RegisterError && e.code !== 'DISCONNECTED') {
      const m = REGISTER_ERROR_MAP[e.code];
      return fail(m.classic, m.flag);
    }
    throw e;
  }
}
