/**
 * One Datecs conversation over a byte link: one command in flight, SYN (0x16) = keep waiting, NAK (0x15) = the
 * register refused the packet unread → resend it. A garbled reply, a timeout or a dropped link after the packet
 * was written are a LOST ANSWER: the register may have executed the command. Two policies:
 *   - `resend` (reads, and prints whose repetition is harmless): resend the SAME packet with the SAME SEQ; a
 *     register that still remembers its last answer replays it instead of executing twice. The reply then says
 *     `afterLoss`, because a register that lost power in between has forgotten that answer and executes again:
 *     an error answer to such a resend is not definitive.
 *   - `verify` (commands with a fiscal effect): do not resend at all; throw LostAnswer at once and let the caller
 *     ask the register's own state (under a new SEQ) whether the command took effect.
 * Bounded retries, then DeviceError('DEVICE_UNREACHABLE', …, { mayHaveActed }). SEQ advances after a valid reply
 * and after a lost answer under `verify`.
 */
import { DeviceError } from '../../domain/error-codes.js';
import type { ByteLink } from '../../transports/byte-link.js';
import { RequestExchange, type ExchangeLogger } from '../../transports/request-exchange.js';
import { encodePacket, nextSeq, SEQ_FIRST, type Framing, type Packet } from '../../protocols/datecs/frame.js';
import { FrameScanner, type ScanEvent } from '../../protocols/datecs/scanner.js';
import { decodeStatus, type StatusFlags } from '../../protocols/datecs/status.js';

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
  /** Frames are logged as hex at debug level when given. */
  logger?: ExchangeLogger;
}

export interface Reply {
  packet: Packet;
  flags: StatusFlags;
  /** An earlier write of this packet may have reached the register and its answer was lost: the register may have
   * executed it already (this answer is then a replay, or the result of executing it again after a power cut). */
  afterLoss: boolean;
}

export type LostAnswerPolicy = 'resend' | 'verify';

export interface RequestOptions {
  maxAttempts?: number;
  timeoutMs?: number;
  /** What to do when the answer to a written packet is lost (default `resend`). */
  onLostAnswer?: LostAnswerPolicy;
}

/** The answer to a command with an effect was lost after the packet was written: the register may have acted. */
export class LostAnswer extends DeviceError {
  constructor(
    readonly cmd: number,
    why: string,
  ) {
    super('DEVICE_UNREACHABLE', `Datecs command ${cmd}: ${why}; the register may have executed it`, { mayHaveActed: true });
    this.name = 'LostAnswer';
  }
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
  private readonly io: RequestExchange<ScanEvent>;
  readonly stats: SessionStats = { commands: 0, framesSent: 0, resends: 0, naks: 0, timeouts: 0, badFrames: 0, syns: 0 };

  constructor(
    private readonly link: ByteLink,
    private readonly opts: SessionOptions,
  ) {
    this.framing = opts.framing;
    this.seq = opts.firstSeq ?? SEQ_FIRST;
    this.io = new RequestExchange(link, new FrameScanner(opts.framing, 'response'), opts.logger, `datecs-${opts.framing}`);
  }

  dispose(): void {
    this.io.dispose();
  }

  /** Send one command and wait for its reply (commands are queued: one in flight). */
  request(cmd: number, data: Buffer = Buffer.alloc(0), opts: RequestOptions = {}): Promise<Reply> {
    return this.io.serial(() => this.exchange(cmd, data, opts));
  }

  private async exchange(cmd: number, data: Buffer, o: RequestOptions): Promise<Reply> {
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
      if (!this.io.write(frame)) {
        lastProblem = 'not connected';
        continue;
      }
      this.stats.framesSent++;
      const outcome = await this.awaitReply(seq, cmd, timeoutMs, maxBusyMs);
      if (outcome.kind === 'reply') {
        this.seq = nextSeq(seq);
        return { packet: outcome.packet, flags: decodeStatus(this.framing, outcome.packet.status ?? Buffer.alloc(0)), afterLoss: mayHaveActed };
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
      // Never send an effect twice: the caller checks the register's state instead.
      if (o.onLostAnswer === 'verify') break;
    }
    // The next command takes a new SEQ: a register that got this packet would otherwise replay its answer to it.
    this.seq = nextSeq(seq);
    if (mayHaveActed && o.onLostAnswer === 'verify') throw new LostAnswer(cmd, lastProblem);
    throw new DeviceError('DEVICE_UNREACHABLE', `Datecs command ${cmd}: ${lastProblem} after ${maxAttempts} attempts`, { mayHaveActed });
  }

  /** SYN = still executing (keep waiting); NAK = refused unread; a packet of another SEQ or command is stale. */
  private awaitReply(
    seq: number,
    cmd: number,
    timeoutMs: number,
    maxBusyMs: number,
  ): Promise<{ kind: 'reply'; packet: Packet } | { kind: 'nak' | 'timeout' | 'bad' | 'down' | 'busy' }> {
    return this.io
      .awaitAnswer<Packet>(
        (ev) => {
          switch (ev.type) {
            case 'syn':
              this.stats.syns++;
              return { kind: 'busy' };
            case 'nak':
              return { kind: 'refused' };
            case 'bad':
              this.stats.badFrames++;
              return { kind: 'bad' };
            case 'packet':
              return ev.packet.seq === seq && ev.packet.cmd === cmd ? { kind: 'answer', value: ev.packet } : { kind: 'ignore' };
          }
        },
        timeoutMs,
        maxBusyMs,
      )
      .then((o) =>
        o.kind === 'answer' ? { kind: 'reply' as const, packet: o.value } : { kind: o.kind === 'refused' ? 'nak' : o.kind === 'too_busy' ? 'busy' : o.kind },
      );
  }
}
