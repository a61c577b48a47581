import { describe, expect, it } from 'vitest';
import { computeReceipt } from '../../../src-main/domain/receipt-math.js';
import type { Discount, Payment, ReceiptLine } from '../../../src-main/domain/operations.js';
import { resolveVat, ROMANIA_VAT_RATES, SEED_VAT_RATES } from '../../../src-main/domain/vat.js';
import type { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import type { SellInput } from '../../../src-main/emulators/virtual-register/register-api.js';
import { codeOf, makeRegister } from './helpers.js';

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

function randomDiscount(r: (n: number) => number): Discount | undefined {
  switch (r(4)) {
    case 0:
      return { kind: 'percent', basis_points: 1 + r(5000), is_surcharge: r(4) === 0 };
    case 1:
      return { kind: 'amount', amount_cents: 1 + r(50), is_surcharge: r(3) === 0 };
    default:
      return undefined;
  }
}

const toAdj = (d: Discount | undefined): SellInput['adjustment'] =>
  d === undefined
    ? undefined
    : d.kind === 'percent'
      ? { kind: 'percent', basis_points: d.basis_points, surcharge: d.is_surcharge ?? false }
      : { kind: 'amount', amount_cents: d.amount_cents, surcharge: d.is_surcharge ?? false };

function randomReceipt(r: (n: number) => number, groups: string[]) {
  const lines: ReceiptLine[] = [];
  let subtotalDiscount = false;
  const n = 1 + r(8);
  for (let i = 0; i < n; i++) {
    const d = randomDiscount(r);
    // keep amount discounts below the line total so the receipt stays valid
    const price = 100 + r(20_000);
    const qty = 500 + r(5000); // ≥ 0.5 × 1.00, so an amount discount (≤ 0.50) never exceeds the line
    lines.push({
      type: 'item',
      description: `Art ${i}`,
      quantity_thousandths: qty,
      unit_price_cents: price,
      vat: groups[r(groups.length)] ?? 'A',
      ...(d ? { discount: d } : {}),
    });
    if (i > 0 && !subtotalDiscount && r(4) === 0) {
      subtotalDiscount = true;
      lines.push({ type: 'subtotal', discount: { kind: 'percent', basis_points: 1 + r(3000), is_surcharge: r(3) === 0 } });
    }
  }
  const receipt_discount = !subtotalDiscount && r(3) === 0 ? ({ kind: 'percent', basis_points: 1 + r(2000) } as Discount) : undefined;
  return { lines, receipt_discount };
}

function runOnRegister(reg: VirtualRegister, lines: ReceiptLine[], receiptDiscount: Discount | undefined, payments: Payment[]) {
  reg.openFiscalReceipt({});
  for (const l of lines) {
    if (l.type === 'item') {
      const adjustment = toAdj(l.discount);
      reg.sell({
        description: l.description,
        quantity_thousandths: l.quantity_thousandths,
        unit_price_cents: l.unit_price_cents,
        vat_group: l.vat,
        ...(adjustment ? { adjustment } : {}),
      });
    } else if (l.type === 'subtotal') reg.subtotal(toAdj(l.discount));
  }
  if (receiptDiscount) reg.subtotal(toAdj(receiptDiscount));
  for (const p of payments) reg.pay(p.method, p.amount_cents);
  return reg.closeReceipt();
}

describe('virtual register: arithmetic matches domain receipt-math', () => {
  it('agrees with computeReceipt on 200 random receipts (totals, change, per-VAT-group totals)', () => {
    const r = rng(20260115);
    const reg = makeRegister();
    const groups = Object.keys(ROMANIA_VAT_RATES);
    for (let i = 0; i < 200; i++) {
      const { lines, receipt_discount } = randomReceipt(r, groups);
      const pre = computeReceipt({ lines, receipt_discount }, (v) => resolveVat(v, ROMANIA_VAT_RATES));
      if (!pre.ok) throw new Error(`generator produced an invalid receipt: ${pre.error.message}`);
      const total = pre.totals.total_cents;
      const card = total > 0 ? r(total + 1) : 0;
      const payments: Payment[] = [];
      if (card > 0) payments.push({ method: 'card', amount_cents: card });
      const cash = total - card + r(3) * 1000;
      if (cash > 0) payments.push({ method: 'cash', amount_cents: cash });
      const expected = computeReceipt({ lines, receipt_discount, payments }, (v) => resolveVat(v, ROMANIA_VAT_RATES));
      if (!expected.ok) throw new Error(expected.error.message);

      const closed = runOnRegister(reg, lines, receipt_discount, payments);
      expect(closed.total_cents).toBe(expected.totals.total_cents);
      expect(closed.change_cents).toBe(expected.totals.change_cents);
      const z = reg.zReport().totals;
      const nonZero = Object.fromEntries(Object.entries(expected.totals.by_vat_group).filter(([, v]) => v !== 0));
      const zNonZero = Object.fromEntries(Object.entries(z.by_vat_group).filter(([, v]) => v !== 0));
      expect(zNonZero).toEqual(nonZero);
      const paidSum = Object.values(z.by_payment).reduce((s, v) => s + (v ?? 0), 0);
      expect(paidSum).toBe(expected.totals.total_cents); // cash counted net of change
    }
  });
});

describe('virtual register: VAT table', () => {
  it('uses Romania rates by default and prints the VAT included per group', () => {
    const reg = makeRegister();
    expect(reg.identity().vat_rates).toEqual({ A: 2100, B: 1100, C: 0 });
    reg.openFiscalReceipt({});
    reg.sell({ description: 'A', quantity_thousandths: 1000, unit_price_cents: 12_100, vat_group: 'A' });
    reg.sell({ description: 'B', quantity_thousandths: 1000, unit_price_cents: 11_100, vat_group: 'B' });
    reg.sell({ description: 'C', quantity_thousandths: 1000, unit_price_cents: 500, vat_group: 'C' });
    reg.pay('cash');
    reg.closeReceipt();
    const [doc] = reg.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'fiscal_receipts' });
    const text = doc?.lines.join('\n') ?? '';
    expect(text).toMatch(/TVA A 21\.00%\s+21\.00/);
    expect(text).toMatch(/TVA B 11\.00%\s+11\.00/);
    expect(text).toMatch(/TVA C 0\.00%\s+0\.00/);
    expect(text).toMatch(/TOTAL TVA\s+32\.00/);
  });

  it('takes a configured table (seed replays: A=19%, B=5%) and refuses groups it lacks', () => {
    const reg = makeRegister({ identity: { vat_rates: SEED_VAT_RATES } });
    expect(reg.identity().vat_rates).toEqual({ A: 1900, B: 500, C: 0 });
    reg.openFiscalReceipt({});
    expect(codeOf(() => reg.sell({ description: 'D', quantity_thousandths: 1000, unit_price_cents: 100, vat_group: 'D' }))).toBe('VAT_GROUP_UNKNOWN');
    reg.sell({ description: 'A', quantity_thousandths: 1000, unit_price_cents: 11_900, vat_group: 'A' });
    reg.pay('cash');
    reg.closeReceipt();
    const [doc] = reg.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'fiscal_receipts' });
    expect(doc?.lines.join('\n')).toMatch(/TVA A 19\.00%\s+19\.00/);
  });
});
