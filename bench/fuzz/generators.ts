/**
 * Structure-aware inputs, next to the mutated seeds: random JSON documents and XML trees built from a door's own
 * field names, and random INP lines from the command grammar, so most inputs get past the first syntax check.
 */
import { isJsonNumber, isLObject, parseLenientJson, type LValue } from '../../src-main/doors/compat-shared/lenient-json.js';
import type { Rng } from './rng.js';

const NUMBERS = ['0', '1', '-1', '12.34', '2.00', '0.5', '1e2', '1.25E-1', '-0', '12.345', '99999999999', '1e40', '1e-7', '0.001', '3', '21', '100'];
const STRINGS = ['', 'Paine', 'Cafea espresso', 'ș ț ă î â', 'Кафе', 'A', 'B', '1', '2', '21%', 'cash', 'card', 'Cash', '2026-11-22T10:00:00', '2019-07-01', 'true', '__proto__', 'x'.repeat(300), '\u0000\u001f', '"quoted"', '<tag>', 'null'];

const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'text', 'toString', 'valueOf'];

function jsonString(s: string): string {
  return JSON.stringify(s);
}

/** A random JSON text: objects use `keys` (a door's field names) most of the time. */
export function randomJson(rng: Rng, keys: readonly string[], depth = 0): string {
  const r = rng.int(depth > 4 ? 4 : 8);
  switch (r) {
    case 0:
      return rng.pick(NUMBERS);
    case 1:
      return jsonString(rng.pick(STRINGS));
    case 2:
      return rng.pick(['true', 'false', 'null']);
    case 3:
      return jsonString(rng.pick(keys));
    case 4:
    case 5: {
      const n = rng.int(5);
      const items = Array.from({ length: n }, () => randomJson(rng, keys, depth + 1));
      return `[${items.join(',')}${rng.chance(0.1) ? ',' : ''}]`;
    }
    default: {
      const n = rng.int(7);
      const props = Array.from({ length: n }, () => {
        // Now and then a name that means something to JavaScript itself, or to the reader (JsonNumber's `text`).
        const k = rng.chance(0.08) ? rng.pick(SPECIAL_KEYS) : rng.chance(0.9) ? rng.pick(keys) : rng.pick(STRINGS);
        return `${jsonString(k)}:${randomJson(rng, keys, depth + 1)}`;
      });
      return `{${props.join(',')}${rng.chance(0.1) ? ',' : ''}}`;
    }
  }
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A random XML body (UcsFPHub style: a root element, repeated elements for arrays, booleans as attributes). */
export function randomXml(rng: Rng, names: readonly string[]): string {
  const el = (depth: number): string => {
    const name = rng.pick(names);
    if (depth > 3 || rng.chance(0.4)) {
      const attr = rng.chance(0.1) ? ' __json__bool="1"' : '';
      return rng.chance(0.1) ? `<${name} />` : `<${name}${attr}>${xmlText(rng.chance(0.5) ? rng.pick(NUMBERS) : rng.pick(STRINGS))}</${name}>`;
    }
    const kids = Array.from({ length: 1 + rng.int(5) }, () => el(depth + 1)).join('');
    return `<${name}>${kids}</${name}>`;
  };
  const decl = rng.chance(0.3) ? '<?xml version="1.0" encoding="utf-8"?>' : '';
  return `${decl}<Root>${Array.from({ length: rng.int(5) }, () => el(1)).join('')}</Root>`;
}

const INP_CMDS = ['S', 'T', 'C', 'K', 'P', 'Y', 'I', 'X', 'Z', 'D', 'N', 'B', 'Q', 'R', 'V', 'L', 'H'];
const INP_ARGS = ['Paine', '4.20', '1.000', '1', '2', '0', '21%', '11%', 'buc', '', '-1', '1e3', '12.345', 'RO18547290', '99999999', 'Pâine albă', ';', '^'];

/** Random INP lines: FPrint lines mostly, with FiscalNet (caret) and EcrBridge (header) files now and then. */
export function randomInp(rng: Rng): string {
  const eol = rng.chance(0.5) ? '\r\n' : '\n';
  const lines: string[] = [];
  const dialect = rng.int(10);
  if (dialect === 0) {
    for (let i = 0, n = 1 + rng.int(8); i < n; i++)
      lines.push([rng.pick(['S', 'T', 'DV', 'MV', 'P', 'X', 'Z']), ...Array.from({ length: rng.int(7) }, () => rng.pick(INP_ARGS))].join('^'));
  } else if (dialect === 1) {
    lines.push(rng.pick(['FISCAL', 'FISCAL;RO18547290', 'TEXT', 'RD']));
    for (let i = 0, n = rng.int(8); i < n; i++)
      lines.push([rng.pick(['I', 'P', 'T', 'D', 'S']), ...Array.from({ length: rng.int(6) }, () => rng.pick(INP_ARGS))].join(';'));
  } else {
    for (let i = 0, n = 1 + rng.int(10); i < n; i++) {
      if (rng.chance(0.05)) {
        lines.push(rng.pick(['', '; comment', '// comment']));
        continue;
      }
      const args = Array.from({ length: rng.int(10) }, () => rng.pick(INP_ARGS));
      lines.push(`${rng.pick(INP_CMDS)},1,______,_,__;${args.join(';')}`);
    }
  }
  return lines.join(eol) + (rng.chance(0.8) ? eol : '');
}

/** JSON text of a value tree (numbers as written, "__proto__" keys kept as keys). */
function writeJson(v: LValue | string): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v === 'boolean') return String(v);
  if (isJsonNumber(v)) return v.text;
  if (Array.isArray(v)) return `[${v.map(writeJson).join(',')}]`;
  return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${writeJson(v[k] as LValue)}`).join(',')}}`;
}

