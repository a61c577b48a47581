/**
 * Datecs packet encode/decode for both framings (pure).
 *
 *   X (8 status bytes):   01 LEN(4) SEQ CMD(4) DATA [04 STATUS(8)] 05 BCC(4) 03
 *   classic (6 status):   01 LEN(1) SEQ CMD(1) DATA [04 STATUS(6)] 05 BCC(4) 03
 *
 * LEN = 0x20 + bytes after 0x01 up to and including 0x05. BCC = 16-bit sum of the same bytes, as 4 nibbles + 0x30.
 */
import { byteSum16, decodeNibbles, encodeNibbles, EOT, escapeData, POST, PRE, SEP, unescapeData } from './bytes.js';

export type Framing = 'x' | 'classic';
export type Direction = 'request' | 'response';

export interface FramingSpec {
  lenWidth: number;
  cmdWidth: number;
  statusBytes: number;
  /** Largest DATA in a request / response we build. */
  maxRequestData: number;
  maxResponseData: number;
}

export const FRAMINGS: Record<Framing, FramingSpec> = {
  x: { lenWidth: 4, cmdWidth: 4, statusBytes: 8, maxRequestData: 213, maxResponseData: 218 },
  classic: { lenWidth: 1, cmdWidth: 1, statusBytes: 6, maxRequestData: 213, maxResponseData: 212 },
};

export const SEQ_FIRST = 0x20;
export const SEQ_LAST = 0x7f;
export function nextSeq(seq: number): number {
  return seq >= SEQ_LAST ? SEQ_FIRST : seq + 1;
}

export interface Packet {
  framing: Framing;
  seq: number;
  cmd: number;
  /** Unescaped data bytes. */
  data: Buffer;
  /** Present on responses only. */
  status?: Buffer;
}

export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

function encodeWidth(value: number, width: number): Buffer {
  return width === 1 ? Buffer.from([value & 0xff]) : encodeNibbles(value, width);
}

/** Build a request (host → device) or a response (device → host, with `status`). */
export function encodePacket(p: Packet): Buffer {
  const spec = FRAMINGS[p.framing];
  const isResponse = p.status !== undefined;
  if (p.seq < 0x20 || p.seq > 0xff) throw new FrameError(`SEQ 0x${p.seq.toString(16)} is outside 0x20..0xFF`);
  const maxCmd = spec.cmdWidth === 1 ? 0xff : 0xffff;
  if (p.cmd < (spec.cmdWidth === 1 ? 0x20 : 0) || p.cmd > maxCmd) throw new FrameError(`command ${p.cmd} does not fit the ${p.framing} framing`);
  const data = escapeData(p.data, p.framing === 'classic');
  const max = isResponse ? spec.maxResponseData : spec.maxRequestData;
  if (data.length > max) throw new FrameError(`data is ${data.length} bytes, the limit is ${max}`);
  if (isResponse && p.status?.length !== spec.statusBytes) {
    throw new FrameError(`a ${p.framing} response needs ${spec.statusBytes} status bytes`);
  }
  const statusPart = isResponse ? Buffer.concat([Buffer.from([SEP]), p.status ?? Buffer.alloc(0)]) : Buffer.alloc(0);
  const bodyLen = spec.lenWidth + 1 + spec.cmdWidth + data.length + statusPart.length + 1;
  const len = bodyLen + 0x20;
  if (spec.lenWidth === 1 && len > 0xff) throw new FrameError('packet too long for a 1-byte LEN');
  const body = Buffer.concat([
    encodeWidth(len, spec.lenWidth),
    Buffer.from([p.seq]),
    encodeWidth(p.cmd, spec.cmdWidth),
    data,
    statusPart,
    Buffer.from([POST]),
  ]);
  return Buffer.concat([Buffer.from([PRE]), body, encodeNibbles(byteSum16(body), 4), Buffer.from([EOT])]);
}

export type DecodeResult = { ok: true; packet: Packet } | { ok: false; reason: string };

/**
 * Decode one complete packet (from 0x01 to 0x03 inclusive). Checks terminator, BCC, LEN, status bytes.
 * Data is returned unescaped.
 */
export function decodePacket(frame: Uint8Array, framing: Framing, direction: Direction): DecodeResult {
  const spec = FRAMINGS[framing];
  const n = frame.length;
  const fail = (reason: string): DecodeResult => ({ ok: false, reason });
  if (n < 2 + spec.lenWidth + 1 + spec.cmdWidth + 1 + 4 || frame[0] !== PRE) return fail('too short or no preamble');
  if (frame[n - 1] !== EOT) return fail('no terminator');
  const postAt = n - 6;
  if (frame[postAt] !== POST) return fail('no postamble before the BCC');
  const bcc = decodeNibbles(frame.subarray(n - 5, n - 1));
  if (bcc === null) return fail('BCC digits malformed');
  if (bcc !== byteSum16(frame, 1, postAt + 1)) return fail('bad BCC');
  const lenField = frame.subarray(1, 1 + spec.lenWidth);
  const len = spec.lenWidth === 1 ? (lenField[0] ?? 0) : decodeNibbles(lenField);
  if (len === null || len - 0x20 !== postAt) return fail('LEN does not match the packet');
  const seq = frame[1 + spec.lenWidth] ?? 0;
  const cmdAt = 2 + spec.lenWidth;
  const cmdField = frame.subarray(cmdAt, cmdAt + spec.cmdWidth);
  const cmd = spec.cmdWidth === 1 ? (cmdField[0] ?? 0) : decodeNibbles(cmdField);
  if (cmd === null) return fail('CMD digits malformed');
  const dataAt = cmdAt + spec.cmdWidth;
  if (direction === 'request') {
    return { ok: true, packet: { framing, seq, cmd, data: unescapeData(frame.subarray(dataAt, postAt)) } };
  }
  const sepAt = postAt - spec.statusBytes - 1;
  if (sepAt < dataAt || frame[sepAt] !== SEP) return fail('no status separator');
  const status = Buffer.from(frame.subarray(sepAt + 1, postAt));
  if (status.some((b) => b < 0x80)) return fail('status byte without bit 7');
  return { ok: true, packet: { framing, seq, cmd, data: unescapeData(frame.subarray(dataAt, sepAt)), status } };
}
