/**
 * Status bytes → named flags and back (pure). X: 8 bytes (datecs-protocol.md §3.4); classic: 6 bytes (§4.3,
 * the fiscal-printer map, which the ECR map is a subset of). Bit 7 of every byte is always 1.
 */
import type { Framing } from './frame.js';

export type StatusFlag =
  | 'cover_open'
  | 'general_error'
  | 'printer_failure'
  | 'clock_not_set'
  | 'invalid_command'
  | 'syntax_error'
  | 'command_not_permitted'
  | 'overflow'
  | 'nonfiscal_open'
  | 'ej_near_full'
  | 'fiscal_open'
  | 'ej_full'
  | 'paper_near_end'
  | 'paper_out'
  | 'fm_missing'
  | 'fm_error_any'
  | 'fm_full'
  | 'fm_few_z_left'
  | 'serial_set'
  | 'tax_number_set'
  | 'fm_access_error'
  | 'vat_set'
  | 'fiscalized'
  | 'fm_formatted';

type BitMap = Partial<Record<StatusFlag, readonly [byte: number, bit: number]>>;

const X_BITS: BitMap = {
  cover_open: [0, 6],
  general_error: [0, 5],
  printer_failure: [0, 4],
  clock_not_set: [0, 2],
  invalid_command: [0, 1],
  syntax_error: [0, 0],
  command_not_permitted: [1, 1],
  overflow: [1, 0],
  nonfiscal_open: [2, 5],
  ej_near_full: [2, 4],
  fiscal_open: [2, 3],
  ej_full: [2, 2],
  paper_near_end: [2, 1],
  paper_out: [2, 0],
  fm_missing: [4, 6],
  fm_error_any: [4, 5],
  fm_full: [4, 4],
  fm_few_z_left: [4, 3],
  serial_set: [4, 2],
  tax_number_set: [4, 1],
  fm_access_error: [4, 0],
  vat_set: [5, 4],
  fiscalized: [5, 3],
  fm_formatted: [5, 1],
};

/** The 6 classic status bytes carry the same bits, except "fiscal memory missing" (byte 4 bit 6). */
const { fm_missing: _noFmMissingBit, ...CLASSIC_BITS }: BitMap = X_BITS;

/** Errors ORed into general_error (byte 0 bit 5). */
const GENERAL_ERROR_SOURCES: StatusFlag[] = ['printer_failure', 'invalid_command', 'syntax_error', 'command_not_permitted', 'overflow', 'paper_out'];
const FM_ERROR_SOURCES: StatusFlag[] = ['fm_full', 'fm_access_error'];

export type StatusFlags = Record<StatusFlag, boolean>;

function bitsFor(framing: Framing): BitMap {
  return framing === 'x' ? X_BITS : CLASSIC_BITS;
}

export function statusLength(framing: Framing): number {
  return framing === 'x' ? 8 : 6;
}

export function decodeStatus(framing: Framing, bytes: Uint8Array): StatusFlags {
  const map = bitsFor(framing);
  const out = {} as StatusFlags;
  for (const flag of Object.keys(X_BITS) as StatusFlag[]) {
    const pos = map[flag];
    out[flag] = pos ? (((bytes[pos[0]] ?? 0) >> pos[1]) & 1) === 1 : false;
  }
  return out;
}

/** Encode flags into status bytes; the OR bits (0.5 and 4.5) are derived from their sources. */
export function encodeStatus(framing: Framing, flags: Partial<StatusFlags>): Buffer {
  const map = bitsFor(framing);
  const out = Buffer.alloc(statusLength(framing), 0x80);
  const all: Partial<StatusFlags> = { ...flags };
  if (GENERAL_ERROR_SOURCES.some((f) => all[f])) all.general_error = true;
  if (FM_ERROR_SOURCES.some((f) => all[f])) all.fm_error_any = true;
  for (const [flag, on] of Object.entries(all) as Array<[StatusFlag, boolean]>) {
    const pos = map[flag];
    if (on && pos) out[pos[0]] = (out[pos[0]] ?? 0x80) | (1 << pos[1]);
  }
  return out;
}

/** Names of the flags that are set (for logs and the raw status of get_status). */
export function activeFlags(flags: StatusFlags): StatusFlag[] {
  return (Object.keys(flags) as StatusFlag[]).filter((f) => flags[f]);
}

/** Flags of an idle, fiscalized register. */
export const IDLE_FLAGS: Partial<StatusFlags> = {
  serial_set: true,
  tax_number_set: true,
  vat_set: true,
  fiscalized: true,
  fm_formatted: true,
};
