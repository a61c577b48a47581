/** What a Datecs command handler sees and returns (shared by the X and classic command sets). */
import type { StatusFlag } from '../../drivers/datecs/codec/status.js';
import type { JournalQuery, VirtualRegisterApi } from '../virtual-register/register-api.js';

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
  /** Last error for classic command 0x20. */
  lastError: { cmd: number; code: number } | null;
}

export interface CommandOutcome {
  /** Reply DATA. */
  data: Buffer;
  printed_lines: number;
  /** Error flags to raise in the status bytes of this reply. */
  flags: StatusFlag[];
}

export function newContext(register: VirtualRegisterApi, opts: { operatorPassword?: string } = {}): EmulatorContext {
  return { register, pcMode: true, ej: { query: null, lines: [], next: 0 }, operatorPassword: opts.operatorPassword ?? '0000', lastError: null };
}
