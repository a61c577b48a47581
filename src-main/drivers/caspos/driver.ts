/**
 * The Caspos driver: a FiscalDriver over the device's HTTP/JSON integration API (seed 004). connect = toLogin +
 * getInfo (identity, VAT table as `vat_rates`); each operation = one request (a document first opens the shift
 * when `auto_open_shift` is on and the device answers 503); `settle` finishes an interrupted document by sending
 * it again with the same documentUUID — the device answers the first document instead of making a second one.
 */
import { localIso } from '../../domain/datetime.js';
import type { FiscalDeviceConfig } from '../../domain/device-config.js';
import type {
  DeviceCounters,
  DeviceIdentity,
  ExecContext,
  FiscalDriver,
  SettleVerdict,
} from '../../domain/driver-contract.js';
import { DeviceError, type Language } from '../../domain/error-codes.js';
import type { FiscalOperation } from '../../domain/operations.js';
import type { CasposOperation } from '../../domain/operations-caspos.js';
import type { FiscalResult } from '../../domain/results.js';
import type { CasposAnswer, Credentials } from '../../protocols/caspos/envelope.js';
import { CODE_OK, CODE_REPEATED_UUID, CODE_SHIFT_CLOSED } from '../../protocols/caspos/errors.js';
import { documentHandler } from './documents.js';
import type { CasposEnv, DocumentOptions } from './env.js';
import { DocumentRefused, answerError, toCasposDeviceError } from './errors.js';
import { parseCasposOptions, vatRatesOf, type CasposOptions } from './options.js';
import { deviceInfo, openShift, queryHandler, shiftStatus } from './queries.js';
import { CasposSession, type Request } from './session.js';

export class CasposDriver implements FiscalDriver {
  readonly family = 'caspos';
  readonly session: CasposSession;
  readonly options: CasposOptions;
  #serial = '';
  #qrBase: string | null = null;
  #lang: Language = 'ro';

  constructor(readonly config: FiscalDeviceConfig) {
    const conn = config.connection_details;
    if (conn.type !== 'Network')
      throw new Error('a Caspos device connects over the network (IP address and port 5544)');
    this.options = parseCasposOptions(config.options);
    if (!this.options.username || !this.options.password)
      throw new Error('a Caspos device needs options.username and options.password');
    const credentials: Credentials = { username: this.options.username, password: this.options.password };
    this.session = new CasposSession({
      host: conn.details.ip_address,
      port: conn.details.port,
      credentials,
      timeoutMs: this.options.timeout_ms,
    });
  }

  async connect(): Promise<DeviceIdentity> {
    const info = await this.guard(() => deviceInfo(this.env(), this.#lang));
    this.#serial = info.cashregister_factory_number ?? info.cashbox_factory_number ?? '';
    this.#qrBase = info.qr_code_url;
    return {
      serial: this.#serial,
      model: info.cashregister_model ?? 'Caspos',
      ...(info.application_version ? { firmware: info.application_version } : {}),
      ...(info.cashbox_factory_number ? { fiscal_memory_id: info.cashbox_factory_number } : {}),
      vat_rates: vatRatesOf(this.options.vat_types),
    };
  }

  async disconnect(): Promise<void> {
    await this.session.logout();
  }

  async ping(): Promise<void> {
    await this.guard(() => shiftStatus(this.env(), this.#lang));
  }

  /** Caspos shows its last document number (getInfo); there is no open receipt, and no Z or cash counter outside reports. */
  async readCounters(): Promise<DeviceCounters> {
    const info = await this.guard(() => deviceInfo(this.env(), this.#lang));
    // A Caspos document is made in one request: there is never an open receipt. The device reports no Z or cash
    // counters; interrupted jobs are settled by their documentUUID (settle), not by counters.
    return { receipt_open: false, ...(typeof info.last_doc_number === "number" ? { receipt_number: info.last_doc_number } : {}) };
  }

  async execute(op: FiscalOperation | CasposOperation, ctx: ExecContext): Promise<FiscalResult> {
    this.#lang = ctx.language;
    const o = op as CasposOperation;
    const doc = documentHandler(o);
    const query = doc ? null : queryHandler(o);
    if (!doc && !query) throw new DeviceError('NOT_SUPPORTED', `Caspos cannot do ${op.type}`);
    const result = await this.guard(() =>
      doc ? doc(this.env(), ctx) : (query as NonNullable<typeof query>)(this.env(), ctx.language),
    );
    // Caspos results carry more than the standard shapes (the document, full reports); the pipeline keeps them as JSON.
    return result as unknown as FiscalResult;
  }

  /**
   * An interrupted document: send it again under the same documentUUID (the job id). The device answers the first
   * document (code 1) if it made one, or makes it now; a refusal proves nothing was made. An interrupted open_shift
   * is done when a shift is open. Other operations: no opinion (the pipeline decides).
   */
  async settle(op: FiscalOperation | CasposOperation, ctx: ExecContext): Promise<SettleVerdict | null> {
    const o = op as CasposOperation;
    if (o.type === 'open_shift') {
      const s = await this.guard(() => shiftStatus(this.env(), ctx.language));
      return s.shift_open ? { kind: 'done', result: { ...s, reconciled: true } } : { kind: 'not_done' };
    }
    if (!documentHandler(o)) return null;
    try {
      const result = (await this.execute(o, ctx)) as unknown as Record<string, unknown>;
      return { kind: 'done', result: { ...result, reconciled: true } };
    } catch (e) {
      // Only the device's own refusal of this document proves it does not exist (a repeated UUID answers code 1).
      if (e instanceof DocumentRefused) return { kind: 'not_done' };
      throw e;
    }
  }

  /** Run handlers with every failure as a DeviceError (transport, answer, login). */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw toCasposDeviceError(e, this.#lang);
    }
  }

  private async document(request: Request, ctx: ExecContext, opts: DocumentOptions = {}): Promise<CasposAnswer> {
    let a = await this.session.call(request);
    if (a.code === CODE_SHIFT_CLOSED && opts.opensShift !== false && this.options.auto_open_shift) {
      await openShift(this.env(), 0, this.options.cashier_name, ctx.language);
      a = await this.session.call(request);
    }
    if (a.code === CODE_OK || a.code === CODE_REPEATED_UUID) return a;
    throw new DocumentRefused(answerError(a, ctx.language, a.code === CODE_SHIFT_CLOSED ? opts.on503 : undefined));
  }

  private env(): CasposEnv {
    return {
      session: this.session,
      creds: this.session.credentials,
      table: this.options.vat_types,
      cashier: this.options.cashier_name,
      serial: () => this.#serial,
      qrBase: () => this.#qrBase,
      now: () => localIso(new Date()),
      document: (request, ctx, opts) => this.document(request, ctx, opts),
      ask: (request) => this.session.call(request),
    };
  }
}

export function createCasposDriver(config: FiscalDeviceConfig): CasposDriver {
  return new CasposDriver(config);
}
