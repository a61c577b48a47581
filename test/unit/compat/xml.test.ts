import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonNumber, parseLenientJson, type LValue } from '../../../src-main/doors/compat-shared/lenient-json.js';
import {
  parseXmlBody,
  renderXml,
  XmlBodyError,
  xmlName,
  type OutValue,
} from '../../../src-main/doors/compat-shared/xml.js';

const seedsDir = join(import.meta.dirname, '..', '..', 'fixtures', 'compat', 'seeds');
const blocks = (file: string) =>
  [...readFileSync(join(seedsDir, file), 'utf8').matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2] ?? '');
const toOut = (v: LValue): OutValue => {
  if (v instanceof JsonNumber) return Number(v.text);
  if (Array.isArray(v)) return v.map(toOut);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toOut(x)]));
  return v;
};

describe('format=xml answers', () => {
  it.each([
    ['001_957c671f79283717.txt', 1, 3],
    ['003_963be5d2d35a8fd3.txt', 1, 3],
  ])("render the JSON answer of %s byte for byte as the seed's XML", (file, jsonBlock, xmlBlock) => {
    const b = blocks(file);
    const json = toOut(parseLenientJson(b[jsonBlock] ?? '')) as { [k: string]: OutValue };
    expect(renderXml(json)).toBe(b[xmlBlock]);
  });

  it('writes arrays as repeated elements, empty strings and empty arrays as nothing or self-closing tags, escapes text', () => {
    expect(renderXml({ Ok: false, Headers: ['A & B', '', '<x>'], Footers: [], Empty: {}, N: null })).toBe(
      '<Root>\n   <Ok __json__bool="1">0</Ok>\n   <Headers>A &amp; B</Headers>\n   <Headers />\n   <Headers>&lt;x&gt;</Headers>\n   <Empty />\n   <N />\n</Root>\n',
    );
  });

  it('turns keys into valid element names', () => {
    expect(xmlName('Casa 1')).toBe('Casa_1');
    expect(xmlName('1abc')).toBe('_1abc');
    expect(xmlName('ИМЕ')).toBe('ИМЕ');
  });
});

describe('XML request bodies', () => {
  it("read the seed's own XML back into values: booleans, empty elements, repeated elements", () => {
    const v = parseXmlBody(blocks('001_957c671f79283717.txt')[7] ?? '') as Record<string, unknown>;
    expect(v.Ok).toBe(true);
    expect(v.Headers).toEqual(['ИМЕ НА ФИРМА', 'АДРЕС НА ФИРМА', 'ИМЕ НА ОБЕКТ', 'АДРЕС НА ОБЕКТ', '', '']);
    expect(v.ReceiptNo).toBe('0000081');
  });

  it('unwrap any root element, keep a single row as an object, reject broken XML', () => {
    expect(parseXmlBody('<Request><Amount>12.34</Amount></Request>')).toEqual({ Amount: '12.34' });
    expect(parseXmlBody('<Root><Rows><ItemName>A</ItemName></Rows></Root>')).toEqual({ Rows: { ItemName: 'A' } });
    expect(parseXmlBody('<Root/>')).toEqual({});
    expect(() => parseXmlBody('<Root><a></Root>')).toThrow(XmlBodyError);
    expect(() => parseXmlBody('<!DOCTYPE r [<!ENTITY a "aaaa">]><Root><x>&a;</x></Root>')).toThrow('DOCTYPE');
  });
});
