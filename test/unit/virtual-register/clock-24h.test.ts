import { describe, expect, it } from 'vitest';
import { codeOf, makeRegister, quickReceipt, sellOne } from './helpers.js';

const HOUR = 3600 * 1000;

describe('virtual register: clock and the 24-hour Z rule', () => {
  it('sets the clock and keeps running from there; refuses invalid text', () => {
    const r = makeRegister();
    expect(r.status().datetime).toBe('2026-01-15T09:00:00');
    r.setDateTime('2026-03-01T12:30:00');
    expect(r.status().datetime).toBe('2026-03-01T12:30:00');
    r.advanceClock(90 * 60 * 1000);
    expect(r.status().datetime).toBe('2026-03-01T14:00:00');
    r.setDateTime('2026-03-02 08:15');
    expect(r.status().datetime).toBe('2026-03-02T08:15:00');
    expect(codeOf(() => r.setDateTime('2026-02-30T10:00:00'))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.setDateTime('yesterday'))).toBe('INVALID_VALUE');
  });

  it('refuses a clock earlier than the last Z report', () => {
    const r = makeRegister();
    r.zReport();
    expect(codeOf(() => r.setDateTime('2026-01-14T09:00:00'))).toBe('INVALID_VALUE');
    r.setDateTime('2026-01-15T10:00:00');
    expect(r.status().datetime).toBe('2026-01-15T10:00:00');
  });

  it('stamps receipts with the register clock', () => {
    const r = makeRegister();
    r.advanceClock(5 * HOUR);
    expect(quickReceipt(r).datetime).toBe('2026-01-15T14:00:00');
  });

  it('blocks sales 24 h after the first receipt following the last Z, until a Z report', () => {
    const r = makeRegister();
    r.advanceClock(30 * HOUR); // long after start, but no receipt yet: no block
    expect(r.status().z_required).toBe(false);
    quickReceipt(r); // the 24-hour count starts here
    r.advanceClock(23 * HOUR);
    expect(r.status().z_required).toBe(false);
    quickReceipt(r);
    r.advanceClock(HOUR);
    expect(r.status()).toMatchObject({ z_required: true });
    expect(codeOf(() => r.openFiscalReceipt({}))).toBe('Z_REQUIRED');
    expect(codeOf(() => r.openFiscalReceipt({ refund: true }))).toBe('Z_REQUIRED');
    // non-sales work still runs
    expect(r.xReport().totals.receipts).toBe(2);
    r.openNonFiscal();
    r.closeNonFiscal();
    expect(r.zReport().z_number).toBe(1);
    expect(r.status()).toMatchObject({ z_required: false, hours_since_z: 0 });
    expect(quickReceipt(r).receipt_number).toBe(3);
  });

  it('refuses further sales in a receipt that stays open past the 24 h mark', () => {
    const r = makeRegister();
    quickReceipt(r);
    r.advanceClock(23 * HOUR);
    r.openFiscalReceipt({});
    sellOne(r);
    r.advanceClock(2 * HOUR);
    expect(codeOf(() => sellOne(r))).toBe('Z_REQUIRED');
    expect(r.cancelReceipt().cancelled).toBe(true);
  });

  it('reports hours since the last Z', () => {
    const r = makeRegister();
    r.zReport();
    r.advanceClock(5.5 * HOUR);
    expect(r.status().hours_since_z).toBe(5.5);
  });
});
