/** The inbox's own journal table (`inbox_files`) on the hub's SQLite database: one row per file taken in. */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { JobOutcome } from '../../domain/jobs.js';

export type InboxState = 'waiting' | 'processing' | 'done' | 'failed' | 'discarded';
export const INBOX_STATES: readonly InboxState[] = ['waiting', 'processing', 'done', 'failed', 'discarded'];
/** Per-document progress of a file (one document = one operation = one job). */
export interface DocState {
  key: string;
  job_id: string | null;
  operation_type: string;
  outcome: JobOutcome | null;
  finished_at: string | null;
}

export interface InboxFileRecord {
  id: string;
  device_id: string;
  folder: string;
  name: string;
  sha256: string;
  size: number;
  state: InboxState;
  dialect: string | null;
  attempt: number;
  docs: DocState[];
  /** The last job of the file (convenience for lists). */
  job_id: string | null;
  /** Summary shown to users: receipt number, total, serial… (the answer's key=values). */
  result: Record<string, string> | null;
  error: string | null;
  error_line: number | null;
  error_code: number | null;
  /** Where the original went (`BonOK/x.inp`, `BonERR/x.inp`) and the answer file (`BonANSWER/x.txt`). */
  output: string | null;
  answer: string | null;
  finishing: 'ok' | 'failed' | 'discarded' | null;
  duplicate_of: string | null;
  created_at: string;
  updated_at: string;
  waiting_since: string | null;
  finished_at: string | null;
}

interface Row {
  id: string;
  device_id: string;
  folder: string;
  name: string;
  sha256: string;
  size: number;
  state: InboxState;
  dialect: string | null;
  attempt: number;
  docs: string;
  job_id: string | null;
  result: string | null;
  error: string | null;
  error_line: number | null;
  error_code: number | null;
  output: string | null;
  answer: string | null;
  finishing: InboxFileRecord['finishing'];
  duplicate_of: string | null;
  created_at: string;
  updated_at: string;
  waiting_since: string | null;
  finished_at: string | null;
}

const COLUMNS =
  'id, device_id, folder, name, sha256, size, state, dialect, attempt, docs, job_id, result, error, error_line, error_code, output, answer, finishing, duplicate_of, created_at, updated_at, waiting_since, finished_at';

function fromRow(r: Row): InboxFileRecord {
  return {
    ...r,
    docs: JSON.parse(r.docs) as DocState[],
    result: r.result === null ? null : (JSON.parse(r.result) as Record<string, string>),
  };
}

export type RecordPatch = Partial<
  Omit<InboxFileRecord, 'id' | 'device_id' | 'folder' | 'name' | 'sha256' | 'created_at'>
>;

