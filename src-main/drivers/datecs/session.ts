/**
 * One Datecs conversation over a byte link: one command in flight, SYN (0x16) = keep waiting, NAK (0x15), a
 * garbled reply or a timeout → resend the SAME packet with the SAME SEQ (the device replays its last answer
 * instead of executing twice), bounded retries, then DeviceError('DEVICE_UNREACHABLE', …, { mayHaveActed }).
 * SEQ advances only after a valid reply.
 */
import { DeviceError } from '../../domain/error-codes.js';
import type { ByteLink } from '../../transports/byte-link.js';
import { encodePacket, nextSeq, SEQ_FIRST, type Framing, type Packet } from './codec/frame.js';
import { FrameScanner, type ScanEvent } from './codec/scanner.js';
import { decodeStatus, type StatusFlags } from './codec/status.js';

export interface SessionOptions {
  framing: Framing;
  /** Wait for a reply (or SYN, or any byte) before resending, ms. Default 500. */
  timeoutMs?: number;
  /** Writes per command, the first included. Default 6. */
  maxAttempts?: number;
  /** Longest the device may keep answering SYN for one command, ms. Default 120 000. */
  maxBusyMs?: number;
  /** First SEQ (0x20..0x7F). */
  firstSeq?: number;
}

export interface Reply {
  packet: Packet;
  flags: StatusFlags;
}

export interface SessionStats {
  commands: number;
  framesSent: number;
  resends: number;
  naks: number;
  timeouts: number;
  badFrames: number;
  syns: number;
}

export class DatecsSession {
  readonly framing: Framing;
  private seq: number;
  private readonly scanner: FrameScanner;
  private queue: Promise<unknown> = Promise.resolve();
  private waiter: ((ev: ScanEvent | { type: 'byte' } | { type: 'down' }) => void) | null = null;
  private readonly offs: Array<() => void> = [];
  readonly stats: SessionStats = { commands: 0, framesSent: 0, resends: 0, naks: 0, timeouts: 0, badFrames: 0, syns: 0 };

  constructor(
    private readonly link: ByteLink,
    private readonly opts: SessionOptions,
  ) {
    this.framing = opts.framing;
    this.seq = opts.firstSeq ?? SEQ_FIRST;
    this.scanner = new FrameScanner(opts.framing, 'response');
    this.offs.push(
      link.onData((b) => {
        const events = this.scanner.push(b);
        this.waiter?.({ type: 'byte' });
        for (const ev of events) this.waiter?.(ev);
      }),
      link.onState((s) => {
        if (s !== 'connected') {
          this.scanner.reset();
          this.waiter?.({ type: 'down' });
        }
      }),
    );
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }

  /** Send one command and wait for its reply (commands are queued: one in flight). */
  request(cmd: number, data: Buffer = Buffer.alloc(0), opts: { maxAttempts?: number; timeoutMs?: number } = {}): Promise<Reply> {
    const run = this.queue.then(
      () => this.exchange(cmd, data, opts),
      () => this.exchange(cmd, data, opts),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async exchange(cmd: number, data: Buffer, o: { maxAttempts?: number; timeoutMs?: number }): Promise<Reply> {
    const seq = this.seq;
    const frame = encodePacket({ framing: this.framing, seq, cmd, data });
    const timeoutMs = o.timeoutMs ?? this.opts.timeoutMs ?? 500;
    const maxAttempts = o.maxAttempts ?? this.opts.maxAttempts ?? 6;
    const maxBusyMs = this.opts.maxBusyMs ?? 120_000;
    this.stats.commands++;
    let mayHaveActed = false;
    let lastProblem = 'no answer';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) this.stats.resends++;
      if (this.link.state !== 'connected') {
        const up = await this.link.whenConnected(timeoutMs);
        if (!up) {
          lastProblem = 'not connected';
          continue;
        }
      }
      if (!this.link.write(frame)) {
        lastProblem = 'not connected';
        continue;
      }
      this.stats.framesSent++;
      const outcome = await this.awaitReply(seq, cmd, timeoutMs, maxBusyMs);
      if (outcome.kind === 'reply') {
        this.seq = nextSeq(seq);
        return { packet: outcome.packet, flags: decodeStatus(this.framing, outcome.packet.status ?? Buffer.alloc(0)) };
      }
      if (outcome.kind === 'nak') {
        this.stats.naks++;
        lastProblem = 'the register rejected the packet (NAK)';
        continue;
      }
      mayHaveActed = true;
      lastProblem = outcome.kind === 'bad' ? 'garbled answer' : outcome.kind === 'down' ? 'connection lost' : 'no answer';
      if (outcome.kind === 'timeout') this.stats.timeouts++;
      if (outcome.kind === 'busy') {
        lastProblem = `still busy after ${maxBusyMs} ms`;
        break;
      }
    }
    throw new DeviceError('DEVICE_UNREACHABLE', `Datecs command ${cmd}: ${lastProblem} after ${maxAttempts} attempts`, { mayHaveActed });
  }

  private awaitReply(
    seq: number,
    cmd: number,
    timeoutMs: number,
    maxBusyMs: number,
  ): Promise<{ kind: 'reply'; packet: Packet } | { kind: 'nak' | 'timeout' | 'bad' | 'down' | 'busy' }> {
    return new Promise((resolve) => {
      const started = Date.now();
      let timer: NodeJS.Timeout;
      const finish = (r: { kind: 'reply'; packet: Packet } | { kind: 'nak' | 'timeout' | 'bad' | 'down' | 'busy' }) => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(r);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      };
      arm();
      this.waiter = (ev) => {
        switch (ev.type) {
          case 'byte':
            // Bytes of an answer still arriving (slow line): keep waiting, within the overall limit.
            if (Date.now() - started > maxBusyMs) finish({ kind: 'busy' });
            else arm();
            return;
          case 'syn':
            this.stats.syns++;
            if (Date.now() - started > maxBusyMs) finish({ kind: 'busy' });
            else arm();
            return;
          case 'nak':
            finish({ kind: 'nak' });
            return;
          case 'bad':
            this.stats.badFrames++;
            finish({ kind: 'bad' });
            return;
          case 'down':
            // Wait out the reply timeout before resending, so a flapping link does not burn every attempt at once.
            clearTimeout(timer);
            timer = setTimeout(() => finish({ kind: 'down' }), timeoutMs);
            return;
          case 'packet':
            // A stale answer (other SEQ or command) is ignored; keep waiting for ours.
            if (ev.packet.seq === seq && ev.packet.cmd === cmd) finish({ kind: 'reply', packet: ev.packet });
            return;
        }
      };
    });
  }
}
