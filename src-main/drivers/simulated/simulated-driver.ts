/**
 * The "Simulated" fiscal driver: a FiscalDriver over a VirtualRegister in the same process. No wire, but the
 * time model of a real Datecs (per command, per printed line, frame bytes at the baud rate) when asked for.
 */
import { join } from 'node:path';
import type { ConnectionState, DeviceCounters, DeviceIdentity, ExecContext, FiscalDriver } from '../../domain/driver-contract.js';
import type { FiscalDeviceConfig } from '../../domain/device-config.js';
import { DeviceError } from '../../domain/error-codes.js';
import { isStandardFiscal, type FiscalJobOperation } from '../../domain/jobs.js';
import type { FiscalOperation } from '../../domain/operations.js';
import type { DeviceStatusReport, FiscalResult } from '../../domain/results.js';
import { formatCents } from '../../domain/money.js';
import type { ActiveFaults, JournalQuery, TimingProfile, VirtualRegisterApi } from '../../emulators/virtual-register/register-api.js';
import { VirtualRegister } from '../../emulators/virtual-register/virtual-register.js';
import { journalText } from '../../emulators/virtual-register/electronic-journal.js';
import { TEXT_LIMITS } from '../../emulators/virtual-register/text-layout.js';
import { toDeviceError } from './error-map.js';
import { parseSimulatedOptions } from './options.js';
import { runReceipt, settleOpenReceipt } from './receipt-steps.js';
import { commandMs, pause, type CommandCost } from './timing.js';

type FaultAware = VirtualRegisterApi & { onFaultsChange?: (l: (f: ActiveFaults) => void) => () => void };

/** A short text of an answer's fields, for the wire-time estimate. */
function answerText(v: unknown): string {
  if (v === undefined || v === null) return '0\t';
  if (typeof v !== 'object') return `0\t${String(v)}\t`;
  const parts: string[] = ['0'];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k === 'printed_lines') continue;
    parts.push(typeof x === 'object' ? '' : String(x));
  }
  return parts.join('\t') + '\t';
}

export class SimulatedFiscalDriver implements FiscalDriver {
  readonly family = 'simulated';
  /** Total modelled device time so far (ms), for benches and tests. */
  modelledMs = 0;

  constructor(
    readonly register: FaultAware,
    readonly timing: TimingProfile,
  ) {}

  async connect(): Promise<DeviceIdentity> {
    const id = await this.call('', (r) => r.identity());
    return { serial: id.serial, model: id.model, firmware: id.firmware, fiscal_memory_id: id.fiscal_memory_id, vat_rates: { ...id.vat_rates } };
  }

  async disconnect(): Promise<void> {
    // Nothing to close: the register lives in this process.
  }

  async ping(): Promise<void> {
    await this.call('', (r) => r.status());
  }

  /** In-process: every counter at once (`needs` only matters for a wire). */
  async readCounters(): Promise<DeviceCounters> {
    return this.call('', (r) => r.counters());
  }

  onConnectionChange(listener: (state: ConnectionState, detail?: string) => void): () => void {
    if (!this.register.onFaultsChange) return () => undefined;
    let last = this.register.faults().disconnected;
    return this.register.onFaultsChange((f) => {
      if (f.disconnected === last) return;
      last = f.disconnected;
      listener(f.disconnected ? 'disconnected' : 'connected', f.disconnected ? 'the simulated register was disconnected' : undefined);
    });
  }

  async execute(op: FiscalJobOperation, ctx: ExecContext): Promise<FiscalResult> {
    if (!isStandardFiscal(op)) throw new DeviceError('NOT_SUPPORTED', `the simulated register cannot do ${op.type}`);
    switch (op.type) {
      case 'print_receipt':
      case 'print_refund': {
        const serial = (await this.call('', (r) => r.identity())).serial;
        return runReceipt(op, ctx, (req, fn) => this.call(req, fn), serial);
      }
      case 'print_x': {
        const x = await this.call('X\t', (r) => r.xReport());
        return { totals: x.totals };
      }
      case 'print_z': {
        const z = await this.call('Z\t', (r) => r.zReport());
        return { z_number: z.z_number, totals: z.totals };
      }
      case 'deposit_cash': {
        const c = await this.call(`0\t${formatCents(op.amount)}\t`, (r) => r.cashIn(op.amount));
        return { cash_in_drawer_cents: c.cash_in_drawer_cents };
      }
      case 'withdraw_cash': {
        const c = await this.call(`1\t${formatCents(op.amount)}\t`, (r) => r.cashOut(op.amount));
        return { cash_in_drawer_cents: c.cash_in_drawer_cents };
      }
      case 'je_report':
        return this.journalReport(op);
      case 'print_fiscal_memory_report':
        await this.call(`${rangeText(op.range)}\t${op.detailed ? 1 : 0}\t`, (r) => r.printFiscalMemoryReport(op.range, op.detailed));
        return {};
      case 'print_duplicate':
        await this.call('1\t', (r) => r.printDuplicate());
        return {};
      case 'print_non_fiscal':
        return this.nonFiscal(op.lines, ctx);
      case 'cancel_receipt': {
        const c = await this.call('', (r) => r.cancelReceipt());
        return { cancelled: c.cancelled };
      }
      case 'open_drawer':
        await this.call('', (r) => r.openDrawer());
        return {};
      case 'set_datetime':
        await this.call(`${op.datetime}\t`, (r) => r.setDateTime(op.datetime));
        return { datetime: await this.call('', (r) => r.status().datetime) };
      case 'get_datetime':
        return { datetime: await this.call('', (r) => r.status().datetime) };
      case 'get_status':
        return this.statusReport();
      case 'get_vat_rates':
        return { vat_rates: await this.call('', (r) => r.identity().vat_rates) };
      case 'get_device_info': {
        const id = await this.call('1\t', (r) => r.identity());
        const c = await this.call('3\t', (r) => r.counters());
        return {
          serial: id.serial,
          fiscal_memory_id: id.fiscal_memory_id,
          model: id.model,
          firmware: id.firmware,
          text_limits: { ...TEXT_LIMITS },
          headers: [...id.headers],
          payment_names: { ...id.payment_names },
          last_receipt_number: c.receipt_number,
          last_z_number: c.z_number,
        };
      }
    }
  }

