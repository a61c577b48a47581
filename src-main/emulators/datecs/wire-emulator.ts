/**
 * The Datecs wire front-end of the virtual register: reads request packets from a Duplex, executes them, answers
 * with the right status bits and error codes, sends SYN while "printing", models wire time at the configured baud
 * and per-line print time, replays its last answer on a repeated SEQ+command, and injects wire faults. The last
 * answer and the register live in the emulator, not in the connection: a host that reconnects and resends gets
 * the replay, and an open receipt survives the disconnect.
 */
import type { Duplex } from 'node:stream';
import { NAK, SYN } from '../../drivers/datecs/codec/bytes.js';
import { encodePacket, type Framing, type Packet } from '../../drivers/datecs/codec/frame.js';
import { FrameScanner } from '../../drivers/datecs/codec/scanner.js';
import { encodeStatus } from '../../drivers/datecs/codec/status.js';
import { X_ERRORS } from '../../drivers/datecs/codec/errors.js';
import { buildXReply } from '../../drivers/datecs/codec/params.js';
import { RegisterError, ZERO_TIMING, type TimingProfile, type VirtualRegisterApi } from '../virtual-register/register-api.js';
import { executeClassic } from './classic-commands.js';
import { newContext, type CommandOutcome, type EmulatorContext } from './command-context.js';
import { statusFlagsOf } from './status-of.js';
import { exchangeTiming, SYN_INTERVAL_MS } from './timing.js';
import { garble, WireFaultPlan, type WireFault } from './wire-faults.js';
import { executeX } from './x-commands.js';

export interface EmulatorStats {
  requests: number;
  executed: number;
  replays: number;
  naks: number;
  dropped: number;
  garbled: number;
  syns: number;
  /** Unexpected failures inside the emulator (answered as a general error). */
  internalErrors: number;
  /** Sum of the modelled time of every answered exchange (wire + processing + printing), ms. */
  modelledMs: number;
}

export interface LinkHooks {
  /** Make the register unreachable for `durationMs` (TCP: close the socket and refuse; serial: go silent). */
  disconnect(durationMs: number): void;
}

const emptyStats = (): EmulatorStats => ({ requests: 0, executed: 0, replays: 0, naks: 0, dropped: 0, garbled: 0, syns: 0, internalErrors: 0, modelledMs: 0 });

export class DatecsWireEmulator {
  readonly framing: Framing;
  readonly register: VirtualRegisterApi;
  timing: TimingProfile;
  readonly faults = new WireFaultPlan();
  stats: EmulatorStats = emptyStats();
  lastInternalError: string | null = null;
  private readonly ctx: EmulatorContext;
  private last: { seq: number; cmd: number; reply: Buffer } | null = null;
  private readonly detachers = new Set<() => void>();

  constructor(opts: { register: VirtualRegisterApi; framing: Framing; timing?: TimingProfile; operatorPassword?: string }) {
    this.framing = opts.framing;
    this.register = opts.register;
    this.timing = opts.timing ?? ZERO_TIMING;
    this.ctx = newContext(opts.register, opts.operatorPassword === undefined ? {} : { operatorPassword: opts.operatorPassword });
  }

  injectWireFault(f: WireFault): void {
    this.faults.inject(f);
  }

