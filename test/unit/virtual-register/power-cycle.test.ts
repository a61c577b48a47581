import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../../../src-main/emulators/virtual-register/register-store.js';
import { codeOf, makeRegister, quickReceipt, sellOne, tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const all = { range: { type: 'z_number' as const, start: 1, end: 99 }, doc_type: 'all' as const };

describe('virtual register: power cycle (restartFromDisk)', () => {
  it('comes back from its files with counters, fiscal memory, journal and the open receipt', () => {
    const r = makeRegister({ stateDir: dirs.make() });
    quickReceipt(r, 1200, 'a');
    r.zReport();
    r.openFiscalReceipt({ tag: 'open' });
    sellOne(r, 300);
    sellOne(r, 400);
    const before = { counters: r.counters(), status: r.status(), journal: r.readJournal(all), fm: r.fiscalMemory() };
    r.restartFromDisk();
    expect(r.counters()).toEqual(before.counters);
    expect(r.status()).toEqual(before.status);
    expect(r.readJournal(all)).toEqual(before.journal);
    expect(r.fiscalMemory()).toEqual(before.fm);
    r.pay('cash');
    expect(r.closeReceipt()).toMatchObject({ total_cents: 700, receipt_number: 2 });
  });

  it('really reads the disk: a state file changed behind its back is what it restarts with', () => {
    const dir = dirs.make();
    const r = makeRegister({ stateDir: dir });
    quickReceipt(r, 500);
    const other = makeRegister({ stateDir: dir });
    other.cashIn(9900); // another writer of the same files (the register's disk is the truth)
    expect(r.status().cash_in_drawer_cents).toBe(500);
    r.restartFromDisk();
    expect(r.status().cash_in_drawer_cents).toBe(10_400);
    writeFileSync(join(dir, STATE_FILE), '{torn'); // unreadable state: rebuilt from the journal
    r.restartFromDisk();
    expect(r.recovery.state_from_journal).toBe(true);
    expect(r.counters().receipt_number).toBe(1);
  });

  it('reports when the fiscal memory was last written (fiscalization, then each Z)', () => {
    const r = makeRegister();
    const fiscalized = r.status().last_fiscal_record_at;
    expect(fiscalized).toBe(r.status().datetime);
    r.advanceClock(7200_000);
    quickReceipt(r);
    r.zReport();
    expect(r.status().last_fiscal_record_at).toBe(r.status().datetime);
    expect(r.status().last_fiscal_record_at).not.toBe(fiscalized);
  });
});

describe('virtual register: cover opened at a planned line', () => {
  it('opens the cover when the Nth line is due: that step is refused and nothing of it registered', () => {
    const r = makeRegister();
    r.openFiscalReceipt({});
    r.injectFaults({ cover_open_at_line: 3 });
    sellOne(r, 100);
    sellOne(r, 200);
    expect(codeOf(() => sellOne(r, 300))).toBe('COVER_OPEN');
    expect(r.status()).toMatchObject({ cover_open: true, open_receipt_items: 2 });
    r.closeCover();
    sellOne(r, 300);
    r.pay('cash');
    expect(r.closeReceipt().total_cents).toBe(600);
    expect(codeOf(() => r.injectFaults({ cover_open_at_line: 0 }))).toBe('INVALID_VALUE');
  });
});
