/**
 * Mutations of seed inputs (no coverage feedback: many cheap random edits): bit flips, byte and chunk edits,
 * splices of two seeds, dictionary tokens (the format's own punctuation and the values that break parsers:
 * huge numbers, "__proto__", control characters, deep nesting). Bytes in, bytes out.
 */
import type { Rng } from './rng.js';

const INTERESTING = [0x00, 0x01, 0x03, 0x04, 0x05, 0x09, 0x0a, 0x0d, 0x10, 0x15, 0x16, 0x1a, 0x20, 0x22, 0x2c, 0x3b, 0x3c, 0x3e, 0x5c, 0x7f, 0x80, 0xc3, 0xfe, 0xff];

export const COMMON_TOKENS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '1e999', '-1e-999', '1e400', '-0', '0.0000000001',
  '99999999999999999999999', 'NaN', 'Infinity', '\u0000', '\uFEFF', '\uD800', '\u202E', 'ș', 'ț', '€', '😀', '%00', '..', '/', '\\',
];

function splice(rng: Rng, a: Uint8Array, b: Uint8Array): Uint8Array {
  const i = rng.int(a.length + 1);
  const j = rng.int(b.length + 1);
  const out = new Uint8Array(i + (b.length - j));
  out.set(a.subarray(0, i), 0);
  out.set(b.subarray(j), i);
  return out;
}

function insert(data: Uint8Array, at: number, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + bytes.length);
  out.set(data.subarray(0, at), 0);
  out.set(bytes, at);
  out.set(data.subarray(at), at + bytes.length);
  return out;
}

function remove(data: Uint8Array, at: number, n: number): Uint8Array {
  const out = new Uint8Array(data.length - n);
  out.set(data.subarray(0, at), 0);
  out.set(data.subarray(at + n), at);
  return out;
}

const enc = new TextEncoder();

/** One to eight random edits of `seed`, never longer than `maxLen`. */
export function mutate(rng: Rng, seed: Uint8Array, corpus: readonly Uint8Array[], tokens: readonly string[], maxLen = 8192): Uint8Array {
  let d: Uint8Array = seed.slice();
  const edits = 1 + rng.int(8);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(d.length + 1);
    switch (rng.int(11)) {
      case 0: // flip a bit
        if (d.length) d[rng.int(d.length)]! ^= 1 << rng.int(8);
        break;
      case 1: // an interesting byte
        if (d.length) d[rng.int(d.length)] = rng.pick(INTERESTING);
        break;
      case 2: // a random byte
        if (d.length) d[rng.int(d.length)] = rng.int(256);
        break;
      case 3: // delete a run
        if (d.length) d = remove(d, Math.min(at, d.length - 1), Math.min(1 + rng.int(16), d.length - Math.min(at, d.length - 1)));
        break;
      case 4: // duplicate a run
        if (d.length) {
          const from = rng.int(d.length);
          const n = Math.min(1 + rng.int(64), d.length - from);
          d = insert(d, at, d.slice(from, from + n));
        }
        break;
      case 5: // insert random bytes
        d = insert(d, at, Uint8Array.from({ length: 1 + rng.int(8) }, () => rng.int(256)));
        break;
      case 6:
      case 7: // a token of the format
        d = insert(d, at, enc.encode(rng.pick(tokens)));
        break;
      case 8: // a common troublemaker
        d = insert(d, at, enc.encode(rng.pick(COMMON_TOKENS)));
        break;
      case 9: // splice with another seed
        d = splice(rng, d, rng.pick(corpus));
        break;
      case 10: // truncate
        d = d.slice(0, at);
        break;
    }
    if (d.length > maxLen) d = d.slice(0, maxLen);
  }
  return d;
}
