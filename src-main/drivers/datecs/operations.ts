/** Every fiscal operation of spec/native-api.md, mapped to Datecs commands (receipts in receipt-flow.ts). */
import { DeviceError } from '../../domain/error-codes.js';
import type { DeviceIdentity, ExecContext } from '../../domain/driver-contract.js';
import type { FiscalOperation } from '../../domain/operations.js';
import type { DeviceInfo, DeviceStatusReport, FiscalResult } from '../../domain/results.js';
import { activeFlags } from '../../protocols/datecs/status.js';
import { wrapText } from '../../protocols/datecs/wrap.js';
import type { DatecsCommands } from './commands.js';
import { cashOperation, printNonFiscal, totalsOf, zReport } from './effect-steps.js';
import { clearOpenReceipt, printReceipt, type ReceiptSettings } from './receipt-flow.js';

/** The usual Romanian payment names (Pay0…Pay6); the register's own names are programmable [U]. */
const PAYMENT_NAMES: DeviceInfo['payment_names'] = {
  cash: 'NUMERAR',
  card: 'CARD',
  credit: 'CREDIT',
  meal_voucher: 'TICHETE MASA',
  voucher: 'TICHETE VALORICE',
  other: 'ALTE METODE',
};

/** The longest EJ read we accept in one job. */
const MAX_EJ_LINES = 200_000;

/** Cancel a receipt left open, unless the pipeline just read that none is. */
async function ensureNoReceipt(cmd: DatecsCommands, ctx: ExecContext): Promise<void> {
  if (ctx.counters && !ctx.counters.receipt_open) return;
  if ((await clearOpenReceipt(cmd)).open !== 'none') {
    throw new DeviceError('RECEIPT_OPEN', 'a receipt left open on the register could not be cancelled');
  }
}

export async function executeOperation(
  cmd: DatecsCommands,
  op: FiscalOperation,
  ctx: ExecContext,
  ident: DeviceIdentity,
  settings: ReceiptSettings,
): Promise<FiscalResult> {
  switch (op.type) {
    case 'print_receipt':
      return printReceipt(cmd, op, ident.vat_rates, settings, ident.serial, ctx);
    case 'print_refund':
      throw new DeviceError('NOT_SUPPORTED', 'Romanian Datecs registers have no refund receipt command');
    case 'print_x': {
      await ensureNoReceipt(cmd, ctx);
      const r = await cmd.report('X');
      return { totals: totalsOf(r) };
    }
    case 'print_z':
      await ensureNoReceipt(cmd, ctx);
      return zReport(cmd, ctx);
    case 'deposit_cash':
    case 'withdraw_cash':
      await ensureNoReceipt(cmd, ctx);
      return cashOperation(cmd, op.type === 'deposit_cash' ? 'in' : 'out', op.amount, ctx);
    case 'je_report': {
      await cmd.journalSelect(op.range, op.doc_type);
      if (op.output_mode === 'print') {
        await cmd.journalPrint();
        return {};
      }
      const lines: string[] = [];
      for (;;) {
        const line = await cmd.journalNextLine();
        if (line === null) break;
        lines.push(line);
        if (lines.length % 50 === 0) ctx.progress?.({ step: 'journal_lines', done: lines.length });
        if (lines.length >= MAX_EJ_LINES) throw new DeviceError('DEVICE_ERROR', `the journal selection has more than ${MAX_EJ_LINES} lines: narrow the range`);
      }
      return { lines };
    }
    case 'print_fiscal_memory_report':
      await cmd.fiscalMemoryReport(op.range, op.detailed);
      return {};
    case 'print_duplicate':
      await cmd.duplicate();
      return {};
    case 'print_non_fiscal':
      await ensureNoReceipt(cmd, ctx);
      await printNonFiscal(cmd, op.lines.flatMap((line) => wrapText(line, settings.textWidth)));
      return {};
    case 'cancel_receipt': {
      const tx = await cmd.transaction();
      if (tx.open === 'none') return { cancelled: false };
      return { cancelled: (await clearOpenReceipt(cmd)).open === 'none' };
    }
    case 'open_drawer':
      await cmd.openDrawer();
      return {};
    case 'set_datetime': {
      await cmd.setDateTime(op.datetime);
      return { datetime: await cmd.getDateTime() };
    }
    case 'get_datetime':
      return { datetime: await cmd.getDateTime() };
    case 'get_status': {
      const flags = await cmd.status();
      const lastZ = await cmd.lastZDateTime();
      const hours = lastZ ? Math.max(0, Math.floor((Date.parse(await cmd.getDateTime()) - Date.parse(lastZ)) / 3_600_000)) : 0;
      const report: DeviceStatusReport = {
        paper: flags.paper_out ? 'out' : flags.paper_near_end ? 'near_end' : 'ok',
        cover_open: flags.cover_open,
        receipt_open: flags.fiscal_open || flags.nonfiscal_open,
        hours_since_z: hours,
        fiscal_memory_free: flags.fm_full ? 0 : flags.fm_few_z_left ? 59 : 60,
        raw: { protocol: cmd.framing, flags: activeFlags(flags) },
      };
      return report;
    }
    case 'get_vat_rates':
      return { vat_rates: await cmd.vatRates() };
    case 'get_device_info': {
      const info = await cmd.deviceInfo();
      const numbers = await cmd.receiptCounters();
      const info2: DeviceInfo = {
        serial: info.serial,
        fiscal_memory_id: info.fiscal_memory_id,
        model: info.model,
        firmware: info.firmware,
        text_limits: { item_name: 72, text_line: cmd.framing === 'x' ? 46 : 40 },
        headers: [],
        payment_names: PAYMENT_NAMES,
        last_receipt_number: numbers.receipt_number,
        last_z_number: numbers.z_number,
      };
      return info2;
    }
  }
}
