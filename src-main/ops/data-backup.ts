/**
 * Backup and restore of a data directory while the hub runs (docs/operations.md):
 *   journal.sqlite  SQLite online backup (journal/backup.ts): consistent, workers keep running
 *   settings.json   copied as is (written atomically by conf/electron-store, so never torn)
 *   simulated/      the simulated registers' own memory
 *   manifest.json   what, when, which version
 * Logs are not part of a backup. Restore copies a backup into an empty data directory (the hub stopped).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupJournal } from '../journal/backup.js';
import type { Db } from '../journal/journal.js';

export const JOURNAL_FILE = 'journal.sqlite';
export const SETTINGS_FILE = 'settings.json';
export const SIMULATED_DIR = 'simulated';
export const MANIFEST_FILE = 'manifest.json';

export interface BackupManifest {
  kind: 'fiscool-backup';
  version: string;
  created_at: string;
  data_dir: string;
  files: string[];
  journal_bytes: number;
}

export async function backupDataDir(o: { db: Db; dataDir: string; to: string; version: string }): Promise<BackupManifest> {
  if (existsSync(o.to) && readdirSync(o.to).length > 0) throw new Error(`backup target ${o.to} is not empty`);
  mkdirSync(o.to, { recursive: true });
  const files: string[] = [];
  const j = await backupJournal(o.db, join(o.to, JOURNAL_FILE));
  files.push(JOURNAL_FILE);
  if (existsSync(join(o.dataDir, SETTINGS_FILE))) {
    cpSync(join(o.dataDir, SETTINGS_FILE), join(o.to, SETTINGS_FILE));
    files.push(SETTINGS_FILE);
  }
  if (existsSync(join(o.dataDir, SIMULATED_DIR))) {
    cpSync(join(o.dataDir, SIMULATED_DIR), join(o.to, SIMULATED_DIR), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
    files.push(SIMULATED_DIR + '/');
  }
  const manifest: BackupManifest = {
    kind: 'fiscool-backup',
    version: o.version,
    created_at: new Date().toISOString(),
    data_dir: o.dataDir,
    files,
    journal_bytes: j.bytes,
  };
  writeFileSync(join(o.to, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** Copy a backup into `dataDir`, which must be empty or absent (stop the hub first). */
export function restoreDataDir(from: string, dataDir: string): BackupManifest {
  const manifestPath = join(from, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new Error(`${from} is not a FisCool backup (no ${MANIFEST_FILE})`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  if (manifest.kind !== 'fiscool-backup') throw new Error(`${manifestPath} is not a FisCool backup manifest`);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty: restore into a new data directory, or move the old one away first`);
  }
  mkdirSync(dataDir, { recursive: true });
  for (const f of manifest.files) cpSync(join(from, f), join(dataDir, f), { recursive: true });
  return manifest;
}
