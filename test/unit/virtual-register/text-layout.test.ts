import { describe, expect, it } from 'vitest';
import { itemLines, PRINT_COLUMNS, twoColumns, vatIncluded, wrap } from '../../../src-main/emulators/virtual-register/text-layout.js';
import { serialFromDeviceId } from '../../../src-main/emulators/virtual-register/register-state.js';
import { parseLocalIso, toLocalIso } from '../../../src-main/emulators/virtual-register/register-clock.js';

describe('virtual register: text layout and helpers', () => {
  it('wraps at spaces within the roll width, and hard-cuts a word longer than a line', () => {
    expect(wrap('scurt')).toEqual(['scurt']);
    const words = wrap('alfa beta gama delta epsilon zeta eta theta iota kappa lambda');
    expect(words.every((l) => l.length <= PRINT_COLUMNS)).toBe(true);
    expect(words.join(' ')).toBe('alfa beta gama delta epsilon zeta eta theta iota kappa lambda');
    expect(wrap('x'.repeat(100))).toEqual(['x'.repeat(42), 'x'.repeat(42), 'x'.repeat(16)]);
  });

  it('puts text left and amount right on one line, cutting the text when needed', () => {
    const l = twoColumns('TOTAL', '12.34');
    expect(l).toHaveLength(PRINT_COLUMNS);
    expect(l.startsWith('TOTAL ')).toBe(true);
    expect(l.endsWith('12.34')).toBe(true);
    const long = twoColumns('y'.repeat(60), '1.00 A');
    expect(long).toHaveLength(PRINT_COLUMNS);
    expect(long.endsWith(' 1.00 A')).toBe(true);
  });

  it('prints quantity lines only for quantities other than 1, and wraps long names', () => {
    expect(itemLines({ description: 'Pâine', quantity_thousandths: 1000, unit_price_cents: 450, vat_group: 'B' }, 450, null)).toHaveLength(1);
    const lines = itemLines(
      { description: 'Ciocolată cu lapte și alune de pădure întregi, 100 g', quantity_thousandths: 1500, unit_price_cents: 999, vat_group: 'A', um: 'kg' },
      1499,
      { cents: -150, label: 'Reducere 10.00%' },
    );
    expect(lines[0]).toBe('1.500 kg x 9.99');
    expect(lines.length).toBe(4); // quantity, name over two lines (the last with the amount), discount
    expect(lines[2]?.endsWith('14.99 A')).toBe(true);
    expect(lines[3]?.endsWith('-1.50 A')).toBe(true);
  });

  it('computes the VAT included in a gross amount, rounded half up', () => {
    expect(vatIncluded(12_100, 2100)).toBe(2100);
    expect(vatIncluded(100, 2100)).toBe(17); // 17.355 → 17
    expect(vatIncluded(111, 1100)).toBe(11); // 11.0 exactly
    expect(vatIncluded(5, 1100)).toBe(0); // 0.495 → 0
    expect(vatIncluded(500, 0)).toBe(0);
  });

  it('derives SIM + 7 digit serials and round-trips local date-times', () => {
    expect(serialFromDeviceId('0000000000ff0000')).toBe('SIM0000255');
    expect(serialFromDeviceId('ffffffffffffffff')).toMatch(/^SIM\d{7}$/);
    const d = parseLocalIso('2026-07-31T23:59:59');
    expect(d && toLocalIso(d)).toBe('2026-07-31T23:59:59');
    expect(parseLocalIso('2026-13-01T00:00:00')).toBeNull();
  });
});
