/**
 * A byte link to a device that may drop and come back: the session writes bytes and listens for bytes and
 * connection changes. `ReconnectingLink` builds one from any opener that yields a Duplex (TCP socket, serial port).
 */
import type { Duplex } from 'node:stream';
import type { ConnectionState } from '../domain/driver-contract.js';

export interface ByteLink {
  readonly state: ConnectionState;
  /** Writes when connected; returns false (nothing written) when the link is down. */
  write(bytes: Buffer): boolean;
  onData(listener: (bytes: Buffer) => void): () => void;
  onState(listener: (state: ConnectionState, detail?: string) => void): () => void;
  /** Resolves once connected, or false after `timeoutMs`. */
  whenConnected(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface BackoffOptions {
  /** First retry delay, ms (default 100). */
  initialMs?: number;
  /** Largest delay, ms (default 5000). */
  maxMs?: number;
}

export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const initial = opts.initialMs ?? 100;
  const max = opts.maxMs ?? 5000;
  return Math.min(max, initial * 2 ** Math.min(attempt, 20));
}

/**
 * Close a duplex for good. A serial port must be closed, not only destroyed: serialport's `destroy()` leaves the
 * port open and locked, so nobody (not even this process) could open it again.
 */
export function releaseDuplex(d: Duplex): Promise<void> {
  const port = d as Duplex & { isOpen?: boolean; close?: (cb?: (err?: Error | null) => void) => void };
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      d.destroy();
      resolve();
    };
    if (port.isOpen === true && typeof port.close === 'function') {
      port.close(() => finish());
      setTimeout(finish, 1000).unref?.();
    } else finish();
  });
}

/** Keeps a Duplex open: reopens it with exponential back-off after it closes or fails to open. */
export class ReconnectingLink implements ByteLink {
  private duplex: Duplex | null = null;
  private current: ConnectionState = 'disconnected';
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly dataListeners = new Set<(b: Buffer) => void>();
  private readonly stateListeners = new Set<(s: ConnectionState, d?: string) => void>();

  constructor(
    private readonly open: () => Promise<Duplex>,
    private readonly backoff: BackoffOptions = {},
  ) {}

  get state(): ConnectionState {
    return this.current;
  }

  /** Start connecting (idempotent). Resolves when the first attempt finished, connected or not. */
  async start(): Promise<boolean> {
    if (this.closed) this.closed = false;
    if (this.current !== 'disconnected' || this.timer) return this.current === 'connected';
    return this.tryOpen();
  }

  private setState(s: ConnectionState, detail?: string): void {
    if (s === this.current) return;
    this.current = s;
    for (const l of [...this.stateListeners]) l(s, detail);
  }

  private async tryOpen(): Promise<boolean> {
    this.timer = null;
    if (this.closed) return false;
    this.setState('connecting');
    try {
      const d = await this.open();
      if (this.closed) {
        await releaseDuplex(d);
        return false;
      }
      this.attach(d);
      this.setState('connected');
      return true;
    } catch (e) {
      this.setState('disconnected', (e as Error).message);
      this.schedule();
      return false;
    }
  }

  private attach(d: Duplex): void {
    this.duplex = d;
    d.on('data', (b: Buffer) => {
      this.attempt = 0; // the device answered: the next outage starts the back-off from the beginning
      for (const l of [...this.dataListeners]) l(b);
    });
    const gone = (err?: Error) => {
      if (this.duplex !== d) return;
      this.duplex = null;
      void releaseDuplex(d);
      this.setState('disconnected', err?.message ?? 'connection closed');
      this.schedule();
    };
    d.on('error', gone);
    d.on('close', () => gone());
    d.on('end', () => gone());
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    const delay = backoffDelay(this.attempt++, this.backoff);
    this.timer = setTimeout(() => void this.tryOpen(), delay);
    this.timer.unref?.();
  }

  write(bytes: Buffer): boolean {
    if (!this.duplex || this.current !== 'connected') return false;
    this.duplex.write(bytes);
    return true;
  }

  onData(listener: (b: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onState(listener: (s: ConnectionState, d?: string) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  whenConnected(timeoutMs: number): Promise<boolean> {
    if (this.current === 'connected') return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        off();
        resolve(false);
      }, timeoutMs);
      const off = this.onState((s) => {
        if (s === 'connected') {
          clearTimeout(t);
          off();
          resolve(true);
        }
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const d = this.duplex;
    this.duplex = null;
    if (d) await releaseDuplex(d);
    this.setState('disconnected', 'closed');
  }
}
