/**
 * The hub's journal: one SQLite file (WAL) holding jobs, idempotency keys and device events. Other modules (the
 * inbox, compat doors) add their own tables to the same database.
 */
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  device_id TEXT NOT NULL,
  device_kind TEXT NOT NULL,
  source TEXT NOT NULL,
  operation TEXT NOT NULL,
  state TEXT NOT NULL,
  outcome TEXT,
  idempotency_key TEXT,
  counters_before TEXT,
  progress TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX IF NOT EXISTS jobs_device_state ON jobs(device_id, state, seq);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  body_hash TEXT NOT NULL,
  job_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_job ON idempotency(job_id);
CREATE INDEX IF NOT EXISTS jobs_finished ON jobs(finished_at) WHERE finished_at IS NOT NULL;
-- device_events was created by earlier versions and never written: dropped.
DROP TABLE IF EXISTS device_events;
`;

export function openJournal(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  useIncrementalVacuum(db);
  db.pragma('journal_mode = WAL');
  // The WAL file is cut back to this size after a checkpoint instead of staying at its high-water mark.
  db.pragma('journal_size_limit = 16777216');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

/**
 * Freed pages go back to the file system by `PRAGMA incremental_vacuum` (retention.ts) rather than staying in the
 * file. A new database takes the mode before its first table; a journal made before this (auto_vacuum NONE) is
 * converted once by a full VACUUM, at start-up, before any worker runs.
 */
function useIncrementalVacuum(db: Db): void {
  const INCREMENTAL = 2;
  if ((db.pragma('auto_vacuum', { simple: true }) as number) === INCREMENTAL) return;
  db.pragma('auto_vacuum = INCREMENTAL');
  const hasTables = (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master`).get() as { n: number }).n > 0;
  if (hasTables) db.exec('VACUUM');
}

/** The journal file and its WAL, bytes on disk (what a backup or the disk sees). */
export function journalFileBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      total += statSync(f).size;
    } catch {
      // no WAL right now
    }
  }
  return total;
}

export function journalSizeBytes(db: Db): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return pages * size;
}

/** Free pages inside the file (reclaimed by the next incremental vacuum). */
export function journalFreeBytes(db: Db): number {
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return free * size;
}
