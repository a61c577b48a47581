import { describe, expect, it } from 'vitest';
import { codeOf, makeRegister, quickReceipt, sellOne } from './helpers.js';

describe('virtual register: receipt lifecycle', () => {
  it('runs open → sell → subtotal → pay → close and numbers receipts', () => {
    const r = makeRegister();
    expect(r.openFiscalReceipt({}).printed_lines).toBeGreaterThan(0);
    expect(r.status().receipt).toBe('fiscal');
    const s = r.sell({ description: 'Lapte', quantity_thousandths: 2500, unit_price_cents: 799, vat_group: 'B' });
    expect(s.line_total_cents).toBe(1998); // 2.5 × 7.99 = 19.975 → 19.98 (half up)
    expect(r.subtotal().subtotal_cents).toBe(1998);
    expect(r.pay('card', 1000)).toMatchObject({ remaining_cents: 998, change_cents: 0 });
    expect(r.status()).toMatchObject({ open_receipt_total_cents: 1998, open_receipt_paid_cents: 1000, open_receipt_by_vat: { B: 1998 } });
    expect(r.pay('cash', 2000)).toMatchObject({ remaining_cents: 0, change_cents: 1002 });
    const c = r.closeReceipt();
    expect(c).toMatchObject({ receipt_number: 1, total_cents: 1998, change_cents: 1002, datetime: '2026-01-15T09:00:00' });
    expect(r.status().receipt).toBe('none');
    expect(quickReceipt(r).receipt_number).toBe(2);
    expect(r.counters()).toMatchObject({ receipt_number: 2, z_number: 0, receipt_open: false });
  });

  it('refuses a second open, and sells, pays or closes without an open receipt', () => {
    const r = makeRegister();
    expect(codeOf(() => sellOne(r))).toBe('NO_RECEIPT_OPEN');
    expect(codeOf(() => r.pay('cash', 100))).toBe('NO_RECEIPT_OPEN');
    expect(codeOf(() => r.closeReceipt())).toBe('NO_RECEIPT_OPEN');
    expect(codeOf(() => r.printText('x'))).toBe('NO_RECEIPT_OPEN');
    r.openFiscalReceipt({});
    expect(codeOf(() => r.openFiscalReceipt({}))).toBe('RECEIPT_OPEN');
    expect(codeOf(() => r.openNonFiscal())).toBe('RECEIPT_OPEN');
    expect(codeOf(() => r.xReport())).toBe('RECEIPT_OPEN');
    expect(codeOf(() => r.zReport())).toBe('RECEIPT_OPEN');
    expect(codeOf(() => r.cashIn(100))).toBe('RECEIPT_OPEN');
    expect(codeOf(() => r.setDateTime('2026-02-01T10:00:00'))).toBe('RECEIPT_OPEN');
  });

  it('blocks sales once a payment started, and closing before the total is paid', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    sellOne(r, 1000);
    r.pay('cash', 400);
    expect(r.status()).toMatchObject({ payment_started: true, open_receipt_items: 2 });
    expect(codeOf(() => sellOne(r))).toBe('PAYMENT_STARTED');
    expect(codeOf(() => r.subtotal({ kind: 'amount', amount_cents: 10, surcharge: false }))).toBe('PAYMENT_STARTED');
    expect(codeOf(() => r.closeReceipt())).toBe('PAYMENT_NOT_COMPLETE');
    expect(r.pay('cash').remaining_cents).toBe(0); // pays the rest
    expect(codeOf(() => r.pay('cash', 1))).toBe('INVALID_VALUE');
    expect(r.closeReceipt().total_cents).toBe(1000);
  });

  it('gives change only in cash', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    sellOne(r, 1000);
    expect(codeOf(() => r.pay('card', 1001))).toBe('NON_CASH_EXCEEDS');
    r.pay('card', 600);
    expect(codeOf(() => r.pay('meal_voucher', 401))).toBe('NON_CASH_EXCEEDS');
    expect(r.pay('cash', 5000)).toMatchObject({ remaining_cents: 0, change_cents: 4600 });
    expect(r.closeReceipt().change_cents).toBe(4600);
  });

  it('validates item values and VAT groups', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    const base = { description: 'X', quantity_thousandths: 1000, unit_price_cents: 100, vat_group: 'A' };
    expect(codeOf(() => r.sell({ ...base, vat_group: 'E' }))).toBe('VAT_GROUP_UNKNOWN');
    expect(codeOf(() => r.sell({ ...base, description: '   ' }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.sell({ ...base, description: 'x'.repeat(73) }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.sell({ ...base, description: 'a\u0007b' }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.sell({ ...base, quantity_thousandths: 0 }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.sell({ ...base, unit_price_cents: -1 }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.sell({ ...base, unit_price_cents: 1.5 }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.sell({ ...base, quantity_thousandths: 99_999_999, unit_price_cents: 99_999_999_99 }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.sell({ ...base, adjustment: { kind: 'amount', amount_cents: 101, surcharge: false } }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.sell({ ...base, adjustment: { kind: 'percent', basis_points: 0, surcharge: false } }))).toBe('INVALID_VALUE');
    expect(r.status().open_receipt_items).toBe(0); // nothing refused was registered
  });

  it('applies per-line discounts and surcharges, rounded half up', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    const base = { description: 'X', quantity_thousandths: 1000, unit_price_cents: 1005, vat_group: 'A' };
    expect(r.sell({ ...base, adjustment: { kind: 'percent', basis_points: 1000, surcharge: false } }).line_total_cents).toBe(904); // 100.5 → 101
    expect(r.sell({ ...base, adjustment: { kind: 'percent', basis_points: 500, surcharge: true } }).line_total_cents).toBe(1055); // 50.25 → 50
    expect(r.sell({ ...base, adjustment: { kind: 'amount', amount_cents: 5, surcharge: false } }).line_total_cents).toBe(1000);
    expect(r.subtotal().subtotal_cents).toBe(904 + 1055 + 1000);
  });

  it('allows at most one subtotal discount and needs an item before it', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    expect(codeOf(() => r.subtotal())).toBe('INVALID_VALUE');
    sellOne(r, 1000);
    expect(codeOf(() => r.subtotal({ kind: 'amount', amount_cents: 1001, surcharge: false }))).toBe('INVALID_VALUE');
    expect(r.subtotal({ kind: 'percent', basis_points: 1000, surcharge: false }).subtotal_cents).toBe(900);
    expect(r.subtotal().subtotal_cents).toBe(900); // a plain subtotal is still fine
    expect(codeOf(() => r.subtotal({ kind: 'amount', amount_cents: 1, surcharge: true }))).toBe('DISCOUNT_NOT_ALLOWED');
    sellOne(r, 500); // items may follow a subtotal
    r.pay('cash');
    expect(r.closeReceipt().total_cents).toBe(1400);
  });

  it('cancels an open receipt at any point before close, counting it as voided', () => {
    const r = makeRegister();
    expect(r.cancelReceipt().cancelled).toBe(false);
    r.openFiscalReceipt({ tag: 'job-9' });
    sellOne(r, 700);
    r.pay('cash', 100);
    expect(r.cancelReceipt().cancelled).toBe(true);
    expect(r.counters()).toMatchObject({ receipt_number: 0, receipt_open: false });
    const [doc] = r.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'all' });
    expect(doc).toMatchObject({ kind: 'voided', tag: 'job-9', total_cents: 700 });
    expect(doc?.lines.some((l) => l.includes('ANULAT'))).toBe(true);
    expect(r.xReport().totals).toMatchObject({ receipts: 0, total_cents: 0 });
  });

  it('validates the buyer CUI and prints it with the invoice flag', () => {
    const r = makeRegister();
    expect(codeOf(() => r.openFiscalReceipt({ buyer_cui: 'RO18547291' }))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.openFiscalReceipt({ operator: 31 }))).toBe('INVALID_VALUE');
    r.openFiscalReceipt({ buyer_cui: 'ro 18547290', invoice: true });
    sellOne(r);
    r.pay('cash');
    r.closeReceipt();
    const [doc] = r.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'fiscal_receipts' });
    expect(doc?.lines).toContain('CIF cumpărător: RO18547290');
    expect(doc?.lines.some((l) => l.includes('VALOARE DE FACTURĂ'))).toBe(true);
  });

  it('prints free text inside a fiscal receipt and wraps long text', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    expect(r.printText('scurt').printed_lines).toBe(1);
    expect(r.printText('cuvânt '.repeat(10).trim()).printed_lines).toBe(2);
    expect(codeOf(() => r.printNonFiscalText('x'))).toBe('WRONG_RECEIPT_KIND');
    expect(codeOf(() => r.closeNonFiscal())).toBe('WRONG_RECEIPT_KIND');
  });

  it('runs non-fiscal receipts, which refuse fiscal commands', () => {
    const r = makeRegister();
    r.openNonFiscal();
    expect(r.status().receipt).toBe('non_fiscal');
    expect(codeOf(() => sellOne(r))).toBe('WRONG_RECEIPT_KIND');
    expect(codeOf(() => r.pay('cash', 1))).toBe('WRONG_RECEIPT_KIND');
    expect(codeOf(() => r.closeReceipt())).toBe('WRONG_RECEIPT_KIND');
    r.printNonFiscalText('Comanda 42');
    r.closeNonFiscal();
    expect(r.counters()).toMatchObject({ receipt_number: 0, receipt_open: false });
    const docs = r.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'non_fiscal' });
    expect(docs).toHaveLength(1);
    expect(docs[0]?.lines).toContain('Comanda 42');
  });

  it('refund receipts count apart from sales and pay cash out of the drawer', () => {
    const r = makeRegister();
    r.cashIn(10_000);
    r.openFiscalReceipt({ refund: true });
    expect(r.status().receipt).toBe('refund');
    sellOne(r, 2500, 'B');
    r.pay('cash');
    const c = r.closeReceipt();
    expect(c.receipt_number).toBe(1);
    expect(r.status().cash_in_drawer_cents).toBe(7500);
    const x = r.xReport().totals;
    expect(x).toMatchObject({ receipts: 0, refunds_cents: 2500, total_cents: 0 });
    const [doc] = r.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'fiscal_receipts' });
    expect(doc?.kind).toBe('refund');
  });
});
