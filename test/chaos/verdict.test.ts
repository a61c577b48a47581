/** The chaos verdict counts from the register's journal: each failure kind is recognised, a clean run is clean. */
import { describe, expect, it } from 'vitest';
import type { JournalDocument } from '../../src-main/emulators/virtual-register/register-api.js';
import { makeRequest, type ChaosRequest } from './doors.js';
import { Prng } from './prng.js';
import { countVerdict, failed } from './verdict.js';

const rng = new Prng(7);
const req = (n: number, verdict: ChaosRequest['verdict'], door: ChaosRequest['door'] = 'native'): ChaosRequest => ({ ...makeRequest(n, door, rng, 't'), verdict });
const doc = (r: ChaosRequest, number: number, total = r.total_cents, kind: JournalDocument['kind'] = 'fiscal_receipt'): JournalDocument => ({
  kind,
  number,
  z_period: 1,
  datetime: '2026-01-15T09:00:00',
  total_cents: total,
  lines: ['FISCOOL DEMO SRL', `${r.items[0]?.name ?? ''}`, '1 x 1.00'],
});

describe('chaos verdict', () => {
  it('a clean run: every success printed once with its total, every failure not printed', () => {
    const a = req(1, 'success');
    const b = req(2, 'failure');
    const c = req(3, 'success', 'inp');
    const v = countVerdict([a, b, c], [doc(a, 1), doc(b, 2, b.total_cents, 'voided'), doc(c, 2)], false);
    expect(v).toMatchObject({ requests: 3, printed: 2, lost: 0, duplicates: 0, orphans: 0, open: 0, wrongTotals: 0, unresolved: 0, strays: 0 });
    expect(v.inp).toEqual({ ok: 1, err: 0, printed: 1 });
    expect(failed(v)).toBe(false);
  });

  it('counts lost, duplicates, orphans, wrong totals, open, unresolved and strays', () => {
    const lost = req(1, 'success');
    const dup = req(2, 'success');
    const orphan = req(3, 'failure', 'inp');
    const wrong = req(4, 'success');
    const pending = req(5, 'pending');
    const stray = req(6, 'success');
    const journal = [doc(dup, 1), doc(dup, 2), doc(orphan, 3), doc(wrong, 4, wrong.total_cents + 100), doc(stray, 5)];
    const v = countVerdict([lost, dup, orphan, wrong, pending], journal, true);
    expect(v).toMatchObject({ lost: 1, duplicates: 1, orphans: 1, wrongTotals: 1, open: 1, unresolved: 1, strays: 1 });
    expect(v.inp).toEqual({ ok: 0, err: 1, printed: 1 });
    expect(v.findings.join('\n')).toMatch(/K00001 native LOST: told success, journal has 0 receipt/);
    expect(failed(v)).toBe(true);
  });

  it('the seeded generator repeats itself', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    expect(Array.from({ length: 5 }, () => a.int(0, 1000))).toEqual(Array.from({ length: 5 }, () => b.int(0, 1000)));
  });
});
