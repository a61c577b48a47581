import { describe, expect, it } from 'vitest';
import { codeOf, makeRegister, quickReceipt, sellOne } from './helpers.js';

describe('virtual register: X/Z reports, counters and cash', () => {
  it('X reports totals per VAT group and payment without resetting; Z resets and advances the Z number', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    sellOne(r, 1000, 'A');
    sellOne(r, 500, 'B');
    r.pay('card', 700);
    r.pay('cash', 1000);
    r.closeReceipt();
    const x1 = r.xReport();
    expect(x1.totals).toEqual({ by_vat_group: { A: 1000, B: 500 }, by_payment: { card: 700, cash: 800 }, receipts: 1, refunds_cents: 0, total_cents: 1500 });
    expect(x1.printed_lines).toBeGreaterThan(10);
    expect(r.xReport().totals).toEqual(x1.totals); // X resets nothing
    expect(r.counters().z_number).toBe(0);
    const z = r.zReport();
    expect(z.z_number).toBe(1);
    expect(z.totals).toEqual(x1.totals);
    expect(r.counters()).toMatchObject({ z_number: 1, receipt_number: 1 });
    expect(r.xReport().totals).toEqual({ by_vat_group: {}, by_payment: {}, receipts: 0, refunds_cents: 0, total_cents: 0 });
    expect(r.zReport().z_number).toBe(2); // an empty Z is allowed and still numbered
    expect(quickReceipt(r).receipt_number).toBe(2); // receipt numbers continue across Z
  });

  it('tracks the cash drawer: cash in/out, cash sales net of change, withdraw limit', () => {
    const r = makeRegister();
    expect(r.cashIn(5000).cash_in_drawer_cents).toBe(5000);
    r.openFiscalReceipt({});
    sellOne(r, 1234);
    r.pay('cash', 2000); // change 766
    r.closeReceipt();
    expect(r.status().cash_in_drawer_cents).toBe(6234);
    expect(codeOf(() => r.cashOut(6235))).toBe('CASH_NOT_ENOUGH');
    expect(codeOf(() => r.cashOut(0))).toBe('INVALID_VALUE');
    expect(codeOf(() => r.cashIn(-5))).toBe('INVALID_VALUE');
    expect(r.cashOut(1234).cash_in_drawer_cents).toBe(5000);
    r.openFiscalReceipt({});
    sellOne(r, 1000);
    r.pay('card');
    r.closeReceipt();
    expect(r.status().cash_in_drawer_cents).toBe(5000); // card sales do not touch the drawer
    expect(r.counters()).toMatchObject({ cash_in_cents: 5000, cash_out_cents: 1234 });
    r.zReport();
    expect(r.counters()).toMatchObject({ cash_in_cents: 0, cash_out_cents: 0 });
    expect(r.status().cash_in_drawer_cents).toBe(0);
  });

  it('prints a duplicate of the last fiscal receipt, and refuses when there is none', () => {
    const r = makeRegister();
    expect(codeOf(() => r.printDuplicate())).toBe('NOTHING_TO_DUPLICATE');
    quickReceipt(r, 1111, 'first');
    quickReceipt(r, 2222, 'second');
    const d = r.printDuplicate();
    const docs = r.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'all' });
    const dup = docs[docs.length - 1];
    expect(dup?.kind).toBe('non_fiscal');
    expect(dup?.lines[0]).toContain('DUPLICAT');
    expect(dup?.lines.join('\n')).toContain('22.22');
    expect(dup?.lines.join('\n')).not.toContain('11.11');
    expect(dup?.tag).toBeUndefined(); // a duplicate is not a second print of the job's receipt
    expect(d.printed_lines).toBe(dup?.lines.length);
    expect(r.counters().receipt_number).toBe(2);
  });

  it('keeps one fiscal-memory record per Z and prints the fiscal memory report by Z range and by date', () => {
    const r = makeRegister();
    quickReceipt(r, 1000);
    r.zReport();
    quickReceipt(r, 2000);
    quickReceipt(r, 3000);
    r.zReport();
    expect(r.fiscalMemory().map((f) => [f.z_number, f.sales_cents, f.receipts])).toEqual([
      [1, 1000, 1],
      [2, 5000, 2],
    ]);
    r.printFiscalMemoryReport({ type: 'z_number', start: 2, end: 2 }, true);
    const docs = r.readJournal({ range: { type: 'z_number', start: 3, end: 3 }, doc_type: 'non_fiscal' });
    const text = docs[0]?.lines.join('\n') ?? '';
    expect(text).toContain('RAPORT MEMORIE FISCALĂ');
    expect(text).toMatch(/Rapoarte Z\s+1/);
    expect(text).toMatch(/TOTAL VÂNZĂRI\s+50\.00/);
    r.printFiscalMemoryReport({ type: 'date', start: '2026-01-15', end: '2026-01-15' }, false);
    const all = r.readJournal({ range: { type: 'z_number', start: 3, end: 3 }, doc_type: 'non_fiscal' });
    expect(all[1]?.lines.join('\n')).toMatch(/TOTAL VÂNZĂRI\s+60\.00/);
    expect(codeOf(() => r.printFiscalMemoryReport({ type: 'z_number', start: 3, end: 1 }, false))).toBe('INVALID_VALUE');
  });

  it('refuses receipts and Z reports when the fiscal memory is full', () => {
    const r = makeRegister({ fiscalMemoryCapacity: 2 });
    r.zReport();
    expect(r.status().fiscal_memory_free).toBe(1);
    r.zReport();
    expect(r.status().fiscal_memory_free).toBe(0);
    expect(codeOf(() => r.zReport())).toBe('FISCAL_MEMORY_FULL');
    expect(codeOf(() => r.openFiscalReceipt({}))).toBe('FISCAL_MEMORY_FULL');
  });
});
