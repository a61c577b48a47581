import { describe, expect, it } from 'vitest';
import {
  classicDiscountSuffix,
  docTypeFromCode,
  fromDatecsDateTime,
  groupForTaxCd,
  methodForClassicLetter,
  methodForXMode,
  parseAmount,
  parseClassicDiscount,
  parseQuantity,
  parseXDiscount,
  taxCdForGroup,
  toDatecsDate,
  toDatecsDateTime,
  xDiscountParams,
} from '../../../src-main/protocols/datecs/values.js';
import { garble, WireFaultPlan } from '../../../src-main/emulators/datecs/wire-faults.js';
import { exchangeTiming, wireMs } from '../../../src-main/emulators/datecs/timing.js';
import { decodePacket, encodePacket } from '../../../src-main/protocols/datecs/frame.js';
import { encodeStatus, IDLE_FLAGS } from '../../../src-main/protocols/datecs/status.js';

describe('Datecs value formats', () => {
  it('date-times both ways, with DST suffix and 4-digit years', () => {
    expect(toDatecsDateTime('2026-11-22T14:05:09')).toBe('22-11-26 14:05:09');
    expect(toDatecsDateTime('2026-11-22 14:05')).toBe('22-11-26 14:05:00');
    expect(fromDatecsDateTime('22-11-26 14:05:09')).toBe('2026-11-22T14:05:09');
    expect(fromDatecsDateTime('01-07-25 08:00:00 DST')).toBe('2025-07-01T08:00:00');
    expect(fromDatecsDateTime('22-11-2026 14:05:09')).toBe('2026-11-22T14:05:09');
    expect(fromDatecsDateTime('22-11-26')).toBe('2026-11-22T00:00:00');
    expect(fromDatecsDateTime('2026-11-22')).toBeNull();
    expect(toDatecsDate('2026-01-31')).toBe('31-01-26');
    expect(() => toDatecsDateTime('yesterday')).toThrow(RangeError);
  });
  it('amounts and quantities are exact integers', () => {
    expect(parseAmount('12.34')).toBe(1234);
    expect(parseAmount('-1.5')).toBe(-150);
    expect(parseAmount('1.234')).toBeNull();
    expect(parseQuantity('')).toBe(1000);
    expect(parseQuantity('2.5')).toBe(2500);
  });
  it('VAT group letters ↔ X TaxCd digits', () => {
    expect(['A', 'B', 'C', 'H'].map(taxCdForGroup)).toEqual(['1', '2', '3', '8']);
    expect(groupForTaxCd('2')).toBe('B');
    expect(groupForTaxCd('9')).toBeNull();
    expect(groupForTaxCd('A')).toBeNull();
    expect(() => taxCdForGroup('Z')).toThrow(RangeError);
  });
  it('X discount types 1 +% 2 −% 3 +value 4 −value round-trip', () => {
    const cases = [
      { kind: 'percent' as const, basis_points: 1050, surcharge: true },
      { kind: 'percent' as const, basis_points: 500, surcharge: false },
      { kind: 'amount' as const, amount_cents: 199, surcharge: true },
      { kind: 'amount' as const, amount_cents: 100, surcharge: false },
    ];
    expect(cases.map((c) => xDiscountParams(c))).toEqual([
      ['1', '10.50'],
      ['2', '5.00'],
      ['3', '1.99'],
      ['4', '1.00'],
    ]);
    for (const c of cases) {
      const [t, v] = xDiscountParams(c);
      expect(parseXDiscount(t, v)).toEqual(c);
      expect(parseClassicDiscount(classicDiscountSuffix(c))).toEqual(c);
    }
    expect(xDiscountParams(undefined)).toEqual(['0', '']);
    expect(parseXDiscount('0', '')).toBeUndefined();
    expect(parseXDiscount('0', '5')).toBeNull();
    expect(parseXDiscount('7', '5')).toBeNull();
    expect(classicDiscountSuffix({ kind: 'amount', amount_cents: 100, surcharge: false })).toBe(';-1.00');
  });
  it('payment modes and EJ document types', () => {
    expect(methodForXMode(0)).toBe('cash');
    expect(methodForXMode(3)).toBe('meal_voucher');
    expect(methodForXMode(9)).toBeNull();
    expect(methodForClassicLetter('P')).toBe('cash');
    expect(methodForClassicLetter('Q')).toBeNull();
    expect(docTypeFromCode('2')).toBe('z_reports');
    expect(docTypeFromCode('7')).toBeNull();
  });
});

describe('emulator fault plan and timing (pure)', () => {
  it('fires on the Nth matching new request and affects `count` packets including resends', () => {
    const plan = new WireFaultPlan();
    plan.inject({ kind: 'drop', cmd: 49, occurrence: 2, count: 2 });
    expect(plan.onRequest(48, true).drop).toBe(false);
    expect(plan.onRequest(49, true).drop).toBe(false);
    expect(plan.onRequest(49, true).drop).toBe(true);
    expect(plan.onRequest(49, false).drop).toBe(true);
    expect(plan.onRequest(49, false).drop).toBe(false);
    expect(plan.pending).toBe(0);
  });
  it('a NAK storm answers NAK before anything else; disconnect and paper-out fire once', () => {
    const plan = new WireFaultPlan();
    plan.inject({ kind: 'nak', count: 3 });
    plan.inject({ kind: 'disconnect', cmd: 56, duration_ms: 50, execute: false });
    plan.inject({ kind: 'paper_out', cmd: 56, at_line: 4 });
    expect([1, 2, 3].map(() => plan.onRequest(74, true).nak)).toEqual([true, true, true]);
    expect(plan.onRequest(74, true).nak).toBe(false);
    const f = plan.onRequest(56, true);
    expect(f.disconnect).toEqual({ durationMs: 50, execute: false });
    expect(f.paperOutAtLine).toBe(4);
    expect(plan.onRequest(56, true).disconnect).toBeNull();
  });
  it('garble breaks the BCC of a valid packet', () => {
    const p = encodePacket({ framing: 'x', seq: 0x30, cmd: 48, data: Buffer.from('0\t1\t', 'latin1'), status: encodeStatus('x', IDLE_FLAGS) });
    expect(decodePacket(p, 'x', 'response').ok).toBe(true);
    expect(decodePacket(garble(p), 'x', 'response').ok).toBe(false);
  });
  it('wire time is 10 bits per byte at the baud; print time only for executed commands', () => {
    expect(wireMs(1152, 115_200)).toBeCloseTo(100, 6);
    expect(wireMs(100, 0)).toBe(0);
    const t = { baud: 9600, per_line_ms: 25, per_command_ms: 2 };
    expect(exchangeTiming(t, 96, 48, 4, true)).toEqual({ busyMs: 100 + 2 + 100, replyMs: 50 });
    expect(exchangeTiming(t, 96, 48, 4, false)).toEqual({ busyMs: 100, replyMs: 50 });
  });
});

describe('text wrapping to the register width', () => {
  it('wraps at spaces, cuts words longer than the line, keeps short text whole', async () => {
    const { wrapText } = await import('../../../src-main/protocols/datecs/wrap.js');
    expect(wrapText('Vă mulțumim pentru cumpărături', 12)).toEqual(['Vă mulțumim', 'pentru', 'cumpărături']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('scurt', 30)).toEqual(['scurt']);
    expect(wrapText('', 30)).toEqual(['']);
    for (const l of wrapText('a '.repeat(40), 7)) expect(l.length).toBeLessThanOrEqual(7);
  });
});
