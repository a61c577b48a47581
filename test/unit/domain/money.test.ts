import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, formatCents, lineTotalCents, parseDecimal, percentOfCents } from '../../../src-main/domain/money.js';

describe('money units', () => {
  it('rounds half up on the exact half and only there', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(15n, 10n)).toBe(2n);
    expect(divRoundHalfUp(-15n, 10n)).toBe(-2n);
  });

  it('computes line totals as round-half-up of qty × price / 1000', () => {
    expect(lineTotalCents(1000, 850)).toBe(850);
    expect(lineTotalCents(2000, 420)).toBe(840);
    expect(lineTotalCents(333, 100)).toBe(33); // 33.3 → 33
    expect(lineTotalCents(335, 100)).toBe(34); // 33.5 → 34
    expect(lineTotalCents(1234, 999)).toBe(1233); // 1232.766 → 1233
  });

  it('does not lose precision on large products', () => {
    // 99 999.999 × 999 999.99 would overflow a double's integer range.
    expect(lineTotalCents(99_999_999, 99_999_999)).toBe(9_999_999_800_000);
  });

  it('takes percentages in basis points, rounded half up', () => {
    expect(percentOfCents(1000, 1000)).toBe(100);
    expect(percentOfCents(995, 500)).toBe(50); // 49.75 → 50
    expect(percentOfCents(990, 500)).toBe(50); // 49.5 → 50
    expect(percentOfCents(989, 500)).toBe(49); // 49.45 → 49
  });

  it('parses decimal text exactly, never through floats', () => {
    expect(parseDecimal('12.34', 2)).toEqual({ ok: true, value: 1234 });
    expect(parseDecimal('0.1', 2)).toEqual({ ok: true, value: 10 });
    expect(parseDecimal('3.5', 3)).toEqual({ ok: true, value: 3500 });
    expect(parseDecimal('-7', 2)).toEqual({ ok: true, value: -700 });
    expect(parseDecimal('1.10', 1)).toEqual({ ok: true, value: 11 });
    expect(parseDecimal('4,20', 2, true)).toEqual({ ok: true, value: 420 });
    expect(parseDecimal('1.005', 2).ok).toBe(false);
    expect(parseDecimal('abc', 2).ok).toBe(false);
    expect(parseDecimal('', 2).ok).toBe(false);
    expect(parseDecimal('.', 2).ok).toBe(false);
    expect(parseDecimal('4,20', 2).ok).toBe(false);
  });

  it('formats cents back to text', () => {
    expect(formatCents(1234)).toBe('12.34');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-250)).toBe('-2.50');
  });
});
