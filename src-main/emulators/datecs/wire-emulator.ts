/**
 * The Datecs wire front-end of the virtual register: reads request packets from a Duplex, executes them, answers
 * with the right status bits and error codes, sends SYN while "printing", models wire time at the configured baud
 * and per-line print time, replays its last answer on a repeated SEQ+command, and injects wire faults. The last
 * answer and the register live in the emulator, not in the connection: a host that reconnects and resends gets
 * the replay, and an open receipt survives the disconnect.
 *
 * Power: `powerCut(ms)` (or a `power_cut` fault) switches the register off: every link drops, nothing is answered,
 * work in progress is abandoned, and the register restarts from its own files (fiscal memory, journal, counters and
 * an open receipt survive). The last answer is RAM: it is lost, so a resent command is executed again, unless the
 * replay memory is kept (`keepReplayMemory`, persisted in the state dir).
 */
import type { Duplex } from 'node:stream';
import type { LinkHooks, WireFrontEnd } from '../endpoints/wire-front-end.js';
import { NAK, SYN } from '../../protocols/datecs/bytes.js';
import { encodePacket, type Framing, type Packet } from '../../protocols/datecs/frame.js';
import { FrameScanner } from '../../protocols/datecs/scanner.js';
import { encodeStatus } from '../../protocols/datecs/status.js';
import { X_ERRORS } from '../../protocols/datecs/errors.js';
import { buildXReply } from '../../protocols/datecs/params.js';
import { RegisterError, ZERO_TIMING, type TimingProfile, type VirtualRegisterApi } from '../virtual-register/register-api.js';
import { executeClassic } from './classic-commands.js';
import { newContext, type CommandOutcome, type EmulatorContext } from './command-context.js';
import { statusFlagsOf } from './status-of.js';
import { exchangeTiming, SYN_INTERVAL_MS } from './timing.js';
import { garble, noiseBytes, WireFaultPlan, type WireFault } from './wire-faults.js';
import { WireMemory } from './wire-memory.js';
import { sleepUntil } from '../endpoints/precise-sleep.js';
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
  /** Power cuts (faults and `powerCut()`), and requests that arrived while the power was off. */
  powerCuts: number;
  ignoredWhileOff: number;
  /** Classic packets refused (NAK) for a SEQ outside 0x20–0x7F. */
  badSeq: number;
}

export type { LinkHooks } from '../endpoints/wire-front-end.js';

const emptyStats = (): EmulatorStats => ({
  requests: 0,
  executed: 0,
  replays: 0,
  naks: 0,
  dropped: 0,
  garbled: 0,
  syns: 0,
  internalErrors: 0,
  modelledMs: 0,
  powerCuts: 0,
  ignoredWhileOff: 0,
  badSeq: 0,
});

/** A register that can start again from its own files after a power cut (the VirtualRegister can). */
export type PowerCyclableRegister = VirtualRegisterApi & { restartFromDisk?(): void };

export interface DatecsWireEmulatorOptions {
  register: PowerCyclableRegister;
  framing: Framing;
  timing?: TimingProfile;
  operatorPassword?: string;
  /** The register's state dir: the front-end keeps its summer-time flag (and a kept replay memory) there. */
  stateDir?: string;
  /** Keep the last answer across a power cut (default false: RAM, as on a real register). */
  keepReplayMemory?: boolean;
  /** Cancel after the first payment: refused (default) or allowed (see EmulatorContext). */
  cancelAfterPayment?: 'refuse' | 'allow';
}

interface Attachment {
  hooks: LinkHooks;
  /** Forget half-received bytes (power cut). */
  reset(): void;
  detach(): void;
}

export class DatecsWireEmulator implements WireFrontEnd {
  readonly framing: Framing;
  readonly register: PowerCyclableRegister;
  timing: TimingProfile;
  readonly faults = new WireFaultPlan();
  stats: EmulatorStats = emptyStats();
  lastInternalError: string | null = null;
  private readonly ctx: EmulatorContext;
  private readonly memory: WireMemory;
  private readonly attachments = new Set<Attachment>();
  /** Bumped at every power cut: work started before it is abandoned. */
  private epoch = 0;
  private poweredOffUntil = 0;
  private previousRequest: { seq: number; cmd: number } | null = null;

  constructor(opts: DatecsWireEmulatorOptions) {
    this.framing = opts.framing;
    this.register = opts.register;
    this.timing = opts.timing ?? ZERO_TIMING;
    this.memory = new WireMemory(opts.stateDir, opts.keepReplayMemory ?? false);
    this.ctx = newContext(opts.register, {
      memory: this.memory,
      ...(opts.operatorPassword === undefined ? {} : { operatorPassword: opts.operatorPassword }),
      ...(opts.cancelAfterPayment === undefined ? {} : { cancelAfterPayment: opts.cancelAfterPayment }),
    });
  }

  injectWireFault(f: WireFault): void {
    this.faults.inject(f);
  }

  set pcMode(on: boolean) {
    this.ctx.pcMode = on;
  }

  /** Keep the last answer across power cuts (persisted in the state dir) or not (RAM, the default). */
  get keepReplayMemory(): boolean {
    return this.memory.keepReplay;
  }

  set keepReplayMemory(on: boolean) {
    this.memory.keepReplay = on;
  }

  /** The replay memory (what a repeated SEQ + command gets), for tests. */
  get lastAnswer(): { seq: number; cmd: number } | null {
    const l = this.memory.last;
    return l ? { seq: l.seq, cmd: l.cmd } : null;
  }

  get poweredOff(): boolean {
    return performance.now() < this.poweredOffUntil;
  }

