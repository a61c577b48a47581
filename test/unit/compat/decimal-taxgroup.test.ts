import { describe, expect, it } from 'vitest';
import {
  centsToNumber,
  expandExponent,
  toBasisPoints,
  toCents,
  toThousandths,
} from '../../../src-main/doors/compat-shared/decimal.js';
import { JsonNumber } from '../../../src-main/doors/compat-shared/lenient-json.js';
import { taxGroupNumber, toTaxGroup } from '../../../src-main/doors/compat-shared/tax-group.js';

const n = (t: string) => new JsonNumber(t);

describe('decimal text → integer units, exactly', () => {
  it.each([
    ['12.34', 1234],
    ['2.00', 200],
    ['0.1', 10],
    ['-56.78', -5678],
    ['30', 3000],
    ['1e2', 10000],
    ['1.5E-1', 15],
    ['12.340000', 1234],
  ])('%s → %i cents', (text, cents) => {
    expect(toCents(n(text))).toEqual({ ok: true, value: cents });
  });

  it('quantities in thousandths and percentages in basis points', () => {
    expect(toThousandths(n('3.5'))).toEqual({ ok: true, value: 3500 });
    expect(toThousandths(n('0.001'))).toEqual({ ok: true, value: 1 });
    expect(toBasisPoints(n('15'))).toEqual({ ok: true, value: 1500 });
    expect(toBasisPoints(n('12.5'))).toEqual({ ok: true, value: 1250 });
  });

  it('refuses what cents cannot hold instead of rounding', () => {
    const r = toCents(n('12.345'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('more than 2 decimals');
    expect(toThousandths(n('1.0005')).ok).toBe(false);
  });

  it('takes XML text with a decimal comma, refuses non-numbers', () => {
    expect(toCents('12,34')).toEqual({ ok: true, value: 1234 });
    expect(toCents(' 7 ')).toEqual({ ok: true, value: 700 });
    expect(toCents('abc').ok).toBe(false);
    expect(toCents(true).ok).toBe(false);
    expect(toCents(undefined)).toEqual({ ok: false, reason: 'is missing' });
  });

  it('moves the decimal point of exponents in the text', () => {
    expect(expandExponent('1.25e2')).toBe('125');
    expect(expandExponent('5E-1')).toBe('0.5');
    expect(expandExponent('-1.5e-3')).toBe('-0.0015');
    expect(expandExponent('12')).toBe('12');
  });

  it('prints cents back as the JSON numbers the peers send', () => {
    expect([1234, 3000, 50, 0, -5678, 1].map(centsToNumber)).toEqual([12.34, 30, 0.5, 0, -56.78, 0.01]);
  });
});

describe('tax groups', () => {
  it('maps 1…8, А…З and A…H to A…H', () => {
    expect(['1', '2', '8'].map((t) => toTaxGroup(n(t)))).toEqual([
      { ok: true, group: 'A' },
      { ok: true, group: 'B' },
      { ok: true, group: 'H' },
    ]);
    expect(['А', 'Б', 'В', 'З', 'б'].map((t) => (toTaxGroup(t) as { group: string }).group)).toEqual([
      'A',
      'B',
      'C',
      'H',
      'B',
    ]);
    expect(['a', 'H', '2'].map((t) => (toTaxGroup(t) as { group: string }).group)).toEqual(['A', 'H', 'B']);
  });

  it('names what it cannot map', () => {
    for (const bad of [n('0'), n('9'), 'I', 'Й', '', n('2.5')]) {
      const r = toTaxGroup(bad);
      expect(r.ok).toBe(false);
    }
    expect(taxGroupNumber('c')).toBe(3);
  });
});
