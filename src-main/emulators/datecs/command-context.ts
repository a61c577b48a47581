/** What a Datecs command handler sees and returns (shared by the X and classic command sets). */
import type { StatusFlag } from '../../protocols/datecs/status.js';
import type { JournalQuery, VirtualRegisterApi } from '../virtual-register/register-api.js';
import { WireMemory } from './wire-memory.js';

export interface EjCursor {
  query: JournalQuery | null;
  lines: string[];
  next: number;
}

export interface EmulatorContext {
  register: VirtualRegisterApi;
  /** Register in "PC mode" (ECRs): commands are refused with -112005 when false. */
  pcMode: boolean;
  ej: EjCursor;
  /** Operator password the device expects (default "0000"). */
  operatorPassword: string;
  /**
   * Cancel (60 / 0x3C) after the first payment: refused (default; FP manual v1.00BG 3Ch, datecs-protocol.md §7.2)
   * or allowed (a firmware variant to rule out on hardware: the X manual does not say).
   */
  cancelAfterPayment: 'refuse' | 'allow';
  /** Last error for classic command 0x20 (kept across a power cut, as the manual says). */
  lastError: { cmd: number; code: number } | null;
  /** The front-end's own memory: the summer-time flag of the clock (and the replay memory). */
  memory: WireMemory;
}

export interface CommandOutcome {
  /** Reply DATA. */
  data: Buffer;
  printed_lines: number;
  /** Error flags to raise in the status bytes of this reply. */
  flags: StatusFlag[];
}

export function newContext(
  register: VirtualRegisterApi,
  opts: { operatorPassword?: string; memory?: WireMemory; cancelAfterPayment?: 'refuse' | 'allow' } = {},
): EmulatorContext {
  return {
    register,
    pcMode: true,
    ej: { query: null, lines: [], next: 0 },
    operatorPassword: opts.operatorPassword ?? '0000',
    lastError: null,
    cancelAfterPayment: opts.cancelAfterPayment ?? 'refuse',
    memory: opts.memory ?? new WireMemory(undefined, false),
  };
}