const RAW = Symbol('raw');
type Node = LValue | { [RAW]: string };

/**
 * A seed body with one to three of its values replaced by random JSON (or keys dropped or added), deep inside its
 * structure: most such bodies get through the syntax check and the door's field lookup to the conversions behind.
 */
export function treeMutation(rng: Rng, seeds: readonly string[], keys: readonly string[]): string {
  let tree: LValue;
  try {
    tree = parseLenientJson(rng.pick(seeds));
  } catch {
    return randomJson(rng, keys);
  }
  const slots: Array<{ parent: LValue[] | Record<string, Node>; key: string | number }> = [];
  const walk = (v: LValue) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        slots.push({ parent: v, key: i });
        walk(x);
      });
    } else if (isLObject(v)) {
      for (const k of Object.keys(v)) {
        slots.push({ parent: v as Record<string, Node>, key: k });
        walk(v[k] as LValue);
      }
    }
  };
  walk(tree);
  for (let n = 1 + rng.int(3); n > 0 && slots.length > 0; n--) {
    const slot = rng.pick(slots);
    const raw = { [RAW]: randomJson(rng, keys, 3) } as unknown as LValue;
    const choice = rng.int(6);
    if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = raw;
    else if (choice === 0) delete slot.parent[slot.key as string];
    else if (choice === 1) Object.defineProperty(slot.parent, rng.chance(0.5) ? rng.pick(SPECIAL_KEYS) : rng.pick(keys), { value: raw, enumerable: true, configurable: true, writable: true });
    else slot.parent[slot.key as string] = raw as Node;
  }
  const write = (v: Node): string =>
    typeof v === 'object' && v !== null && RAW in v
      ? v[RAW]
      : Array.isArray(v)
        ? `[${v.map((x) => write(x as Node)).join(',')}]`
        : isLObject(v as LValue)
          ? `{${Object.keys(v as object).map((k) => `${JSON.stringify(k)}:${write((v as Record<string, Node>)[k] as Node)}`).join(',')}}`
          : writeJson(v as LValue);
  return write(tree);
}
