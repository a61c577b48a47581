/**
 * A lenient JSON reader for the compatible doors. It accepts what the ErpNet.FP and UcsFPHub seeds send —
 * standard JSON plus trailing commas in objects and arrays and a leading BOM — and keeps every number as its
 * source text (`JsonNumber`) so decimals are converted to cents/thousandths exactly, never through a float.
 * A property named "__proto__" is defined as a plain property, never run through the prototype setter, numbers are
 * tested by their exact type, and `reservedKeyPath` finds names such as "__proto__" so the doors refuse them like any
 * unknown field. Pure: no I/O.
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

export { JsonNumber, type LObject, type LValue, isJsonNumber, isJsonObject as isLObject, jsonText as asText, setJsonProperty as setProperty };

/** Names no client of these protocols sends, that mean something to JavaScript objects. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The path (`items[0].unitPrice.__proto__`) of the first property with a reserved name, or null. */
export function reservedKeyPath(v: LValue, path = ''): string | null {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const found = reservedKeyPath(x, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (!isJsonObject(v)) return null;
  for (const k of Object.keys(v)) {
    const here = path ? `${path}.${k}` : k;
    if (RESERVED_KEYS.has(k)) return here;
    const found = reservedKeyPath(v[k] as LValue, here);
    if (found) return found;
  }
  return null;
}

export class LenientJsonError extends JsonSyntaxError {}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseLenientJson(text: string): LValue {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: string): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new LenientJsonError(`${what} at line ${line}, offset ${i}`, i);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };

  const parseString = (): string => {
    i++; // opening quote
    let out = '';
    let start = i;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === '\\') {
        out += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            i -= 1;
            fail('bad escape in string');
        }
        start = i;
        continue;
      }
      if (c !== undefined && c.charCodeAt(0) < 0x20 && c !== '\t') fail('control character in string');
      i++;
    }
    return fail('unterminated string');
  };

  const parseValue = (depth: number): LValue => {
    if (depth > 64) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: LObject = {};
      ws();
      while (text[i] !== '}') {
        if (text[i] !== '"') fail('expected a "quoted" property name');
        const key = parseString();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        setJsonProperty(obj, key, parseValue(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          continue; // a trailing comma is allowed: the loop sees "}" next
        }
        if (text[i] !== '}') fail('expected "," or "}"');
      }
      i++;
      return obj;
    }
    if (c === '[') {
      i++;
      const arr: LValue[] = [];
      ws();
      while (text[i] !== ']') {
        arr.push(parseValue(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          continue;
        }
        if (text[i] !== ']') fail('expected "," or "]"');
      }
      i++;
      return arr;
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(text);
    if (m) {
      i += m[0].length;
      return new JsonNumber(m[0]);
    }
    return fail(i >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
  };

  const value = parseValue(0);
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return value;
}

/** Case-insensitive property lookup (ASP.NET Core and UcsFPHub both bind names case-insensitively). */
export function prop(obj: LObject, name: string): LValue | undefined {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/** Truthy flags: true, 1, "1", "true" (XML bodies carry booleans as text). */
export function asFlag(v: LValue | undefined): boolean {
  if (v === true) return true;
  const t = jsonText(v)?.trim().toLowerCase();
  return t === '1' || t === 'true' || t === '-1';
}

/** A single value where an array is expected becomes a one-element array (XML bodies repeat elements). */
export function asArray(v: LValue | undefined): LValue[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}
