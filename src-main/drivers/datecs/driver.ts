/**
 * The Datecs FiscalDriver: connects over serial or TCP (reconnecting with back-off), negotiates the framing
 * (X first, then classic, or as configured), and maps every fiscal operation to Datecs commands.
 */
import { DeviceError } from '../../domain/error-codes.js';
import type { FiscalDeviceConfig } from '../../domain/device-config.js';
import type { ConnectionState, CounterNeeds, DeviceCounters, DeviceIdentity, ExecContext, FiscalDriver } from '../../domain/driver-contract.js';
import { isStandardFiscal, type FiscalJobOperation } from '../../domain/jobs.js';
import type { FiscalResult } from '../../domain/results.js';
import type { ReconnectingLink } from '../../transports/byte-link.js';
import type { ExchangeLogger } from '../../transports/request-exchange.js';
import type { DatecsCommands } from './commands.js';
import { linkFor, negotiate } from './connection.js';
import { datecsOptions, type DatecsOptions } from './options.js';
import { executeOperation } from './operations.js';
import { settleOpenReceipt, type ReceiptSettings } from './receipt-flow.js';
import type { DatecsSession } from './session.js';

export class DatecsDriver implements FiscalDriver {
  readonly family = 'datecs';
  private readonly opts: DatecsOptions;
  private readonly link: ReconnectingLink;
  private readonly where: string;
  private session: DatecsSession | null = null;
  private cmd: DatecsCommands | null = null;
  private ident: DeviceIdentity | null = null;
  private connecting: Promise<DeviceIdentity> | null = null;

  constructor(
    config: FiscalDeviceConfig,
    modelProtocol?: string,
    private readonly logger?: ExchangeLogger,
  ) {
    this.opts = datecsOptions(config.options, modelProtocol);
    const l = linkFor(config, this.opts);
    this.link = l.link;
    this.where = l.where;
  }

  /** Frames sent so far (for benches and diagnostics). */
  get stats(): DatecsSession['stats'] | null {
    return this.session?.stats ?? null;
  }

  get framing(): 'x' | 'classic' | null {
    return this.cmd?.framing ?? null;
  }

  connect(): Promise<DeviceIdentity> {
    this.connecting ??= this.doConnect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async doConnect(): Promise<DeviceIdentity> {
    const started = await this.link.start();
    if (!started && !(await this.link.whenConnected(this.opts.timeoutMs * 2))) {
      throw new DeviceError('DEVICE_UNREACHABLE', `cannot reach the Datecs register at ${this.where}`, { mayHaveActed: false });
    }
    if (!this.cmd) {
      const n = await negotiate(this.link, this.opts, this.logger);
      this.session = n.session;
      this.cmd = n.cmd;
    }
    const info = await this.cmd.deviceInfo();
    const vat_rates = await this.cmd.vatRates();
    this.ident = { serial: info.serial, model: info.model, firmware: info.firmware, fiscal_memory_id: info.fiscal_memory_id, vat_rates };
    return this.ident;
  }

  private async ready(): Promise<{ cmd: DatecsCommands; ident: DeviceIdentity }> {
    if (!this.cmd || !this.ident) await this.connect();
    if (!this.cmd || !this.ident) throw new DeviceError('DEVICE_UNREACHABLE', 'not connected');
    return { cmd: this.cmd, ident: this.ident };
  }

  async disconnect(): Promise<void> {
    this.session?.dispose();
    this.session = null;
    this.cmd = null;
    await this.link.close();
  }

  async ping(): Promise<void> {
    const { cmd } = await this.ready();
    await cmd.status();
  }

  async readCounters(needs: CounterNeeds = { numbers: true, cash: true }): Promise<DeviceCounters> {
    const { cmd } = await this.ready();
    const tx = await cmd.transaction();
    const out: DeviceCounters = { receipt_open: tx.open !== 'none' };
    if (needs.numbers) {
      const n = await cmd.receiptCounters();
      out.receipt_number = n.receipt_number;
      out.z_number = n.z_number;
    }
    if (needs.cash) {
      const cash = await cmd.cashSums();
      out.cash_in_cents = cash.cash_in;
      out.cash_out_cents = cash.cash_out;
    }
    return out;
  }

  async execute(op: FiscalJobOperation, ctx: ExecContext): Promise<FiscalResult> {
    if (!isStandardFiscal(op)) throw new DeviceError('NOT_SUPPORTED', `a Datecs register cannot do ${op.type}`);
    const { cmd, ident } = await this.ready();
    cmd.language = ctx.language;
    return executeOperation(cmd, op, ctx, ident, this.receiptSettings());
  }

  async settleOpenReceipt(op: FiscalJobOperation | null, ctx: ExecContext): Promise<'none' | 'cancelled' | 'completed'> {
    const { cmd, ident } = await this.ready();
    cmd.language = ctx.language;
    const receipt = op && (op.type === 'print_receipt' || op.type === 'print_refund') ? op : null;
    return settleOpenReceipt(cmd, receipt, ident.vat_rates, this.receiptSettings());
  }

  private receiptSettings(): ReceiptSettings {
    return { operator: this.opts.operator, password: this.opts.password, till: this.opts.till, textWidth: this.opts.textWidth };
  }

  onConnectionChange(listener: (state: ConnectionState, detail?: string) => void): () => void {
    return this.link.onState(listener);
  }
}
