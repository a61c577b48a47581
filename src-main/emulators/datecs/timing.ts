/** Wire and print time of the Datecs emulator (TimingProfile → milliseconds). */
import type { TimingProfile } from '../virtual-register/register-api.js';

/** 8N1: 10 bits per byte. */
export function wireMs(bytes: number, baud: number): number {
  return baud > 0 ? (bytes * 10 * 1000) / baud : 0;
}

export interface ExchangeTiming {
  /** Time from the request's last byte until the reply starts (request wire time + processing + printing). */
  busyMs: number;
  /** Wire time of the reply. */
  replyMs: number;
}

export function exchangeTiming(t: TimingProfile, requestBytes: number, replyBytes: number, printedLines: number, executed: boolean): ExchangeTiming {
  const work = executed ? t.per_command_ms + printedLines * t.per_line_ms : 0;
  return { busyMs: wireMs(requestBytes, t.baud) + work, replyMs: wireMs(replyBytes, t.baud) };
}

/** The device sends SYN every 60 ms while it works. */
export const SYN_INTERVAL_MS = 60;
