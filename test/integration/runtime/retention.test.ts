/**
 * Journal retention on a real hub and its real SQLite journal. Time cannot pass 90 days in a test, so rows are aged
 * by rewriting their dates; everything else is the hub's own code path: finished jobs past the retention go with
 * their keys, what must stay stays (keys inside the window, jobs in doubt, a card charge still to void), the freed
 * pages go back by incremental vacuum, workers keep answering during a long prune, and a replay of a pruned key is
 * answered as docs/api.md says (a new request: it prints again).
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxStore } from '../../../src-main/doors/inbox/store.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function receipt(device_id: string, cents: number) {
  return {
    device_id,
    operation: {
      type: 'print_receipt',
      lines: [{ type: 'item', description: 'Cafea', quantity_thousandths: 1000, unit_price_cents: cents, vat: 'A' }],
      payments: [{ method: 'cash', amount_cents: cents }],
    },
  };
}

/** Make the job behind an HTTP Idempotency-Key look `days` old (created, finished and its key). */
function age(t: TestHub, key: string, days: number): string {
  const db = t.hub.journal.db;
  const row = db.prepare(`SELECT job_id FROM idempotency WHERE key = ?`).get(`native:${key}`) as { job_id: string };
  db.prepare(`UPDATE jobs SET created_at = ?, started_at = ?, finished_at = ? WHERE id = ?`).run(ago(days), ago(days), ago(days), row.job_id);
  db.prepare(`UPDATE idempotency SET created_at = ? WHERE key = ?`).run(ago(days), `native:${key}`);
  return row.job_id;
}

/** A journal row written the way the pipeline writes it, `days` old. */
function insertJob(t: TestHub, o: { state: string; kind?: 'fiscal' | 'pos'; key?: string; progress?: object; days: number; type?: string; id?: string }): string {
  const id = o.id ?? randomUUID();
  const db = t.hub.journal.db;
  db.prepare(
    `INSERT INTO jobs (id, device_id, device_kind, source, operation, state, outcome, idempotency_key, progress, attempts, created_at, started_at, finished_at)
     VALUES (?, ?, ?, 'http', ?, ?, NULL, ?, ?, 1, ?, ?, ?)`,
  ).run(
    id,
    o.kind === 'pos' ? t.posId : t.fiscalId,
    o.kind ?? 'fiscal',
    JSON.stringify({ type: o.type ?? 'print_receipt', note: 'x'.repeat(600) }),
    o.state,
    o.key ?? null,
    o.progress ? JSON.stringify(o.progress) : null,
    ago(o.days),
    ago(o.days),
    o.state === 'in_doubt' || o.state === 'queued' ? null : ago(o.days),
  );
  if (o.key) db.prepare(`INSERT INTO idempotency (key, body_hash, job_id, created_at) VALUES (?, 'h', ?, ?)`).run(o.key, id, ago(o.days));
  return id;
}

const exists = (t: TestHub, id: string) => t.hub.journal.db.prepare(`SELECT 1 FROM jobs WHERE id = ?`).get(id) !== undefined;
const keyExists = (t: TestHub, key: string) => t.hub.journal.db.prepare(`SELECT 1 FROM idempotency WHERE key = ?`).get(key) !== undefined;

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close(true);
  hub = null;
});

