import { describe, expect, it } from 'vitest';
import { codeOf, makeRegister, quickReceipt } from './helpers.js';

const DAY = 24 * 3600 * 1000;

describe('virtual register: electronic journal', () => {
  function threeDays() {
    const r = makeRegister();
    quickReceipt(r, 100, 'd1-a'); // 2026-01-15, Z period 1
    r.cashIn(500);
    r.zReport(); // Z 1
    r.advanceClock(DAY);
    quickReceipt(r, 200, 'd2-a'); // 2026-01-16, Z period 2
    r.openNonFiscal();
    r.printNonFiscalText('nota');
    r.closeNonFiscal();
    r.zReport(); // Z 2
    r.advanceClock(DAY);
    quickReceipt(r, 300, 'd3-a'); // 2026-01-17, Z period 3
    r.xReport();
    return r;
  }

  it('records every document with its printed text, Z period and datetime', () => {
    const r = threeDays();
    const docs = r.readJournal({ range: { type: 'z_number', start: 1, end: 3 }, doc_type: 'all' });
    expect(docs.map((d) => [d.kind, d.z_period, d.datetime.slice(0, 10)])).toEqual([
      ['fiscal_receipt', 1, '2026-01-15'],
      ['cash_in', 1, '2026-01-15'],
      ['z_report', 1, '2026-01-15'],
      ['fiscal_receipt', 2, '2026-01-16'],
      ['non_fiscal', 2, '2026-01-16'],
      ['z_report', 2, '2026-01-16'],
      ['fiscal_receipt', 3, '2026-01-17'],
      ['x_report', 3, '2026-01-17'],
    ]);
    expect(docs[0]).toMatchObject({ number: 1, total_cents: 100, tag: 'd1-a' });
    expect(docs[2]?.number).toBe(1); // a Z report is numbered with its Z number
    expect(docs[0]?.lines.some((l) => l.includes('BON FISCAL'))).toBe(true);
  });

  it('selects by Z range', () => {
    const r = threeDays();
    const z2 = r.readJournal({ range: { type: 'z_number', start: 2, end: 2 }, doc_type: 'all' });
    expect(z2.map((d) => d.kind)).toEqual(['fiscal_receipt', 'non_fiscal', 'z_report']);
    expect(r.readJournal({ range: { type: 'z_number', start: 2, end: 3 }, doc_type: 'fiscal_receipts' }).map((d) => d.tag)).toEqual(['d2-a', 'd3-a']);
    expect(r.readJournal({ range: { type: 'z_number', start: 7, end: 9 }, doc_type: 'all' })).toEqual([]);
  });

  it('selects by date range (inclusive)', () => {
    const r = threeDays();
    expect(r.readJournal({ range: { type: 'date', start: '2026-01-16', end: '2026-01-17' }, doc_type: 'fiscal_receipts' }).map((d) => d.tag)).toEqual([
      'd2-a',
      'd3-a',
    ]);
    expect(r.readJournal({ range: { type: 'date', start: '2026-01-15', end: '2026-01-15' }, doc_type: 'all' })).toHaveLength(3);
    expect(codeOf(() => r.readJournal({ range: { type: 'date', start: '2026-01-17', end: '2026-01-15' }, doc_type: 'all' }))).toBe('INVALID_VALUE');
  });

  it('filters by document type', () => {
    const r = threeDays();
    const range = { type: 'z_number' as const, start: 1, end: 3 };
    expect(r.readJournal({ range, doc_type: 'z_reports' }).map((d) => d.number)).toEqual([1, 2]);
    expect(r.readJournal({ range, doc_type: 'fiscal_receipts' })).toHaveLength(3);
    expect(r.readJournal({ range, doc_type: 'non_fiscal' }).map((d) => d.kind)).toEqual(['cash_in', 'non_fiscal', 'x_report']);
  });

  it('prints a journal selection without adding to the journal, and returns copies', () => {
    const r = threeDays();
    const before = r.readJournal({ range: { type: 'z_number', start: 1, end: 3 }, doc_type: 'all' });
    const receiptLines = before.filter((d) => d.kind === 'fiscal_receipt').reduce((s, d) => s + d.lines.length, 0);
    const p = r.printJournal({ range: { type: 'z_number', start: 1, end: 3 }, doc_type: 'fiscal_receipts' });
    expect(p.printed_lines).toBe(receiptLines + 2 /* blank separators */ + 3 /* title and rules */);
    before[0]?.lines.push('tampered');
    const after = r.readJournal({ range: { type: 'z_number', start: 1, end: 3 }, doc_type: 'all' });
    expect(after).toHaveLength(before.length);
    expect(after[0]?.lines).not.toContain('tampered');
  });

  it('counts how many times a tagged receipt was printed', () => {
    const r = makeRegister();
    quickReceipt(r, 100, 'job-1');
    quickReceipt(r, 100, 'job-2');
    quickReceipt(r, 100, 'job-1');
    const docs = r.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'fiscal_receipts' });
    expect(docs.filter((d) => d.tag === 'job-1')).toHaveLength(2);
    expect(docs.filter((d) => d.tag === 'job-2')).toHaveLength(1);
  });
});
