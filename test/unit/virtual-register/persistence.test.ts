import { appendFileSync, copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, STATE_FILE } from '../../../src-main/emulators/virtual-register/register-store.js';
import { makeRegister, quickReceipt, sellOne, tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const all = { range: { type: 'z_number' as const, start: 1, end: 99 }, doc_type: 'all' as const };

describe('virtual register: persistence', () => {
  it('keeps counters, totals, journal, serial and clock across instances', () => {
    const dir = dirs.make();
    const a = makeRegister({ stateDir: dir });
    quickReceipt(a, 1500, 't1');
    a.cashIn(700);
    a.zReport();
    quickReceipt(a, 2500, 't2');
    a.advanceClock(3600_000);
    const b = makeRegister({ stateDir: dir });
    expect(b.identity().serial).toBe(a.identity().serial);
    expect(b.identity().serial).toMatch(/^SIM\d{7}$/);
    expect(b.counters()).toEqual(a.counters());
    expect(b.status()).toEqual(a.status());
    expect(b.readJournal(all)).toEqual(a.readJournal(all));
    expect(b.xReport().totals.total_cents).toBe(2500);
    expect(b.fiscalMemory()).toHaveLength(1);
    expect(b.recovery).toEqual({ torn_journal_bytes: 0, state_from_journal: false });
    expect(readdirSync(dir).sort()).toEqual([JOURNAL_FILE, STATE_FILE]); // no temp files left behind
  });

  it('memory-only registers get different serials', () => {
    expect(makeRegister().identity().serial).not.toBe(makeRegister().identity().serial);
  });

  it('an open receipt survives a reload and can be finished', () => {
    const dir = dirs.make();
    const a = makeRegister({ stateDir: dir });
    a.openFiscalReceipt({ tag: 'job-7' });
    sellOne(a, 1200);
    sellOne(a, 300, 'B');
    a.pay('card', 1000);
    const b = makeRegister({ stateDir: dir });
    expect(b.status()).toMatchObject({ receipt: 'fiscal', open_receipt_items: 3, payment_started: true });
    expect(b.pay('cash').remaining_cents).toBe(0);
    expect(b.closeReceipt()).toMatchObject({ receipt_number: 1, total_cents: 1500 });
    const [doc] = b.readJournal(all);
    expect(doc?.tag).toBe('job-7');
    expect(doc?.lines.filter((l) => l.startsWith('Articol'))).toHaveLength(2); // lines printed before the reload are kept
  });

  it('recovers when the state file is older than the journal (crash between the two writes)', () => {
    const dir = dirs.make();
    const a = makeRegister({ stateDir: dir });
    quickReceipt(a, 100, 'one');
    a.openFiscalReceipt({ tag: 'two' });
    sellOne(a, 900);
    a.pay('cash', 1000);
    copyFileSync(join(dir, STATE_FILE), join(dir, 'old-state'));
    a.closeReceipt(); // journal entry written, then state
    copyFileSync(join(dir, 'old-state'), join(dir, STATE_FILE)); // as if the process died before the state write
    const b = makeRegister({ stateDir: dir });
    expect(b.recovery.state_from_journal).toBe(true);
    expect(b.counters()).toMatchObject({ receipt_number: 2, receipt_open: false });
    expect(b.status().cash_in_drawer_cents).toBe(1000);
    expect(b.xReport().totals).toMatchObject({ receipts: 2, total_cents: 1000 });
    expect(quickReceipt(b).receipt_number).toBe(3);
    const c = makeRegister({ stateDir: dir });
    expect(c.recovery.state_from_journal).toBe(false); // the repaired state was written back
    expect(c.counters().receipt_number).toBe(3);
  });

  it('rebuilds from the journal when the state file is missing or unreadable', () => {
    const dir = dirs.make();
    const a = makeRegister({ stateDir: dir });
    quickReceipt(a, 100);
    a.zReport();
    writeFileSync(join(dir, STATE_FILE), '{"version":1, trunc');
    const b = makeRegister({ stateDir: dir });
    expect(b.counters()).toMatchObject({ receipt_number: 1, z_number: 1 });
    expect(b.identity().serial).toBe(a.identity().serial);
  });

  it('drops a torn last journal line and keeps appending cleanly', () => {
    const dir = dirs.make();
    const a = makeRegister({ stateDir: dir });
    quickReceipt(a, 100);
    appendFileSync(join(dir, JOURNAL_FILE), '{"seq":2,"doc":{"kind":"fisc');
    const b = makeRegister({ stateDir: dir });
    expect(b.recovery.torn_journal_bytes).toBeGreaterThan(0);
    expect(b.readJournal(all)).toHaveLength(1);
    quickReceipt(b, 200);
    const c = makeRegister({ stateDir: dir });
    expect(c.readJournal(all).map((d) => d.number)).toEqual([1, 2]);
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8').endsWith('\n')).toBe(true);
  });
});
