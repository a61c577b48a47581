/** `__proto__` and friends in the compatible doors' bodies: defined as data, never as a prototype, and refused. */
import { describe, expect, it } from 'vitest';
import { parseBodyText } from '../../../src-main/doors/compat-shared/body.js';
import { toCents } from '../../../src-main/doors/compat-shared/decimal.js';
import { isJsonNumber, isLObject, JsonNumber, parseLenientJson, reservedKeyPath, type LObject } from '../../../src-main/doors/compat-shared/lenient-json.js';
import { parseXmlBody } from '../../../src-main/doors/compat-shared/xml.js';

describe('the lenient JSON reader', () => {
  it('keeps "__proto__" as an own property and leaves the prototype alone', () => {
    const v = parseLenientJson('{"__proto__":1,"text":"12.34"}') as LObject;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'text']);
    expect(isJsonNumber(v)).toBe(false);
    expect(v instanceof JsonNumber).toBe(false);
    expect(isLObject(v)).toBe(true);
    expect(toCents(v)).toEqual({ ok: false, reason: 'must be a number' });
    const w = parseLenientJson('{"__proto__":{"polluted":1}}') as LObject;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((w as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks the number type exactly', () => {
    expect(isJsonNumber(new JsonNumber('1'))).toBe(true);
    const fake = Object.create(new JsonNumber('1')) as object;
    expect(fake instanceof JsonNumber).toBe(true); // what the old check accepted
    expect(isJsonNumber(fake)).toBe(false);
    expect(isJsonNumber({ text: '1' })).toBe(false);
    expect(isJsonNumber(null)).toBe(false);
  });

  it('finds reserved names with their path', () => {
    expect(reservedKeyPath(parseLenientJson('{"items":[{"a":1},{"unitPrice":{"__proto__":1}}]}'))).toBe('items[1].unitPrice.__proto__');
    expect(reservedKeyPath(parseLenientJson('{"constructor":{}}'))).toBe('constructor');
    expect(reservedKeyPath(parseLenientJson('[{"prototype":1}]'))).toBe('[0].prototype');
    expect(reservedKeyPath(parseLenientJson('{"Constructor":1,"proto":2}'))).toBeNull();
  });
});

describe('compatible-door bodies', () => {
  it('refuse reserved names in JSON like an unknown field', () => {
    expect(parseBodyText('{"items":[{"unitPrice":{"__proto__":1,"text":{}}}]}', { allowXml: false })).toEqual({
      ok: false,
      error: 'items[0].unitPrice.__proto__: is not a known field',
    });
    expect(parseBodyText('{"constructor":1}', { allowXml: true })).toEqual({ ok: false, error: 'constructor: is not a known field' });
    expect(parseBodyText('{"Rows":[{"Price":1}]}', { allowXml: true }).ok).toBe(true);
  });

  it('refuse reserved element names in XML, naming them', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const r = parseBodyText(`<Root><Rows><${name}>1</${name}></Rows></Root>`, { allowXml: true });
      expect(r).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^${name}: is not a known field`)) });
    }
    const v = parseXmlBody('<Root><Rows><Price>1</Price></Rows></Root>') as LObject;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });
});
