/**
 * A Transform from raw bytes to scan events (packets, SYN, NAK, dropped garbage), for either framing and
 * direction. Wraps the pure FrameScanner.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { Direction, Framing } from './codec/frame.js';
import { FrameScanner, type ScanEvent } from './codec/scanner.js';

export class DatecsFramer extends Transform {
  private readonly scanner: FrameScanner;

  constructor(framing: Framing, direction: Direction) {
    super({ readableObjectMode: true });
    this.scanner = new FrameScanner(framing, direction);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    for (const ev of this.scanner.push(chunk)) this.push(ev);
    cb();
  }

  /** Forget a half-received packet (after a reconnect). */
  resetBuffer(): void {
    this.scanner.reset();
  }
}

export type { ScanEvent };
