/**
 * One configured device at run time: its driver, its connection state with reconnect/back-off, a periodic liveness
 * probe, and a lock so that probes never interleave with a job's commands.
 */
import type { DeviceIdentity } from '../domain/driver-contract.js';
import { DEVICE_STATUS_TEXT, type DeviceStatus } from '../domain/device-config.js';
import type { Language } from '../domain/error-codes.js';
import { Mutex } from './mutex.js';

export interface Connectable {
  connect(): Promise<DeviceIdentity | { terminal_id: string }>;
  disconnect(): Promise<void>;
  ping(): Promise<void>;
  onConnectionChange?(listener: (state: 'connected' | 'connecting' | 'disconnected', detail?: string) => void): () => void;
}

export interface RuntimeOptions {
  /** Liveness probe interval while idle. */
  probeMs: number;
  /** Back-off steps for reconnecting. */
  backoffMs: number[];
  language: () => Language;
  onStatus: (status: DeviceStatus, text: string, detail: string | null) => void;
  onIdentity?: (identity: DeviceIdentity | { terminal_id: string }) => void;
  /** The idle liveness probe (default `driver.ping()`); fiscal devices read their status here (device health). */
  probe?: () => Promise<void>;
}

export class DeviceRuntime<D extends Connectable> {
  readonly driver: D;
  readonly lock = new Mutex();
  #status: DeviceStatus = 'Connecting';
  #detail: string | null = null;
  #timer: NodeJS.Timeout | null = null;
  #attempt = 0;
  #stopped = false;
  #busy = false;
  #lastActivity = 0;
  #unsubscribe: (() => void) | null = null;
  readonly #opts: RuntimeOptions;

  constructor(driver: D, opts: RuntimeOptions) {
    this.driver = driver;
    this.#opts = opts;
  }

  get status(): DeviceStatus {
    return this.#status;
  }
  get detail(): string | null {
    return this.#detail;
  }
  get connected(): boolean {
    return this.#status === 'Connected' || this.#status === 'Busy';
  }

  start(): void {
    this.#unsubscribe =
      this.driver.onConnectionChange?.((state, detail) => {
        if (this.#stopped) return;
        if (state === 'disconnected') this.#lost(detail ?? 'connection lost');
        else if (state === 'connected' && !this.connected) void this.#tryConnect();
      }) ?? null;
    this.#set('Connecting', null);
    void this.#tryConnect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#unsubscribe?.();
    await this.lock.run(async () => {
      try {
        await this.driver.disconnect();
      } catch {
        // closing a dead link is not an error worth reporting
      }
    });
  }

  /** Run a job's work with the device locked (no probe interleaves); shows Busy meanwhile. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      this.#busy = true;
      if (this.connected) this.#set('Busy', null);
      try {
        return await fn();
      } finally {
        this.#lastActivity = Date.now();
        this.#busy = false;
        if (this.#status === 'Busy') this.#set('Connected', null);
      }
    });
  }

  /** Make sure the device is connected now (one attempt). Throws what connect() throws. */
  async ensureConnected(): Promise<void> {
    if (this.connected) return;
    const identity = await this.driver.connect();
    this.#attempt = 0;
    this.#opts.onIdentity?.(identity);
    this.#set(this.#busy ? 'Busy' : 'Connected', null);
    this.#schedule(this.#opts.probeMs);
  }

  /** Probe now (a status read for fiscal devices), between jobs; a device that does not answer is shown as lost. */
  async probeNow(): Promise<void> {
    if (this.#stopped || !this.connected) return;
    try {
      await this.lock.run(() => this.#probe());
    } catch (e) {
      this.#lost(e instanceof Error ? e.message : String(e));
    }
  }

  /** A job saw the device fail to answer: show it and start reconnecting. */
  reportUnreachable(detail: string): void {
    this.#lost(detail);
  }

  #lost(detail: string): void {
    if (this.#stopped) return;
    this.#set('Disconnected', detail);
    this.#schedule(this.#nextBackoff());
  }

  #nextBackoff(): number {
    const steps = this.#opts.backoffMs;
    const ms = steps[Math.min(this.#attempt, steps.length - 1)] ?? 1000;
    this.#attempt++;
    return ms;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), ms);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    if (this.#stopped) return;
    if (!this.connected) return this.#tryConnect();
    // A job that just talked to the device proves it is alive: no probe needed (and none to delay the next job).
    const sinceActivity = Date.now() - this.#lastActivity;
    if (this.lock.locked || sinceActivity < this.#opts.probeMs) return this.#schedule(this.#opts.probeMs - Math.min(sinceActivity, this.#opts.probeMs) + 1);
    try {
      await this.lock.run(() => this.#probe());
      this.#schedule(this.#opts.probeMs);
    } catch (e) {
      this.#lost(e instanceof Error ? e.message : String(e));
    }
  }

  #probe(): Promise<void> {
    return this.#opts.probe ? this.#opts.probe() : this.driver.ping();
  }

  async #tryConnect(): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.lock.run(async () => {
        await this.ensureConnected();
        // The first status read right away, so the health is known before the first job.
        if (this.#opts.probe) await this.#opts.probe().catch(() => undefined);
      });
    } catch (e) {
      this.#set('Disconnected', e instanceof Error ? e.message : String(e));
      this.#schedule(this.#nextBackoff());
    }
  }

  #set(status: DeviceStatus, detail: string | null): void {
    const changed = status !== this.#status || detail !== this.#detail;
    this.#status = status;
    this.#detail = detail;
    if (changed) this.#opts.onStatus(status, DEVICE_STATUS_TEXT[status][this.#opts.language()], detail);
  }
}
