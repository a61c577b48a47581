/**
 * Time model of the simulated register: per command, `per_command_ms` + printed lines × `per_line_ms` + the wire
 * time a Datecs X frame of the command and of its answer would take at `baud` (10 bits per byte). Pure, except
 * `pause`, which waits on a real timer only when there is something to wait for.
 */
import { REALISTIC_TIMING, ZERO_TIMING, type TimingProfile } from '../../emulators/virtual-register/register-api.js';

/** X framing overhead: 01 LEN(4) SEQ CMD(4) … 05 BCC(4) 03 = 16 bytes; the answer adds 04 + 8 status bytes. */
export const X_REQUEST_OVERHEAD = 16;
export const X_ANSWER_OVERHEAD = 25;

export interface CommandCost {
  /** Text of the command's DATA field(s) as the wire would carry them. */
  request: string;
  /** Text of the answer's DATA field(s). */
  answer: string;
  printed_lines: number;
  /** Commands this step takes on the wire (reading a journal takes one per line); default 1. */
  commands?: number;
}

/** Wire time in ms of `bytes` bytes at `baud` (0 = no wire). */
export function wireMs(bytes: number, baud: number): number {
  return baud > 0 ? (bytes * 10 * 1000) / baud : 0;
}

export function commandMs(t: TimingProfile, c: CommandCost): number {
  const commands = c.commands ?? 1;
  const bytes = c.request.length + c.answer.length + commands * (X_REQUEST_OVERHEAD + X_ANSWER_OVERHEAD);
  return commands * t.per_command_ms + c.printed_lines * t.per_line_ms + wireMs(bytes, t.baud);
}

export function resolveTiming(spec: unknown): TimingProfile {
  if (spec === undefined || spec === 'zero') return ZERO_TIMING;
  if (spec === 'realistic') return REALISTIC_TIMING;
  if (typeof spec === 'object' && spec !== null) {
    const t = spec as Partial<Record<keyof TimingProfile, unknown>>;
    const num = (v: unknown, name: string): number => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`timing.${name} must be a number ≥ 0`);
      return v;
    };
    return { baud: num(t.baud, 'baud'), per_line_ms: num(t.per_line_ms, 'per_line_ms'), per_command_ms: num(t.per_command_ms, 'per_command_ms') };
  }
  throw new Error('timing must be "zero", "realistic" or { baud, per_line_ms, per_command_ms }');
}

/** Wait `ms` on a real timer; no timer at all for 0. */
export function pause(ms: number): Promise<void> | undefined {
  if (ms <= 0) return undefined;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
