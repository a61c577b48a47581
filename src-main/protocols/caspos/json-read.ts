/**
 * Reading Caspos JSON. Numbers keep their source text (`Num`) so amounts become integer minor units from the
 * decimal text, never through a float. Two modes:
 *   strict  — standard JSON (the emulator reads requests this way, like a real JSON deserializer would);
 *   lenient — what the driver accepts from a device, and what the seed's examples need: `//` comments, trailing
 *             commas, a missing comma between members or elements, a string closed by a typographic quote at the
 *             end of a line (`"Versiya: 1.0.7.0”`), numbers like `1000.`, `00.0` and `- 0.8000001`.
 * Pure: no I/O.
 */

import {
  isJsonNumber,
  isJsonObject,
  JsonNumber,
  JsonSyntaxError,
  jsonText,
  setJsonProperty,
  type LObject,
  type LValue,
} from '../../domain/json-value.js';

/** A JSON number as written ("1000.", "0.5999999", "-0.8", "7045"). */
export { JsonNumber as Num };
export type JValue = LValue;
export type JObject = LObject;
export class CasposJsonError extends JsonSyntaxError {}

const STRICT_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LENIENT_NUMBER = /-[ \t]*\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const CLOSING_TYPOGRAPHIC = '\u201d';

export function parseCasposJson(text: string, opts: { lenient: boolean }): JValue {
  const lenient = opts.lenient;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: string): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new CasposJsonError(`${what} at line ${line}`, i);
  };

  /** Skip whitespace (and, leniently, `//` comments). Returns true when a line break was crossed. */
  const ws = (): boolean => {
    let newline = false;
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') newline = true;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (lenient && c === '/' && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n') i++;
      } else break;
    }
    return newline;
  };

  const parseString = (): string => {
    i++;
    let out = '';
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return out;
      }
      if (lenient && c === CLOSING_TYPOGRAPHIC && /^[ \t]*\r?\n/.test(text.slice(i + 1, i + 4))) {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const mapped = ESCAPES[e];
          if (mapped === undefined) fail('bad escape in a string');
          out += mapped;
          i += 2;
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20 && c !== '\t')
        fail(c === '\n' ? 'unterminated string' : 'control character in a string');
      out += c;
      i++;
    }
    return fail('unterminated string');
  };

  /** After a member/element: "," or the closer; leniently a missing comma before the next one. */
  const separator = (closer: '}' | ']', startsNext: (c: string | undefined) => boolean): 'next' | 'end' => {
    const newline = ws();
    if (text[i] === ',') {
      i++;
      ws();
      if (text[i] === closer) {
        if (!lenient) fail(`trailing comma before "${closer}"`);
        i++;
        return 'end';
      }
      return 'next';
    }
    if (text[i] === closer) {
      i++;
      return 'end';
    }
    if (lenient && (newline || text[i] === '"') && startsNext(text[i])) return 'next';
    return fail(`expected "," or "${closer}"`);
  };

  const parseValue = (depth: number): JValue => {
    if (depth > 64) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: JObject = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a "quoted" property name');
        const key = parseString();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        setJsonProperty(obj, key, parseValue(depth + 1));
        if (separator('}', (n) => n === '"') === 'end') return obj;
      }
    }
    if (c === '[') {
      i++;
      const arr: JValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        if (separator(']', (n) => n !== undefined && /["{[\-\dtfn]/.test(n)) === 'end') return arr;
      }
    }
    if (c === '"') return parseString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    const re = lenient ? LENIENT_NUMBER : STRICT_NUMBER;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) {
      i += m[0].length;
      return new JsonNumber(m[0].replace(/[ \t]/g, ''));
    }
    return fail(i >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
  };

  const value = parseValue(0);
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return value;
}

export const isJObject: (v: JValue | undefined) => v is JObject = isJsonObject;

/** Property lookup trying each spelling in turn (the seed spells some fields two ways). */
export function field(obj: JObject | null | undefined, ...names: string[]): JValue | undefined {
  if (!obj) return undefined;
  for (const n of names) if (Object.hasOwn(obj, n)) return obj[n];
  return undefined;
}

/** A value as text: strings as is, numbers as written, booleans as "true"/"false"; null/absent → undefined. */
export const textOf = jsonText;

/** Plain JavaScript value (numbers as JS numbers): for logs, tests and data nobody computes money with. */
export function toPlain(v: JValue): unknown {
  if (isJsonNumber(v)) return Number(v.text);
  if (Array.isArray(v)) return v.map(toPlain);
  if (isJObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  return v;
}