export class InboxStore {
  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS inbox_files (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      folder TEXT NOT NULL,
      name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      state TEXT NOT NULL,
      dialect TEXT,
      attempt INTEGER NOT NULL DEFAULT 0,
      docs TEXT NOT NULL DEFAULT '[]',
      job_id TEXT,
      result TEXT,
      error TEXT,
      error_line INTEGER,
      error_code INTEGER,
      output TEXT,
      answer TEXT,
      finishing TEXT,
      duplicate_of TEXT,
      content BLOB,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      waiting_since TEXT,
      finished_at TEXT
    );
    CREATE INDEX IF NOT EXISTS inbox_files_identity ON inbox_files(device_id, name, sha256);
    CREATE INDEX IF NOT EXISTS inbox_files_state ON inbox_files(state, device_id);`);
  }

  create(r: {
    device_id: string;
    folder: string;
    name: string;
    sha256: string;
    size: number;
    attempt: number;
    content: Uint8Array | null;
  }): InboxFileRecord {
    const now = new Date().toISOString();
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO inbox_files (id, device_id, folder, name, sha256, size, state, attempt, docs, content, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'processing', ?, '[]', ?, ?, ?)`,
      )
      .run(
        id,
        r.device_id,
        r.folder,
        r.name,
        r.sha256,
        r.size,
        r.attempt,
        r.content === null ? null : Buffer.from(r.content),
        now,
        now,
      );
    return this.get(id) as InboxFileRecord;
  }

  get(id: string): InboxFileRecord | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM inbox_files WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  content(id: string): Buffer | null {
    const row = this.db.prepare('SELECT content FROM inbox_files WHERE id = ?').get(id) as
      { content: Buffer | null } | undefined;
    return row?.content ?? null;
  }

  /** Is the original still kept (so the file can be put back for a retry)? */
  contentKept(id: string): boolean {
    return this.db.prepare('SELECT content IS NOT NULL AS kept FROM inbox_files WHERE id = ?').pluck().get(id) === 1;
  }

  update(id: string, patch: RecordPatch): InboxFileRecord {
    const sets: string[] = ['updated_at = @updated_at'];
    const params: Record<string, unknown> = { id, updated_at: new Date().toISOString() };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      sets.push(`${k} = @${k}`);
      params[k] = k === 'docs' || k === 'result' ? (v === null ? null : JSON.stringify(v)) : v;
    }
    this.db.prepare(`UPDATE inbox_files SET ${sets.join(', ')} WHERE id = @id`).run(params);
    return this.get(id) as InboxFileRecord;
  }

  /** All records of the same file (device + name + content hash), oldest first. */
  sameFile(device_id: string, name: string, sha256: string): InboxFileRecord[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM inbox_files WHERE device_id = ? AND name = ? AND sha256 = ? ORDER BY created_at, rowid`,
      )
      .all(device_id, name, sha256) as Row[];
    return rows.map(fromRow);
  }

  active(device_id?: string): InboxFileRecord[] {
    const rows = (
      device_id === undefined
        ? this.db
            .prepare(
              `SELECT ${COLUMNS} FROM inbox_files WHERE state IN ('waiting','processing') ORDER BY created_at, rowid`,
            )
            .all()
        : this.db
            .prepare(
              `SELECT ${COLUMNS} FROM inbox_files WHERE state IN ('waiting','processing') AND device_id = ? ORDER BY created_at, rowid`,
            )
            .all(device_id)
    ) as Row[];
    return rows.map(fromRow);
  }

  /** Forget the original bytes of printed files (kept only while a file may still be retried). */
  dropContent(id: string): void {
    this.db.prepare('UPDATE inbox_files SET content = NULL WHERE id = ?').run(id);
  }

  /** Delete finished records older than `days` days; returns how many. */
  purgeOlderThan(days: number): number {
    const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
    let total = 0;
    for (let n = -1; n !== 0; total += n) n = this.pruneBatch(cutoff, 1000);
    return total;
  }

  /**
   * One retention batch (journal/retention.ts): at most `limit` finished records (done, failed, discarded) that
   * finished before `cutoffIso`. Files still waiting or processing are never pruned.
   */
  pruneBatch(cutoffIso: string, limit: number): number {
    return this.db
      .prepare(
        `DELETE FROM inbox_files WHERE rowid IN (SELECT rowid FROM inbox_files
           WHERE state IN ('done','failed','discarded') AND finished_at IS NOT NULL AND finished_at < ? LIMIT ?)`,
      )
      .run(cutoffIso, limit).changes;
  }

  /** Records per state (health, support bundle). */
  countByState(): Record<string, number> {
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n FROM inbox_files GROUP BY state').all() as Array<{ state: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  list(q: { device_id?: string; state?: string; limit?: number } = {}): InboxFileRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.device_id !== undefined) {
      where.push('device_id = ?');
      params.push(q.device_id);
    }
    if (q.state !== undefined) {
      where.push('state = ?');
      params.push(q.state);
    }
    const limit = Math.max(1, Math.min(q.limit ?? 100, 1000));
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM inbox_files ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at DESC, rowid DESC LIMIT ${limit}`,
      )
      .all(...params) as Row[];
    return rows.map(fromRow);
  }
}
