/**
 * A backup taken over the API (SQLite online backup) in the middle of a burst of receipts, restored into a new data
 * directory: the restored hub replays every key the backup holds — the receipts finished in the backup with their
 * first answer byte for byte, the ones still under way then settled by the hub — and prints none of them twice.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDataDir } from '../../../src-main/ops/data-backup.js';
import { startTestHub, tempDir, type TestHub } from '../../helpers/hub.js';

const body = (device_id: string, i: number) => ({
  device_id,
  operation: {
    type: 'print_receipt',
    lines: [{ type: 'item', description: `Produs ${i}`, quantity_thousandths: 1000, unit_price_cents: 100 + i, vat: 'A' }],
    payments: [{ method: 'cash', amount_cents: 100 + i }],
  },
});

const cleanup: string[] = [];
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

describe('backup during a burst, restore, replay', () => {
  it('the restored hub answers every key of the backup, the finished ones byte for byte, none printed twice', async () => {
    const source: TestHub = await startTestHub();
    cleanup.push(source.dataDir);
    const answers = new Map<string, string>();
    const fire = (from: number, n: number) =>
      Array.from({ length: n }, (_, k) => {
        const i = from + k;
        return source.post('/devices/operation', body(source.fiscalId, i), { 'Idempotency-Key': `burst-${i}` }).then((r) => {
          expect(r.body.status).toBe(0);
          answers.set(`burst-${i}`, r.text);
        });
      });
    const first = fire(0, 40);
    await new Promise((r) => setTimeout(r, 20));
    const backup = await source.post('/backup', {});
    expect(backup.status).toBe(200);
    const second = fire(40, 40);
    await Promise.all([...first, ...second]);
    await source.close();

    const dir = backup.body.dir as string;
    expect(backup.body.manifest.files).toContain('journal.sqlite');
    const snapshot = new Database(join(dir, 'journal.sqlite'), { readonly: true });
    const held = snapshot
      .prepare(`SELECT k.key, j.state FROM idempotency k JOIN jobs j ON j.id = k.job_id WHERE k.key LIKE 'native:burst-%'`)
      .all() as Array<{ key: string; state: string }>;
    snapshot.close();
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(80); // taken during the burst, not after it

    const restoredDir = join(tempDir('fiscool-restored-'), 'data');
    cleanup.push(restoredDir);
    restoreDataDir(dir, restoredDir);
    const restored = await startTestHub({ dataDir: restoredDir });
    try {
      let sameBytes = 0;
      for (const { key, state } of held) {
        const k = key.slice('native:'.length);
        const i = Number(k.slice('burst-'.length));
        const r = await restored.post('/devices/operation', body(restored.fiscalId, i), { 'Idempotency-Key': k });
        expect(r.body.status, `${k} (${state} in the backup)`).toBe(0);
        if (state === 'succeeded') {
          expect(r.text, k).toBe(answers.get(k));
          sameBytes++;
        }
      }
      expect(sameBytes).toBeGreaterThan(0);
      // One job per key: replays never created new jobs.
      const jobs = restored.hub.journal.db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE idempotency_key LIKE 'native:burst-%'`).get() as { n: number };
      expect(jobs.n).toBe(held.length);
      // The simulated register's memory came along: every receipt number the hub answered is in its journal once.
      const slips = restored.hub.journal.db
        .prepare(`SELECT json_extract(outcome, '$.result.slip_number') AS s FROM jobs WHERE state = 'succeeded' AND idempotency_key LIKE 'native:burst-%'`)
        .all() as Array<{ s: number }>;
      expect(new Set(slips.map((x) => x.s)).size).toBe(slips.length);
    } finally {
      await restored.close();
    }
  }, 90_000);
});