  /**
   * Cut the power now for `durationMs`: links drop (TCP refuses connections, serial goes silent), nothing is
   * answered, work in progress is abandoned, and the register restarts from its files. RAM (the replay memory
   * unless kept, the EJ read cursor) is lost.
   */
  powerCut(durationMs: number): void {
    this.epoch++;
    this.stats.powerCuts++;
    this.poweredOffUntil = performance.now() + durationMs;
    for (const a of this.attachments) {
      a.reset();
      a.hooks.disconnect(durationMs);
    }
    this.memory.powerLoss();
    this.ctx.ej = { query: null, lines: [], next: 0 };
    this.register.restartFromDisk?.();
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
      if (this.poweredOff) {
        this.stats.ignoredWhileOff++;
        return;
      }
      const epoch = this.epoch;
      const gone = () => detached || epoch !== this.epoch;
      for (const ev of scanner.push(b)) {
        if (ev.type === 'bad') {
          // A damaged request gets NAK, the host resends it.
          queue = queue.then(() => void (!gone() && link.writable && link.write(Buffer.from([NAK]))));
        } else if (ev.type === 'packet') {
          const at = performance.now();
          const raw = ev.raw.length;
          queue = queue
            .then(() => (gone() ? undefined : this.handle(ev.packet, raw, at, link, hooks, gone)))
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
      this.attachments.delete(attachment);
    };
    const attachment: Attachment = { hooks, reset: () => scanner.reset(), detach };
    this.attachments.add(attachment);
    return detach;
  }

  detachAll(): void {
    for (const a of [...this.attachments]) a.detach();
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
    const write = (b: Buffer) => {
      if (!gone() && link.writable) link.write(b);
    };
    if (this.framing === 'classic' && (p.seq < 0x20 || p.seq > 0x7f)) {
      // Classic firmware: SEQ is 0x20–0x7F (FP manual v1.00BG, "Packed messages"); anything else is a format error.
      this.stats.badSeq++;
      write(Buffer.from([NAK]));
      return;
    }
    const last = this.memory.last;
    const isReplay = last !== null && last.seq === p.seq && last.cmd === p.cmd;
    // Faults count new requests: a packet with the SEQ + command of the one before it is the host resending it
    // (after a NAK, a timeout or a lost answer), whether or not it was executed.
    const prev = this.previousRequest;
    const isResend = prev !== null && prev.seq === p.seq && prev.cmd === p.cmd;
    this.previousRequest = { seq: p.seq, cmd: p.cmd };
    const fired = this.faults.onRequest(p.cmd, !isResend);
    if (fired.nak) {
      this.stats.naks++;
      write(Buffer.from([NAK]));
      return;
    }
    if (fired.powerCut && !fired.powerCut.execute) {
      this.powerCut(fired.powerCut.durationMs);
      return;
    }
    if (fired.disconnect && !fired.disconnect.execute) {
      hooks.disconnect(fired.disconnect.durationMs);
      return;
    }
    let reply: Buffer;
    let printed = 0;
    if (isReplay) {
      this.stats.replays++;
      reply = last.reply;
    } else {
      if (fired.paperOutAtLine !== null) this.register.injectFaults({ paper_out_at_line: fired.paperOutAtLine });
      if (fired.coverOpenAtLine !== null) this.register.injectFaults({ cover_open_at_line: fired.coverOpenAtLine });
      const out = this.execute(p.cmd, p.data);
      if (!out) return;
      this.stats.executed++;
      printed = out.printed_lines;
      reply = this.encodeReply(p, out);
      this.memory.remember({ seq: p.seq, cmd: p.cmd, reply });
    }
    if (fired.powerCut) {
      // Executed (and written to the register's files), then the power went before the answer left.
      this.powerCut(fired.powerCut.durationMs);
      return;
    }
    if (fired.disconnect) {
      hooks.disconnect(fired.disconnect.durationMs);
      return;
    }
    const t = exchangeTiming(this.timing, rawLen, reply.length, printed, !isReplay);
    // The reply starts when the modelled work ends, whenever this turn of the event loop wakes.
    let replyAt = receivedAt + t.busyMs;
    await this.waitBusy(receivedAt, t.busyMs, write, gone);
    if (fired.slow) {
      replyAt = Math.max(replyAt, performance.now());
      if (fired.slow.syn) await this.waitBusy(replyAt, fired.slow.delayMs, write, gone);
      else await sleepUntil(replyAt + fired.slow.delayMs);
      replyAt += fired.slow.delayMs;
    }
    if (gone()) return;
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
    if (fired.noise > 0) write(noiseBytes(fired.noise, this.stats.requests));
    await this.trickle(out, replyAt, t.replyMs, write);
  }

  private encodeReply(p: Packet, out: CommandOutcome): Buffer {
    const flags = [...statusFlagsOf(this.register), ...out.flags];
    const status = encodeStatus(this.framing, Object.fromEntries(flags.map((f) => [f, true])));
    try {
      return encodePacket({ framing: this.framing, seq: p.seq, cmd: p.cmd, data: out.data, status });
    } catch (e) {
      // An answer that does not fit the frame: say "syntax error" rather than nothing.
      this.stats.internalErrors++;
      this.lastInternalError = e instanceof Error ? e.message : String(e);
      const errData = this.framing === 'x' ? buildXReply(X_ERRORS.SYNTAX) : Buffer.alloc(0);
      return encodePacket({ framing: this.framing, seq: p.seq, cmd: p.cmd, data: errData, status: encodeStatus(this.framing, { syntax_error: true }) });
    }
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
