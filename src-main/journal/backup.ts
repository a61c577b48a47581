/**
 * A consistent copy of the journal while the hub runs: SQLite's online backup API (better-sqlite3 `db.backup`),
 * which copies pages in steps and restarts by itself when a writer changes the database meanwhile, so workers keep
 * running. The copy is a complete database (no WAL beside it) that a hub opens as its journal.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './journal.js';

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

export async function backupJournal(db: Db, file: string): Promise<BackupResult> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  const t0 = performance.now();
  // 256 pages per step (1 MiB), then the event loop runs: HTTP answers and device workers go on during a backup.
  const r = await db.backup(tmp, { progress: () => 256 });
  renameSync(tmp, file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  return { file, bytes: r.totalPages * pageSize, pages: r.totalPages, ms: Math.round(performance.now() - t0) };
}
