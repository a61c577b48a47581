/**
 * Parameter syntax (pure). X: every parameter followed by TAB, replies start with ErrorCode.
 * Classic: comma-separated (some commands mix in TAB/LF; the command builders handle those).
 */
import { decodeText, encodeText } from './text.js';

/** X request data: each parameter (empty allowed) followed by TAB. */
export function joinX(params: ReadonlyArray<string | number>): Buffer {
  const parts: Buffer[] = [];
  for (const p of params) parts.push(encodeText(String(p)), Buffer.from([0x09]));
  return Buffer.concat(parts);
}

/** Classic request data: comma-separated parameters (no trailing comma). */
export function joinClassic(params: ReadonlyArray<string | number>): Buffer {
  return encodeText(params.map(String).join(','), '\t\n');
}

/** Split X data into fields (the trailing TAB does not make an extra empty field). */
export function splitX(data: Uint8Array): string[] {
  const text = decodeText(data);
  if (text.length === 0) return [];
  const parts = text.split('\t');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export function splitClassic(data: Uint8Array): string[] {
  const text = decodeText(data);
  return text.length === 0 ? [] : text.split(',');
}

export interface XReply {
  /** 0 on success; a negative device code otherwise. Null when the device sent empty DATA. */
  errorCode: number | null;
  fields: string[];
}

/** Parse an X reply: the first field is the ErrorCode. */
export function parseXReply(data: Uint8Array): XReply {
  const parts = splitX(data);
  if (parts.length === 0) return { errorCode: null, fields: [] };
  const first = parts[0] ?? '';
  const code = /^-?\d+$/.test(first.trim()) ? Number(first.trim()) : null;
  return code === null ? { errorCode: null, fields: parts } : { errorCode: code, fields: parts.slice(1) };
}

/** Build an X reply body: ErrorCode then fields, each followed by TAB. */
export function buildXReply(errorCode: number, fields: ReadonlyArray<string | number> = []): Buffer {
  return joinX([errorCode, ...fields]);
}
