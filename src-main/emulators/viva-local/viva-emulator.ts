/**
 * A Viva terminal running the Local Terminal API, emulated: the virtual terminal (customer, bank, persistent log)
 * behind the protocol front-end, on a real HTTP port. Power cycles close the port, lose what was in memory and
 * reload the log; the in-process API below and the control port (control-server.ts) drive it in tests.
 */
import type { PosTerminalOptions } from '../pos/pos-terminal.js';
import { PosTerminal } from '../pos/pos-terminal.js';
import type { PosDelays, PosRules, PosStage, PosTransaction } from '../pos/pos-types.js';
import { HttpEndpoint } from './http-endpoint.js';
import { TerminalApi, type ApiFaults } from './terminal-api.js';

export interface VivaEmulatorOptions extends PosTerminalOptions {
  host?: string;
  port?: number;
  /** How long a planned power cut keeps the terminal off, ms (default 500). */
  powerDownMs?: number;
  /** Serve HTTPS with this key and certificate (PEM), like terminals with their own certificate. */
  tls?: { key: string; cert: string };
}

export interface VivaFaults extends Partial<ApiFaults> {
  busy?: boolean;
  answer_lost_next?: boolean;
  /** One-shot: cut the power when the next transaction reaches this stage. */
  power_cut_at?: PosStage | null;
  power_down_ms?: number;
}

export class VivaLocalEmulator {
  readonly terminal: PosTerminal;
  readonly api: TerminalApi;
  readonly endpoint: HttpEndpoint;
  powerDownMs: number;
  #powerTimer: NodeJS.Timeout | null = null;
  #closed = false;
  readonly #https: boolean;
  readonly #waiters = new Set<() => void>();

  private constructor(opts: VivaEmulatorOptions) {
    this.terminal = new PosTerminal(opts);
    this.api = new TerminalApi(this.terminal, opts.now);
    this.endpoint = new HttpEndpoint(this.api, {
      ...(opts.host ? { host: opts.host } : {}),
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.tls ? { tls: opts.tls } : {}),
    });
    this.powerDownMs = opts.powerDownMs ?? 500;
    this.#https = opts.tls !== undefined;
    this.terminal.onPower((on) => (on ? void this.#up() : void this.#down()));
    this.terminal.onStage(() => this.#wake());
  }

  static async start(opts: VivaEmulatorOptions = {}): Promise<VivaLocalEmulator> {
    const e = new VivaLocalEmulator(opts);
    await e.endpoint.listen();
    return e;
  }

  get port(): number {
    return this.endpoint.port;
  }

  get url(): string {
    return `${this.#https ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  transactions(): PosTransaction[] {
    return this.terminal.transactions();
  }

  setRules(r: Partial<PosRules>): void {
    this.terminal.rules = { ...this.terminal.rules, ...r };
  }

  setDelays(d: Partial<PosDelays>): void {
    this.terminal.delays = { ...this.terminal.delays, ...d };
  }

  setFaults(f: VivaFaults): void {
    if (f.hang !== undefined) this.api.faults.hang = f.hang;
    if (f.drop !== undefined) this.api.faults.drop = f.drop;
    if (f.answer_lost_ms !== undefined) this.api.faults.answer_lost_ms = f.answer_lost_ms;
    if (f.busy !== undefined) this.terminal.faults.busy = f.busy;
    if (f.answer_lost_next !== undefined) this.terminal.faults.answer_lost_next = f.answer_lost_next;
    if (f.power_cut_at !== undefined) this.terminal.faults.power_cut_at = f.power_cut_at;
    if (f.power_down_ms !== undefined) this.powerDownMs = f.power_down_ms;
  }

  /** Cut the power now; it comes back after `downMs`. */
  powerCycle(downMs = this.powerDownMs): void {
    this.powerDownMs = downMs;
    this.terminal.powerOff();
  }

  /** Resolves with the first transaction (latest state) that matches, waiting up to `timeoutMs`. */
  async waitFor(match: (tx: PosTransaction) => boolean, timeoutMs = 10_000): Promise<PosTransaction> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = this.terminal.transactions().find(match);
      if (found) return found;
      const left = end - Date.now();
      if (left <= 0) throw new Error('the emulated terminal never reached the expected state');
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, Math.min(left, 100));
        function done(): void {
          clearTimeout(t);
          resolve();
        }
        this.#waiters.add(done);
      });
    }
  }

  /** Resolves when the transaction in progress (with this merchant reference, if given) reaches `stage`. */
  async waitForStage(stage: PosStage, merchantReference?: string, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const c = this.terminal.current();
      if (c && c.stage === stage && (merchantReference === undefined || this.terminal.findByTxid(c.txid)?.merchant_reference === merchantReference)) return;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`the emulated terminal never reached stage ${stage}`);
  }

  /** Switch off for good (what still runs stops: nothing more is written to the log). */
  async close(): Promise<void> {
    this.#closed = true;
    this.terminal.powerOff();
    if (this.#powerTimer) clearTimeout(this.#powerTimer);
    await this.endpoint.close();
  }

  #wake(): void {
    for (const w of this.#waiters) w();
    this.#waiters.clear();
  }

  async #down(): Promise<void> {
    this.#wake();
    await this.endpoint.close();
    if (this.#closed) return;
    this.#powerTimer = setTimeout(() => {
      this.#powerTimer = null;
      this.terminal.powerOn();
    }, this.powerDownMs);
  }

  async #up(): Promise<void> {
    this.api.reset();
    if (!this.#closed) await this.endpoint.listen();
    this.#wake();
  }
}