  set pcMode(on: boolean) {
    this.ctx.pcMode = on;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  /** Serve one host connection. Returns a function that stops serving it (without closing it). */
  attach(link: Duplex, hooks: LinkHooks): () => void {
    const scanner = new FrameScanner(this.framing, 'request');
    let queue: Promise<void> = Promise.resolve();
    let detached = false;
    const onData = (b: Buffer) => {
      for (const ev of scanner.push(b)) {
        if (ev.type === 'bad') {
          // A damaged request gets NAK, the host resends it.
          queue = queue.then(() => void (!detached && link.writable && link.write(Buffer.from([NAK]))));
        } else if (ev.type === 'packet') {
          const at = performance.now();
          const raw = ev.raw.length;
          queue = queue
            .then(() => (detached ? undefined : this.handle(ev.packet, raw, at, link, hooks, () => detached)))
            .catch((e: unknown) => {
              this.stats.internalErrors++;
              this.lastInternalError = e instanceof Error ? e.message : String(e);
            });
        }
      }
    };
    link.on('data', onData);
    const detach = () => {
      detached = true;
      link.off('data', onData);
      this.detachers.delete(detach);
    };
    this.detachers.add(detach);
    return detach;
  }

  detachAll(): void {
    for (const d of [...this.detachers]) d();
  }

  private execute(cmd: number, data: Buffer): CommandOutcome | null {
    try {
      return this.framing === 'x' ? executeX(this.ctx, cmd, data) : executeClassic(this.ctx, cmd, data);
    } catch (e) {
      if (e instanceof RegisterError && e.code === 'DISCONNECTED') return null; // a "powered off" register says nothing
      // Anything unexpected still gets an answer (a general error), never a dead link.
      this.stats.internalErrors++;
      this.lastInternalError = e instanceof Error ? e.message : String(e);
      return { data: this.framing === 'x' ? buildXReply(X_ERRORS.SYNTAX) : Buffer.alloc(0), printed_lines: 0, flags: ['syntax_error'] };
    }
  }

  private async handle(p: Packet, rawLen: number, receivedAt: number, link: Duplex, hooks: LinkHooks, gone: () => boolean): Promise<void> {
    this.stats.requests++;
    const isReplay = this.last !== null && this.last.seq === p.seq && this.last.cmd === p.cmd;
    const fired = this.faults.onRequest(p.cmd, !isReplay);
    const write = (b: Buffer) => {
      if (!gone() && link.writable) link.write(b);
    };
    if (fired.nak) {
      this.stats.naks++;
      write(Buffer.from([NAK]));
      return;
    }
    if (fired.disconnect && !fired.disconnect.execute) {
      hooks.disconnect(fired.disconnect.durationMs);
      return;
    }
    let reply: Buffer;
    let printed = 0;
    if (isReplay && this.last) {
      this.stats.replays++;
      reply = this.last.reply;
    } else {
      if (fired.paperOutAtLine !== null) this.register.injectFaults({ paper_out_at_line: fired.paperOutAtLine });
      const out = this.execute(p.cmd, p.data);
      if (!out) return;
      this.stats.executed++;
      printed = out.printed_lines;
      const flags = [...statusFlagsOf(this.register), ...out.flags];
      const status = encodeStatus(this.framing, Object.fromEntries(flags.map((f) => [f, true])));
      try {
        reply = encodePacket({ framing: this.framing, seq: p.seq, cmd: p.cmd, data: out.data, status });
      } catch (e) {
        // An answer that does not fit the frame: say "syntax error" rather than nothing.
        this.stats.internalErrors++;
        this.lastInternalError = e instanceof Error ? e.message : String(e);
        const errData = this.framing === 'x' ? buildXReply(X_ERRORS.SYNTAX) : Buffer.alloc(0);
        reply = encodePacket({ framing: this.framing, seq: p.seq, cmd: p.cmd, data: errData, status: encodeStatus(this.framing, { syntax_error: true }) });
      }
      this.last = { seq: p.seq, cmd: p.cmd, reply };
    }
    if (fired.disconnect) {
      hooks.disconnect(fired.disconnect.durationMs);
      return;
    }
    const t = exchangeTiming(this.timing, rawLen, reply.length, printed, !isReplay);
    await this.waitBusy(receivedAt, t.busyMs, write, gone);
    this.stats.modelledMs += t.busyMs + t.replyMs;
    if (fired.drop) {
      this.stats.dropped++;
      return;
    }
    let out = reply;
    if (fired.garble) {
      this.stats.garbled++;
      out = garble(reply);
    }
    await this.trickle(out, receivedAt + t.busyMs, t.replyMs, write);
  }

  /**
   * Send the answer as a serial line would: bytes keep arriving during its wire time (10 ms slices), so a host that
   * restarts its timer on every byte does not time out on a long answer at a low baud rate.
   */
  private async trickle(frame: Buffer, start: number, replyMs: number, write: (b: Buffer) => void): Promise<void> {
    if (replyMs <= 0) {
      write(frame);
      return;
    }
    const perSlice = Math.max(1, Math.ceil((frame.length * 10) / replyMs));
    for (let off = 0; off < frame.length; off += perSlice) {
      const end = Math.min(frame.length, off + perSlice);
      await sleepUntil(start + (replyMs * end) / frame.length);
      write(frame.subarray(off, end));
    }
  }

  /** Wait until `start + busyMs`, sending SYN every 60 ms meanwhile. */
  private async waitBusy(start: number, busyMs: number, write: (b: Buffer) => void, gone: () => boolean): Promise<void> {
    const end = start + busyMs;
    let nextSyn = start + SYN_INTERVAL_MS;
    while (!gone()) {
      const now = performance.now();
      if (now >= end) return;
      if (nextSyn < end) {
        await sleepUntil(nextSyn);
        write(Buffer.from([SYN]));
        this.stats.syns++;
        nextSyn += SYN_INTERVAL_MS;
      } else {
        await sleepUntil(end);
      }
    }
  }
}

function sleepUntil(t: number): Promise<void> {
  const ms = t - performance.now();
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