describe('journal retention', () => {
  it('prunes finished jobs and keys past retention_days and keeps keys inside it, jobs in doubt and pending card voids', async () => {
    const t = (hub = await startTestHub());
    expect(t.hub.settings.get().retention_days).toBe(90);
    const oldAnswer = await t.post('/devices/operation', receipt(t.fiscalId, 100), { 'Idempotency-Key': 'old-receipt' });
    const keptAnswer = await t.post('/devices/operation', receipt(t.fiscalId, 200), { 'Idempotency-Key': 'kept-receipt' });
    expect(oldAnswer.body.status).toBe(0);
    const oldJob = age(t, 'old-receipt', 91);
    const keptJob = age(t, 'kept-receipt', 89);

    const doubt = insertJob(t, { state: 'in_doubt', key: 'native:doubt', days: 400 });
    // A receipt that charged the card, then failed to print; its void never succeeded: the charge must still be undone.
    const pending = insertJob(t, { state: 'failed', progress: { pos: { rrn: '123', amount: 500 } }, days: 200 });
    const pendingSale = insertJob(t, { state: 'succeeded', kind: 'pos', type: 'sale', key: `job:${pending}:pos-sale`, days: 200 });
    const failedVoid = insertJob(t, { state: 'failed', kind: 'pos', type: 'void', key: `job:${pending}:pos-void`, days: 200 });
    // The same story with a void that went through: nothing left to do, all three go.
    const settled = insertJob(t, { state: 'failed', progress: { pos: { rrn: '456', amount: 500 } }, days: 200 });
    const settledSale = insertJob(t, { state: 'succeeded', kind: 'pos', type: 'sale', key: `job:${settled}:pos-sale`, days: 200 });
    const settledVoid = insertJob(t, { state: 'succeeded', kind: 'pos', type: 'void', key: `job:${settled}:pos-void`, days: 200 });

    const inbox = new InboxStore(t.hub.journal.db);
    const file = (name: string) => ({ device_id: t.fiscalId, folder: '/tmp/x', name, sha256: name, size: 3, attempt: 1, content: null });
    const oldFile = inbox.create(file('old.inp'));
    inbox.update(oldFile.id, { state: 'done', finished_at: ago(120) });
    const waiting = inbox.create(file('waiting.inp'));
    inbox.update(waiting.id, { state: 'waiting', waiting_since: ago(120) });

    const report = await t.hub.retention.run();
    expect(report.removed.jobs).toBe(4); // old receipt + the settled receipt, sale and void
    expect(report.removed.inbox_files).toBe(1);
    expect(exists(t, oldJob)).toBe(false);
    expect(keyExists(t, 'native:old-receipt')).toBe(false);
    expect(exists(t, keptJob)).toBe(true);
    expect(keyExists(t, 'native:kept-receipt')).toBe(true);
    expect(exists(t, doubt) && keyExists(t, 'native:doubt')).toBe(true);
    expect([pending, pendingSale, failedVoid].every((id) => exists(t, id))).toBe(true);
    expect([settled, settledSale, settledVoid].some((id) => exists(t, id))).toBe(false);
    expect(inbox.get(oldFile.id)).toBeUndefined();
    expect(inbox.get(waiting.id)).toBeDefined();

    // A key inside its window replays byte for byte and prints nothing.
    const slipsBefore = (await t.get(`/jobs?limit=1000`)).body.jobs.length;
    const replay = await t.post('/devices/operation', receipt(t.fiscalId, 200), { 'Idempotency-Key': 'kept-receipt' });
    expect(replay.text).toBe(keptAnswer.text);
    expect((await t.get(`/jobs?limit=1000`)).body.jobs.length).toBe(slipsBefore);
    // A pruned key is forgotten (docs/api.md): the same request is a new one and prints a new receipt.
    const again = await t.post('/devices/operation', receipt(t.fiscalId, 100), { 'Idempotency-Key': 'old-receipt' });
    expect(again.body.status).toBe(0);
    expect(again.body.job_id).not.toBe(oldAnswer.body.job_id);
    expect(again.body.slip_number).toBeGreaterThan(keptAnswer.body.slip_number);

    // Retention is shown in GET /health and in the settings.
    const health = (await t.get('/health')).body;
    expect(health.retention).toMatchObject({ days: 90, running: false, error: null });
    expect(health.retention.last_run.removed.jobs).toBe(4);
    expect((await t.get('/manage/settings')).body.settings.retention_days).toBe(90);
  });

  it('gives the freed pages back to the file system (incremental vacuum) and keeps answering during a long prune', async () => {
    const t = (hub = await startTestHub());
    const db = t.hub.journal.db;
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2); // INCREMENTAL
    const insertMany = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insertJob(t, { state: 'succeeded', key: `native:bulk-${i}`, days: 100 });
    });
    insertMany(20_000);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = join(t.dataDir, 'journal.sqlite');
    const before = statSync(file).size;
    expect(before).toBeGreaterThan(10 * 1024 * 1024);

    const answeredDuring: boolean[] = [];
    let pruning = true;
    const prune = t.hub.retention.run().finally(() => {
      pruning = false;
    });
    for (let i = 0; i < 4; i++) {
      const r = await t.post('/devices/operation', receipt(t.fiscalId, 100 + i));
      expect(r.body.status).toBe(0);
      answeredDuring.push(pruning);
    }
    const report = await prune;
    expect(report.removed.jobs).toBe(20_000);
    expect(report.removed.idempotency).toBe(20_000);
    expect(report.batches).toBeGreaterThan(20);
    // Receipts were answered while the prune was still going: it yields between batches instead of blocking.
    expect(answeredDuring[0]).toBe(true);
    expect(report.longest_batch_ms).toBeLessThan(2000);
    expect(report.vacuumed_pages).toBeGreaterThan(1000);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const after = statSync(file).size;
    expect(after).toBeLessThan(before / 4);
  }, 120_000);
});
