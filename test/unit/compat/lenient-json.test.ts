import { describe, expect, it } from 'vitest';
import {
  asArray,
  asFlag,
  asText,
  JsonNumber,
  LenientJsonError,
  parseLenientJson,
  prop,
  type LObject,
} from '../../../src-main/doors/compat-shared/lenient-json.js';

describe('parseLenientJson', () => {
  it('accepts trailing commas in objects and arrays, as the UcsFPHub seeds write them', () => {
    const v = parseLenientJson('{ "Rows": [ { "Price": 12.34, }, [ "P", 2.00 ], ], }') as LObject;
    const rows = v.Rows as unknown[];
    expect(rows).toHaveLength(2);
    expect((rows[0] as LObject).Price).toEqual(new JsonNumber('12.34'));
    expect((rows[1] as unknown[])[1]).toEqual(new JsonNumber('2.00'));
  });

  it('keeps every number as written', () => {
    const v = parseLenientJson('[0.1, -56.78, 1e2, 3.50, 12345678901234567890]') as JsonNumber[];
    expect(v.map((n) => n.text)).toEqual(['0.1', '-56.78', '1e2', '3.50', '12345678901234567890']);
  });

  it('reads strings with escapes, unicode, a BOM and literals', () => {
    const v = parseLenientJson('\uFEFF{"a":"Клиентска \\"карта\\"\\n\\u0041","b":true,"c":false,"d":null}') as LObject;
    expect(v).toEqual({ a: 'Клиентска "карта"\nA', b: true, c: false, d: null });
  });

  it.each([
    ['{"a": 1', 'expected "," or "}"'],
    ['{"a" 1}', 'expected ":"'],
    ['{a: 1}', 'quoted'],
    ['[1 2]', 'expected "," or "]"'],
    ['"abc', 'unterminated string'],
    ['{"a": 01}', 'expected "," or "}"'],
    ['{} x', 'after the JSON value'],
    ['[,]', 'unexpected character'],
  ])('rejects %s', (text, message) => {
    expect(() => parseLenientJson(text)).toThrow(LenientJsonError);
    expect(() => parseLenientJson(text)).toThrow(message);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => parseLenientJson('['.repeat(100) + ']'.repeat(100))).toThrow('nesting too deep');
  });
});

describe('value helpers', () => {
  it('looks properties up in any case, exact names first', () => {
    const o = parseLenientJson('{"itemName":"x","ItemName":"y","PRICE":1}') as LObject;
    expect(prop(o, 'ItemName')).toBe('y');
    expect(prop(o, 'price')).toEqual(new JsonNumber('1'));
    expect(prop(o, 'missing')).toBeUndefined();
  });

  it('reads flags, texts and arrays the way JSON and XML bodies carry them', () => {
    expect([true, '1', 'true', 'TRUE', new JsonNumber('1')].map((v) => asFlag(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([false, '0', 'no', null, undefined].map((v) => asFlag(v))).toEqual([false, false, false, false, false]);
    expect(asText(new JsonNumber('5.67'))).toBe('5.67');
    expect(asText({})).toBeUndefined();
    expect(asArray('one')).toEqual(['one']);
    expect(asArray(undefined)).toEqual([]);
  });
});
