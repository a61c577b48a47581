import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InboxStore } from '../../../src-main/doors/inbox/store.js';

let db: Database.Database;
let store: InboxStore;
beforeEach(() => {
  db = new Database(':memory:');
  store = new InboxStore(db);
});
afterEach(() => db.close());

const file = (name: string, sha = 'h1') => ({
  device_id: 'd1',
  folder: '/f',
  name,
  sha256: sha,
  size: 3,
  attempt: 0,
  content: Buffer.from('abc'),
});

describe('inbox store (real SQLite)', () => {
  it('creates, updates and finds records of the same file', () => {
    const a = store.create(file('a.inp'));
    expect(a).toMatchObject({ state: 'processing', docs: [], result: null, attempt: 0 });
    store.update(a.id, {
      state: 'done',
      docs: [{ key: 'k', job_id: 'j', operation_type: 'print_x', outcome: null, finished_at: null }],
      result: { RESULT: 'OK' },
    });
    const b = store.create({ ...file('a.inp'), attempt: 1 });
    store.create(file('a.inp', 'other-hash'));
    expect(store.sameFile('d1', 'a.inp', 'h1').map((r) => r.id)).toEqual([a.id, b.id]);
    expect(store.get(a.id)).toMatchObject({ docs: [{ key: 'k' }], result: { RESULT: 'OK' } });
    expect(store.active('d1').map((r) => r.id)).toContain(b.id);
    expect(store.active('d1').map((r) => r.id)).not.toContain(a.id);
    expect(store.list({ state: 'done' }).map((r) => r.id)).toEqual([a.id]);
    expect(store.list({ device_id: 'nope' })).toEqual([]);
    expect(store.list({ limit: 1 })).toHaveLength(1);
  });

  it('keeps the original only while it may be retried, and purges old finished records', () => {
    const a = store.create(file('a.inp'));
    expect(store.content(a.id)?.toString()).toBe('abc');
    store.dropContent(a.id);
    expect(store.content(a.id)).toBeNull();
    const old = store.create(file('old.inp'));
    store.update(old.id, { state: 'failed', finished_at: new Date(Date.now() - 10 * 86_400_000).toISOString() });
    const recent = store.create(file('new.inp'));
    store.update(recent.id, { state: 'failed', finished_at: new Date().toISOString() });
    expect(store.purgeOlderThan(7)).toBe(1);
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(recent.id)).toBeDefined();
    expect(store.get(a.id)).toBeDefined(); // still active: never purged
  });
});
