/**
 * Low-level Datecs byte rules shared by both framings (pure): control bytes, nibble+0x30 numbers,
 * the 16-bit byte-sum BCC, and the 0x10 escape for data bytes below 0x20.
 */

export const PRE = 0x01; // preamble
export const POST = 0x05; // postamble (end of data / status)
export const SEP = 0x04; // separator before the status bytes (responses only)
export const EOT = 0x03; // terminator
export const NAK = 0x15;
export const SYN = 0x16;
export const TAB = 0x09;
export const LF = 0x0a;
export const ESC = 0x10;

/** Write `value` as `width` nibbles, most significant first, each nibble + 0x30 (0xA..0xF → ':'..'?'). */
export function encodeNibbles(value: number, width: number): Buffer {
  const out = Buffer.alloc(width);
  for (let i = 0; i < width; i++) {
    const shift = 4 * (width - 1 - i);
    out[i] = 0x30 + ((value >>> shift) & 0x0f);
  }
  return out;
}

/** Read nibble+0x30 digits; returns null when a byte is outside 0x30..0x3F. */
export function decodeNibbles(bytes: Uint8Array): number | null {
  let v = 0;
  for (const b of bytes) {
    if (b < 0x30 || b > 0x3f) return null;
    v = v * 16 + (b - 0x30);
  }
  return v;
}

/** 16-bit sum of the bytes (the BCC covers every byte after 0x01 up to and including 0x05). */
export function byteSum16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let s = 0;
  for (let i = start; i < end; i++) s = (s + (bytes[i] ?? 0)) & 0xffff;
  return s;
}

/**
 * Escape data bytes below 0x20 as 0x10, byte + 0x40. TAB is always allowed raw; LF only in the classic framing.
 */
export function escapeData(data: Uint8Array, allowLf: boolean): Buffer {
  const out: number[] = [];
  for (const b of data) {
    if (b >= 0x20 || b === TAB || (allowLf && b === LF)) out.push(b);
    else out.push(ESC, b + 0x40);
  }
  return Buffer.from(out);
}

/** Undo `escapeData`. A dangling escape at the end is kept as is. */
export function unescapeData(data: Uint8Array): Buffer {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const b = data[i] ?? 0;
    const next = data[i + 1];
    if (b === ESC && next !== undefined && next >= 0x40 && next < 0x60) {
      out.push(next - 0x40);
      i++;
    } else out.push(b);
  }
  return Buffer.from(out);
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').replace(/(..)/g, '$1 ').trim().toUpperCase();
}
