import { describe, expect, it } from 'vitest';
import { codeOf, makeRegister, quickReceipt, sellOne } from './helpers.js';

describe('virtual register: faults', () => {
  it('runs out of paper at the planned line, keeps the open receipt, refuses printing until paper is loaded', () => {
    const r = makeRegister();
    const header = r.openFiscalReceipt({}).printed_lines;
    r.cancelReceipt();
    r.injectFaults({ paper_out_at_line: header + 3 }); // counted from now: the next header, then 2 more lines
    r.openFiscalReceipt({ tag: 'job' });
    expect(r.faults().lines_until_paper_out).toBe(3);
    expect(r.status().paper).toBe('near_end');
    sellOne(r, 100); // line header+1
    sellOne(r, 200); // line header+2
    expect(codeOf(() => sellOne(r, 300))).toBe('PAPER_OUT'); // line header+3 is due
    expect(r.status()).toMatchObject({ paper: 'out', receipt: 'fiscal', open_receipt_items: 2 });
    expect(codeOf(() => r.pay('cash'))).toBe('PAPER_OUT');
    expect(codeOf(() => r.cancelReceipt())).toBe('PAPER_OUT');
    expect(codeOf(() => r.xReport())).toBe('RECEIPT_OPEN'); // refused commands are checked before the printer
    expect(r.counters()).toMatchObject({ receipt_open: true, receipt_number: 0 }); // reading still works
    r.loadPaper();
    expect(r.status().paper).toBe('ok');
    sellOne(r, 300);
    r.pay('cash');
    expect(r.closeReceipt().total_cents).toBe(600); // the refused sale was not registered
  });

  it('refuses every printing command while the paper is out, also outside a receipt', () => {
    const r = makeRegister();
    r.injectFaults({ paper_out_at_line: 1 });
    expect(codeOf(() => r.xReport())).toBe('PAPER_OUT');
    expect(codeOf(() => r.cashIn(100))).toBe('PAPER_OUT');
    expect(r.counters().cash_in_cents).toBe(0);
    expect(r.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'all' })).toEqual([]);
    r.openDrawer(); // prints nothing
    r.loadPaper();
    expect(r.cashIn(100).cash_in_drawer_cents).toBe(100);
  });

  it('refuses printing while the cover is open', () => {
    const r = makeRegister();
    r.injectFaults({ cover_open: true });
    expect(r.status().cover_open).toBe(true);
    expect(codeOf(() => r.openFiscalReceipt({}))).toBe('COVER_OPEN');
    expect(codeOf(() => r.zReport())).toBe('COVER_OPEN');
    expect(r.counters().receipt_open).toBe(false);
    r.closeCover();
    expect(quickReceipt(r).receipt_number).toBe(1);
  });

  it('answers nothing while disconnected, then carries on where it was', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    sellOne(r, 500);
    const seen: boolean[] = [];
    const off = r.onFaultsChange((f) => seen.push(f.disconnected));
    r.injectFaults({ disconnected: true });
    expect(codeOf(() => r.status())).toBe('DISCONNECTED');
    expect(codeOf(() => r.counters())).toBe('DISCONNECTED');
    expect(codeOf(() => r.identity())).toBe('DISCONNECTED');
    expect(codeOf(() => r.pay('cash'))).toBe('DISCONNECTED');
    expect(codeOf(() => r.openDrawer())).toBe('DISCONNECTED');
    r.reconnect();
    off();
    r.injectFaults({ cover_open: false });
    expect(seen).toEqual([true, false]);
    expect(r.status().receipt).toBe('fiscal');
    r.pay('cash');
    expect(r.closeReceipt().total_cents).toBe(500);
  });

  it('rejects a bad fault plan', () => {
    const r = makeRegister();
    expect(codeOf(() => r.injectFaults({ paper_out_at_line: 0 }))).toBe('INVALID_VALUE');
  });
});
