/**
 * The journal's write rules (journal/job-store.ts), on a real SQLite file read back through a second connection —
 * what another process, or the hub after a crash, would find on disk.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal, type Db } from '../../../src-main/journal/journal.js';
import { JobStore } from '../../../src-main/journal/job-store.js';
import { tempDir } from '../../helpers/hub.js';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) if (d.open) d.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(): { store: JobStore; db: Db; file: string; onDisk: (id: string) => Record<string, unknown> | undefined } {
  const dir = tempDir('fiscool-journal-');
  dirs.push(dir);
  const file = join(dir, 'journal.db');
  const db = openJournal(file);
  dbs.push(db);
  const reader = new Database(file, { readonly: true });
  dbs.push(reader);
  const stmt = reader.prepare('SELECT state, outcome, started_at, finished_at, attempts FROM jobs WHERE id = ?');
  return { store: new JobStore(db), db, file, onDisk: (id) => stmt.get(id) as Record<string, unknown> | undefined };
}

let n = 0;
function insert(store: JobStore, type = 'print_x', device_id = 'dev-1') {
  const ins = store.insert({
    id: `job-${++n}`,
    device_id,
    device_kind: 'fiscal',
    source: 'http',
    operation: { type },
    idempotency_key: null,
    body_hash: 'h',
  });
  if (ins.kind !== 'inserted') throw new Error(ins.kind);
  return ins.job;
}

const ok = { ok: true as const, msg: 'OK', result: {} };
const failed = { ok: false as const, status: 1, code: 'PAPER_OUT' as const, error: 'paper out' };
const soon = () => new Promise((r) => setTimeout(r, 30));

describe('job store: when each write reaches the file', () => {
  it('a success is answered at once and written within milliseconds; get() and every query see it before', async () => {
    const { store, onDisk } = open();
    const job = insert(store);
    await store.markRunning(job.id, { receipt_open: false } as never);
    const answered = store.finish(job.id, 'succeeded', ok);
    expect(answered?.state).toBe('succeeded');
    expect(answered?.finished_at).toEqual(expect.any(String));
    expect(onDisk(job.id)?.state).toBe('running');
    expect(store.get(job.id)?.state).toBe('succeeded');
    expect(store.list({ state: 'succeeded' }).map((j) => j.id)).toEqual([job.id]);
    expect(onDisk(job.id)?.state).toBe('succeeded'); // the query wrote it first
    const other = insert(store);
    await store.markRunning(other.id, { receipt_open: false } as never);
    store.finish(other.id, 'succeeded', ok);
    await soon();
    expect(onDisk(other.id)).toMatchObject({ state: 'succeeded', attempts: 1, outcome: JSON.stringify(ok) });
  });

  it('a failure is on the file before finish returns', async () => {
    const { store, onDisk } = open();
    const job = insert(store);
    await store.markRunning(job.id, { receipt_open: false } as never);
    store.finish(job.id, 'failed', failed);
    expect(onDisk(job.id)).toMatchObject({ state: 'failed', outcome: JSON.stringify(failed) });
  });

  it('the next durable running mark carries the successes waiting, in one transaction', async () => {
    const { store, onDisk } = open();
    const a = insert(store);
    const b = insert(store);
    await store.markRunning(a.id, { receipt_open: false } as never);
    store.finish(a.id, 'succeeded', ok);
    const marked = store.markRunning(b.id, { receipt_open: false } as never);
    await marked;
    expect(onDisk(a.id)?.state).toBe('succeeded');
    expect(onDisk(b.id)?.state).toBe('running');
  });

  it('a success lost to a crash before it was written comes back running, so start-up reconciles it', async () => {
    const { store, db, file } = open();
    const job = insert(store);
    await store.markRunning(job.id, { receipt_open: false } as never);
    store.finish(job.id, 'succeeded', ok);
    db.close(); // the process dies before the turn ends: nothing more is written
    const again = new JobStore(openJournal(file));
    expect(again.get(job.id)?.state).toBe('running');
    expect(again.markRunningInDoubt()).toBe(1);
    expect(again.countInState('dev-1', 'in_doubt')).toBe(1);
  });

  it('a read-only job writes no running mark; get() shows it running and its end records when it started', async () => {
    const { store, onDisk } = open();
    const job = insert(store, 'get_status');
    await store.markRunning(job.id, null, false);
    expect(onDisk(job.id)).toMatchObject({ state: 'queued', started_at: null, attempts: 0 });
    const live = store.get(job.id);
    expect(live).toMatchObject({ state: 'running', attempts: 1 });
    store.finish(job.id, 'succeeded', ok);
    await soon();
    expect(onDisk(job.id)).toMatchObject({ state: 'succeeded', started_at: live?.started_at, attempts: 1 });
  });

  it('a read-only job that fails writes its start with its end', async () => {
    const { store, onDisk } = open();
    const job = insert(store, 'get_status');
    await store.markRunning(job.id, null, false);
    store.finish(job.id, 'failed', failed);
    expect(onDisk(job.id)).toMatchObject({ state: 'failed', attempts: 1, started_at: expect.any(String) });
  });

  it('counts jobs in doubt without a query, and the count agrees with the file through every transition', async () => {
    const { store, db, file } = open();
    const count = (dev: string) => (db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE device_id = ? AND state = 'in_doubt'`).get(dev) as { n: number }).n;
    const jobs = [insert(store), insert(store), insert(store, 'print_x', 'dev-2')];
    for (const j of jobs) await store.markRunning(j.id, { receipt_open: false } as never);
    for (const j of jobs) store.markInDoubt(j.id, failed);
    expect([store.countInState('dev-1', 'in_doubt'), store.countInState('dev-2', 'in_doubt')]).toEqual([2, 1]);
    store.finish(jobs[0]!.id, 'succeeded', ok);
    store.requeue(jobs[1]!.id);
    expect(store.countInState('dev-1', 'in_doubt')).toBe(0);
    expect(count('dev-1')).toBe(0);
    expect(store.countInState('dev-2', 'in_doubt')).toBe(count('dev-2'));
    db.close();
    expect(new JobStore(openJournal(file)).countInState('dev-2', 'in_doubt')).toBe(1);
  });
});

describe('job store: idempotency keys', () => {
  it('a key whose job retention has already deleted is taken by the new job instead of failing the request', () => {
    const { store, db, onDisk } = open();
    db.prepare(`INSERT INTO idempotency (key, body_hash, job_id, created_at) VALUES ('k-old', 'h', 'gone', '2020-01-01T00:00:00Z')`).run();
    const r = store.insert({ id: `job-${++n}`, device_id: 'dev-1', device_kind: 'fiscal', source: 'http', operation: { type: 'print_x' }, idempotency_key: 'k-old', body_hash: 'hash-new' });
    expect(r.kind).toBe('inserted');
    expect(onDisk(r.job.id)?.state).toBe('queued');
    expect(store.findByKey('k-old')?.id).toBe(r.job.id);
  });
});
