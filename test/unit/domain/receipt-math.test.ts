import { describe, expect, it } from 'vitest';
import { computeReceipt, spreadProportionally } from '../../../src-main/domain/receipt-math.js';
import { resolveVat, SEED_VAT_RATES } from '../../../src-main/domain/vat.js';
import type { ReceiptLine } from '../../../src-main/domain/operations.js';

const vat = (v: string) => resolveVat(v, SEED_VAT_RATES);
const item = (q: number, p: number, v = 'A', extra: Partial<ReceiptLine> = {}): ReceiptLine =>
  ({ type: 'item', description: 'x', quantity_thousandths: q, unit_price_cents: p, vat: v, ...extra }) as ReceiptLine;

describe('receipt arithmetic', () => {
  it('sums lines, gives change in cash only', () => {
    const r = computeReceipt({ lines: [item(2000, 420), item(1000, 690, 'B')], payments: [{ method: 'cash', amount_cents: 2000 }] }, vat);
    expect(r.ok && r.totals).toMatchObject({ total_cents: 1530, change_cents: 470, by_vat_group: { A: 840, B: 690 } });
  });

  it('applies per-line and subtotal discounts, rounding half up', () => {
    const r = computeReceipt(
      {
        lines: [
          item(1000, 995, 'A', { discount: { kind: 'percent', basis_points: 500 } }), // 9.95 - 0.50 (0.4975)
          item(1000, 1000, 'B'),
          { type: 'subtotal', discount: { kind: 'amount', amount_cents: 100 } },
        ],
      },
      vat,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.totals.total_cents).toBe(945 + 1000 - 100);
    expect((r.totals.by_vat_group.A ?? 0) + (r.totals.by_vat_group.B ?? 0)).toBe(1845);
  });

  it('surcharges add', () => {
    const r = computeReceipt({ lines: [item(1000, 1000)], receipt_discount: { kind: 'percent', basis_points: 1000, is_surcharge: true } }, vat);
    expect(r.ok && r.totals.total_cents).toBe(1100);
  });

  it('refuses a second subtotal discount, insufficient payments, non-cash over the total, unknown VAT', () => {
    const two = computeReceipt(
      {
        lines: [
          item(1000, 1000),
          { type: 'subtotal', discount: { kind: 'amount', amount_cents: 1 } },
          { type: 'subtotal', discount: { kind: 'amount', amount_cents: 1 } },
        ],
      },
      vat,
    );
    expect(two).toMatchObject({ ok: false, error: { path: 'lines[2].discount' } });
    expect(computeReceipt({ lines: [item(1000, 1000)], payments: [{ method: 'cash', amount_cents: 999 }] }, vat)).toMatchObject({
      ok: false,
      error: { path: 'payments' },
    });
    expect(computeReceipt({ lines: [item(1000, 1000)], payments: [{ method: 'card', amount_cents: 1001 }] }, vat)).toMatchObject({
      ok: false,
      error: { path: 'payments' },
    });
    expect(computeReceipt({ lines: [item(1000, 1000, '21%')] }, vat)).toMatchObject({ ok: false, error: { path: 'lines[0].vat' } });
  });

  it('refuses a receipt discount on top of a discounted subtotal (registers take one)', () => {
    const r = computeReceipt(
      { lines: [item(1000, 1000), { type: 'subtotal', discount: { kind: 'amount', amount_cents: 1 } }], receipt_discount: { kind: 'amount', amount_cents: 1 } },
      vat,
    );
    expect(r).toMatchObject({ ok: false, error: { path: 'receipt_discount' } });
  });

  it('refuses totals that overflow', () => {
    const r = computeReceipt({ lines: [item(99_999_999, 99_999_999)] }, vat);
    expect(r).toMatchObject({ ok: false, error: { path: 'lines[0]' } });
  });

  it('spreads an amount proportionally with the exact sum', () => {
    const s = spreadProportionally(-100, { A: 333, B: 333, C: 334 });
    expect(Object.values(s).reduce((a, b) => a + b, 0)).toBe(-100);
    const t = spreadProportionally(7, { A: 1, B: 1 });
    expect((t.A ?? 0) + (t.B ?? 0)).toBe(7);
  });
});

describe('VAT resolution', () => {
  it('maps percentages and letters to programmed groups', () => {
    expect(resolveVat('19%', SEED_VAT_RATES)).toEqual({ group: 'A' });
    expect(resolveVat('5.00 %', SEED_VAT_RATES)).toEqual({ group: 'B' });
    expect(resolveVat('b', SEED_VAT_RATES)).toEqual({ group: 'B' });
    expect(resolveVat('0%', SEED_VAT_RATES)).toEqual({ group: 'C' });
  });
  it('names what the device has when a rate is missing', () => {
    const r = resolveVat('21%', SEED_VAT_RATES);
    expect('error' in r && r.error).toContain('A=19%');
    expect('error' in resolveVat('D', SEED_VAT_RATES)).toBe(true);
  });
});

describe('payment order', () => {
  it('non-cash payments go first, then cash (a card after covering cash would be refused after the charge)', async () => {

    const r = computeReceipt(
      {
        lines: [{ type: 'item', description: 'x', quantity_thousandths: 1000, unit_price_cents: 3500, vat: 'A' }],
        payments: [
          { method: 'cash', amount_cents: 3000 },
          { method: 'card', amount_cents: 1000 },
        ],
      },
      () => ({ group: 'A' }),
    );
    expect(r.ok && r.totals.payments.map((p) => p.method)).toEqual(['card', 'cash']);
    expect(r.ok && r.totals.change_cents).toBe(500);
  });
});
