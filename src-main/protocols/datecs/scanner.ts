/**
 * Incremental packet scanner (pure, no I/O, no timers): feed it bytes in any chunking and it returns complete
 * packets, single control bytes (SYN 0x16 = still working, NAK 0x15 = resend) and dropped garbage. It resyncs on
 * 0x01 and drops packets whose BCC, LEN or layout is wrong.
 */
import { NAK, POST, PRE, SYN } from './bytes.js';
import { decodePacket, type Direction, type Framing, type Packet } from './frame.js';

export type ScanEvent =
  | { type: 'packet'; packet: Packet; raw: Buffer }
  | { type: 'syn' }
  | { type: 'nak' }
  | { type: 'bad'; reason: string; raw: Buffer };

/** A frame longer than this without a postamble is garbage. */
const MAX_FRAME = 1100;

export class FrameScanner {
  private buf: Buffer = Buffer.alloc(0);

  constructor(
    readonly framing: Framing,
    readonly direction: Direction,
  ) {}

  /** Bytes held waiting for the rest of a packet. */
  get pending(): number {
    return this.buf.length;
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
  }

  push(chunk: Uint8Array): ScanEvent[] {
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    const events: ScanEvent[] = [];
    let i = 0;
    const b = this.buf;
    while (i < b.length) {
      const byte = b[i];
      if (byte !== PRE) {
        if (byte === SYN) events.push({ type: 'syn' });
        else if (byte === NAK) events.push({ type: 'nak' });
        i++;
        continue;
      }
      // A packet starts at i. Find its postamble; another 0x01 first means this one was cut short.
      let post = -1;
      let restart = -1;
      for (let j = i + 1; j < b.length; j++) {
        const c = b[j];
        if (c === POST) {
          post = j;
          break;
        }
        if (c === PRE) {
          restart = j;
          break;
        }
        if (j - i > MAX_FRAME) {
          restart = j;
          break;
        }
      }
      if (restart >= 0) {
        events.push({ type: 'bad', reason: 'packet cut short', raw: Buffer.from(b.subarray(i, restart)) });
        i = restart;
        continue;
      }
      if (post < 0 || post + 5 >= b.length) break; // wait for more bytes
      const raw = Buffer.from(b.subarray(i, post + 6));
      const decoded = decodePacket(raw, this.framing, this.direction);
      if (decoded.ok) {
        events.push({ type: 'packet', packet: decoded.packet, raw });
        i = post + 6;
      } else {
        events.push({ type: 'bad', reason: decoded.reason, raw });
        // Resync on the next preamble after this one.
        const next = b.indexOf(PRE, i + 1);
        i = next < 0 ? post + 6 : Math.min(next, post + 6);
      }
    }
    this.buf = Buffer.from(b.subarray(i));
    return events;
  }
}