  async settleOpenReceipt(op: FiscalJobOperation | null): Promise<'none' | 'cancelled' | 'completed'> {
    const receipt = op && (op.type === 'print_receipt' || op.type === 'print_refund') ? op : null;
    return settleOpenReceipt(receipt, (req, fn) => this.call(req, fn));
  }

  private async journalReport(op: Extract<FiscalOperation, { type: 'je_report' }>): Promise<FiscalResult> {
    const q: JournalQuery = { range: op.range, doc_type: op.doc_type };
    if (op.output_mode === 'print') {
      await this.call(`${rangeText(op.range)}\t${op.doc_type}\t`, (r) => r.printJournal(q));
      return {};
    }
    // Reading line by line: one command to select, then one per line.
    const docs = await this.call(`${rangeText(op.range)}\t${op.doc_type}\t`, (r) => r.readJournal(q));
    const lines = journalText(docs);
    await this.wait({ request: '1\t'.repeat(lines.length), answer: lines.join('\t'), printed_lines: 0, commands: lines.length });
    return { lines };
  }

  private async nonFiscal(lines: string[], ctx: ExecContext): Promise<FiscalResult> {
    const c = await this.call('', (r) => r.counters());
    if (c.receipt_open) throw new DeviceError('RECEIPT_OPEN', 'a receipt is already open on the register');
    await this.call('', (r) => r.openNonFiscal());
    try {
      for (const [i, text] of lines.entries()) {
        await this.call(`${text}\t`, (r) => r.printNonFiscalText(text));
        ctx.progress?.({ step: 'lines', done: i + 1, total: lines.length });
      }
      await this.call('', (r) => r.closeNonFiscal());
    } catch (err) {
      try {
        await this.call('', (r) => r.cancelReceipt());
      } catch {
        // left open; the pipeline clears it before the next job
      }
      throw err;
    }
    return {};
  }

  private async statusReport(): Promise<DeviceStatusReport> {
    const s = await this.call('', (r) => r.status());
    return {
      paper: s.paper,
      cover_open: s.cover_open,
      receipt_open: s.receipt !== 'none',
      hours_since_z: s.hours_since_z,
      fiscal_memory_free: s.fiscal_memory_free,
      raw: { ...s },
    };
  }

  /** One register command: run it, map its error, then take the modelled time (also for refused commands). */
  private async call<T>(request: string, fn: (r: VirtualRegisterApi) => T): Promise<T> {
    let result: T | undefined;
    let failure: unknown;
    try {
      result = fn(this.register);
    } catch (err) {
      failure = toDeviceError(err);
    }
    const printed =
      typeof result === 'object' && result !== null && 'printed_lines' in result && typeof result.printed_lines === 'number'
        ? result.printed_lines
        : 0;
    await this.wait({ request, answer: failure === undefined ? answerText(result) : '-111000\t', printed_lines: printed });
    if (failure !== undefined) throw failure;
    return result as T;
  }

  private async wait(cost: CommandCost): Promise<void> {
    const ms = commandMs(this.timing, cost);
    this.modelledMs += ms;
    const p = pause(ms);
    if (p) await p;
  }
}

function rangeText(r: JournalQuery['range']): string {
  return `${String(r.start)}\t${String(r.end)}`;
}

/** Build the simulated driver for a configured device: register state in `<dataDir>/simulated/<config.id>/`. */
export function createSimulatedFiscalDriver(config: FiscalDeviceConfig, env: { dataDir: string }): SimulatedFiscalDriver {
  const o = parseSimulatedOptions(config.options);
  const register = new VirtualRegister({
    stateDir: join(env.dataDir, 'simulated', config.id),
    identity: {
      ...(o.vat_rates ? { vat_rates: o.vat_rates } : {}),
      ...(o.serial !== undefined ? { serial: o.serial } : {}),
      ...(o.headers ? { headers: o.headers } : {}),
    },
    ...(o.fiscal_memory_capacity !== undefined ? { fiscalMemoryCapacity: o.fiscal_memory_capacity } : {}),
  });
  if (o.paper_out_at_line !== undefined) register.injectFaults({ paper_out_at_line: o.paper_out_at_line });
  return new SimulatedFiscalDriver(register, o.timing);
}
