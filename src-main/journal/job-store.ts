/** Job and idempotency rows: every state transition is one committed transaction (journal before device). */
import { GroupCommit } from './group-commit.js';
import type Database from 'better-sqlite3';
import type { Db } from './journal.js';
import type { DeviceCounters } from '../domain/driver-contract.js';
import type { JobOperation, JobOutcome, JobRecord, JobSource, JobState } from '../domain/jobs.js';

interface JobRow {
  id: string;
  device_id: string;
  device_kind: string;
  source: string;
  operation: string;
  state: string;
  outcome: string | null;
  idempotency_key: string | null;
  counters_before: string | null;
  progress: string | null;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export type StoredJob = JobRecord & {
  counters_before: DeviceCounters | null;
  progress: Record<string, unknown> | null;
};

function toJob(r: JobRow): StoredJob {
  // The journal holds only operations its schemas validated, each with the kind of its device.
  const op = { device_kind: r.device_kind, operation: JSON.parse(r.operation) } as JobOperation;
  return {
    ...op,
    id: r.id,
    device_id: r.device_id,
    source: r.source as JobSource,
    state: r.state as JobState,
    outcome: r.outcome ? (JSON.parse(r.outcome) as JobOutcome) : null,
    idempotency_key: r.idempotency_key,
    counters_before: r.counters_before ? (JSON.parse(r.counters_before) as DeviceCounters) : null,
    progress: r.progress ? (JSON.parse(r.progress) as Record<string, unknown>) : null,
    attempts: r.attempts,
    created_at: r.created_at,
    started_at: r.started_at,
    finished_at: r.finished_at,
  };
}

/** Longest a success waits for the next group commit before it is written by itself. */
const PENDING_MAX_MS = 10;

interface PendingFinish {
  state: 'succeeded';
  outcome: JobOutcome;
  text: string;
  at: string;
  /** A read-only job's running mark, written with its end. */
  startedAt: string | undefined;
}

export type InsertResult =
  | { kind: 'inserted'; job: StoredJob }
  | { kind: 'existing'; job: StoredJob }
  | { kind: 'conflict'; job: StoredJob };

export class JobStore {
  readonly #db: Db;
  readonly #group: GroupCommit;
  readonly #stmts;
  readonly #listStmts = new Map<string, Database.Statement<unknown[]>>();
  /** The jobs in doubt, id → device: a device's health asks how many on every job event, so no query is needed. */
  readonly #inDoubt = new Map<string, string>();
  /** Read-only jobs running now whose running mark is not written (see markRunning): id → started_at. */
  readonly #unmarked = new Map<string, string>();
  /** Successes answered but not yet written (see finish): written with the next group commit, or soon by themselves. */
  readonly #pending = new Map<string, PendingFinish>();
  #pendingScheduled = false;

  constructor(db: Db) {
    this.#db = db;
    // The group commit's transaction carries the successes waiting to be written (its fsync makes them durable too).
    this.#group = new GroupCommit(db, { before: () => this.#writePending(), committed: () => this.#pending.clear() });
    this.#stmts = {
      insert: db.prepare(
        `INSERT INTO jobs (id, device_id, device_kind, source, operation, state, idempotency_key, created_at)
         VALUES (@id, @device_id, @device_kind, @source, @operation, 'queued', @idempotency_key, @created_at)`,
      ),
      // OR REPLACE: a key whose job retention has just deleted (the key row goes next) is taken by the new job.
      insertKey: db.prepare(`INSERT OR REPLACE INTO idempotency (key, body_hash, job_id, created_at) VALUES (?, ?, ?, ?)`),
      getKey: db.prepare(`SELECT body_hash, job_id FROM idempotency WHERE key = ?`),
      get: db.prepare(`SELECT * FROM jobs WHERE id = ?`),
      running: db.prepare(
        `UPDATE jobs SET state = 'running', counters_before = ?, started_at = ?, attempts = attempts + 1 WHERE id = ?`,
      ),
      // `started`: a read-only job's running mark, never written, goes with its end (NULL keeps the mark written).
      finish: db.prepare(
        `UPDATE jobs SET state = @state, outcome = @outcome, finished_at = @at, started_at = COALESCE(@started, started_at),
           attempts = attempts + (@started IS NOT NULL) WHERE id = @id RETURNING *`,
      ),
      inDoubtJobs: db.prepare(`SELECT id, device_id FROM jobs WHERE state = 'in_doubt'`),
      inDoubt: db.prepare(`UPDATE jobs SET state = 'in_doubt', outcome = ? WHERE id = ? RETURNING device_id`),
      requeue: db.prepare(`UPDATE jobs SET state = 'queued', counters_before = NULL WHERE id = ?`),
      progress: db.prepare(`UPDATE jobs SET progress = ? WHERE id = ?`),
      markInDoubt: db.prepare(`UPDATE jobs SET state = 'in_doubt' WHERE state = 'running'`),
      byState: db.prepare(`SELECT * FROM jobs WHERE state = ? ORDER BY seq`),
      countByState: db.prepare(`SELECT device_id, state, COUNT(*) AS n FROM jobs GROUP BY device_id, state`),
      countOne: db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE device_id = ? AND state = ?`),
      byResult: db.prepare(
        `SELECT * FROM jobs WHERE device_id = ? AND state = 'succeeded' AND json_extract(outcome, '$.result.' || ?) = ? ORDER BY seq DESC LIMIT 1`,
      ),
      byProgressState: db.prepare(`SELECT * FROM jobs WHERE json_extract(progress, ?) IN (SELECT value FROM json_each(?)) ORDER BY seq`),
      purgeJobs: db.prepare(`DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ?`),
      purgeKeys: db.prepare(`DELETE FROM idempotency WHERE created_at < ? AND job_id NOT IN (SELECT id FROM jobs WHERE finished_at IS NULL)`),
      span: db.prepare(`SELECT COUNT(*) AS jobs, MIN(created_at) AS oldest, MAX(created_at) AS newest FROM jobs`),
      keys: db.prepare(`SELECT COUNT(*) AS n FROM idempotency`),
    };
    this.#loadInDoubt();
  }

  #loadInDoubt(): void {
    this.#inDoubt.clear();
    for (const r of this.#stmts.inDoubtJobs.all() as Array<{ id: string; device_id: string }>) this.#inDoubt.set(r.id, r.device_id);
  }

  /** A read-only job's running mark, written after all when it leaves `running` other than by finishing. */
  #writeDeferredMark(id: string): void {
    const at = this.#unmarked.get(id);
    if (at === undefined) return;
    this.#unmarked.delete(id);
    this.#stmts.running.run(null, at, id);
  }

  /** Insert a queued job, atomically with its idempotency key (replay/conflict decided in the same transaction). */
  insert(job: {
    id: string;
    device_id: string;
    device_kind: 'fiscal' | 'pos';
    source: JobSource;
    operation: object;
    idempotency_key: string | null;
    body_hash: string;
  }): InsertResult {
    const tx = this.#db.transaction((): InsertResult => {
      if (job.idempotency_key !== null) {
        const existing = this.#stmts.getKey.get(job.idempotency_key) as { body_hash: string; job_id: string } | undefined;
        if (existing) {
          const prior = this.get(existing.job_id);
          if (prior) return { kind: existing.body_hash === job.body_hash ? 'existing' : 'conflict', job: prior };
        }
      }
      const now = new Date().toISOString();
      this.#stmts.insert.run({
        id: job.id,
        device_id: job.device_id,
        device_kind: job.device_kind,
        source: job.source,
        operation: JSON.stringify(job.operation),
        idempotency_key: job.idempotency_key,
        created_at: now,
      });
      if (job.idempotency_key !== null) this.#stmts.insertKey.run(job.idempotency_key, job.body_hash, job.id, now);
      // The row as written (no read back): the operation is the validated value, typed by its device's kind.
      const op = { device_kind: job.device_kind, operation: job.operation } as JobOperation;
      const inserted: StoredJob = {
        ...op,
        id: job.id,
        device_id: job.device_id,
        source: job.source,
        state: 'queued',
        outcome: null,
        idempotency_key: job.idempotency_key,
        counters_before: null,
        progress: null,
        attempts: 0,
        created_at: now,
        started_at: null,
        finished_at: null,
      };
      return { kind: 'inserted', job: inserted };
    });
    // A queued job need not reach the disk before it runs: the `running` commit (synchronous=FULL) flushes the WAL
    // with it, and a request lost to a power cut before that was never answered, so the client retries it.
    return this.#withoutFsync(() => tx.immediate());
  }

  /** Run `write` with synchronous=NORMAL: on disk with the next fsync'ed commit, not before it returns. */
  #withoutFsync<T>(write: () => T): T {
    this.#db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      this.#db.pragma('synchronous = FULL');
    }
  }

  get(id: string): StoredJob | undefined {
    const row = this.#stmts.get.get(id) as JobRow | undefined;
    if (!row) return undefined;
    const job = toJob(row);
    const done = this.#pending.get(id);
    if (done) {
      const started = done.startedAt === undefined ? {} : { started_at: done.startedAt, attempts: job.attempts + 1 };
      return { ...job, ...started, state: done.state, outcome: done.outcome, finished_at: done.at };
    }
    const startedAt = this.#unmarked.get(id);
    return startedAt === undefined ? job : { ...job, state: 'running', started_at: startedAt, attempts: job.attempts + 1 };
  }

  /** Write the successes waiting (see finish) now: before any query that reads more than one job by id. */
  flush(): void {
    if (this.#pending.size === 0) return;
    this.#withoutFsync(() => this.#db.transaction(() => this.#writePending()).immediate());
    this.#pending.clear();
  }

  #writePending(): void {
    for (const [id, p] of this.#pending) this.#stmts.finish.run({ id, state: p.state, outcome: p.text, at: p.at, started: p.startedAt ?? null });
  }

  findByKey(key: string): StoredJob | undefined {
    const k = this.#stmts.getKey.get(key) as { job_id: string } | undefined;
    return k ? this.get(k.job_id) : undefined;
  }

  /**
   * The job is about to reach its device. `durable`: resolves only once the mark is on disk (journal before device),
   * grouped with the marks of other devices' jobs into one fsync. A read-only job's mark (`durable` false) is not
   * written at all: it is kept here (get() shows it) and written with the job's end. Lost to a crash, the read is
   * `queued` and simply runs again; GET /jobs lists it as queued while it runs.
   */
  async markRunning(id: string, counters: DeviceCounters | null, durable = true): Promise<string> {
    this.#inDoubt.delete(id);
    const at = new Date().toISOString();
    if (!durable) {
      // A read-only job (it carries no counters): nothing to journal before it runs.
      this.#unmarked.set(id, at);
      return at;
    }
    await this.#group.durable(() => this.#stmts.running.run(counters ? JSON.stringify(counters) : null, at, id));
    return at;
  }

  /**
   * A success need not reach the disk before its answer leaves: lost to a power cut or a kill, the job comes back
   * `running`, is reconciled from the device's counters and ends the same (`reconciled`). So it is written after the
   * answer: inside the next group commit (the next job's running mark), or by itself within PENDING_MAX_MS; until
   * then get() shows it finished and every other query writes it first. A failure is written at once
   * and on disk before its answer (synchronous=FULL): lost, the job would be re-run after the client was told
   * "failed", and the client may have sent the sale again under a new key. Returns the job as it now stands: built
   * from `current` (the caller's up-to-date copy, running mark included) when given, else read back.
   */
  finish(id: string, state: 'succeeded' | 'failed', outcome: JobOutcome, current?: StoredJob): StoredJob | undefined {
    const startedAt = this.#unmarked.get(id);
    this.#unmarked.delete(id);
    this.#inDoubt.delete(id);
    const at = new Date().toISOString();
    const text = JSON.stringify(outcome);
    if (state === 'succeeded') {
      this.#pending.set(id, { state, outcome, text, at, startedAt });
      if (!this.#pendingScheduled) {
        this.#pendingScheduled = true;
        setTimeout(() => {
          this.#pendingScheduled = false;
          if (this.#db.open) this.flush();
        }, PENDING_MAX_MS).unref();
      }
      return current ? { ...current, state, outcome, finished_at: at } : this.get(id);
    }
    this.flush();
    const row = this.#stmts.finish.get({ id, state, outcome: text, at, started: startedAt ?? null }) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  markInDoubt(id: string, outcome: JobOutcome): void {
    this.flush();
    this.#writeDeferredMark(id);
    const row = this.#stmts.inDoubt.get(JSON.stringify(outcome), id) as { device_id: string } | undefined;
    if (row) this.#inDoubt.set(id, row.device_id);
  }

  requeue(id: string): void {
    this.flush();
    this.#writeDeferredMark(id);
    this.#inDoubt.delete(id);
    this.#stmts.requeue.run(id);
  }

  setProgress(id: string, progress: Record<string, unknown>): void {
    this.flush();
    this.#writeDeferredMark(id);
    this.#stmts.progress.run(JSON.stringify(progress), id);
  }

  /** At start-up: whatever was running when the process died is in doubt. */
  markRunningInDoubt(): number {
    this.flush();
    const n = this.#stmts.markInDoubt.run().changes;
    this.#loadInDoubt();
    return n;
  }

  listByState(state: JobState): StoredJob[] {
    this.flush();
    return (this.#stmts.byState.all(state) as JobRow[]).map(toJob);
  }

  list(q: { device_id?: string; state?: JobState; source?: string; from?: string; to?: string; limit?: number }, cap = 1000): StoredJob[] {
    this.flush();
    const where: string[] = [];
    const args: unknown[] = [];
    const filters: Array<[string, string | undefined]> = [
      ['device_id = ?', q.device_id],
      ['state = ?', q.state],
      ['source = ?', q.source],
      ['created_at >= ?', q.from],
      ['created_at < ?', q.to],
    ];
    for (const [clause, value] of filters) {
      if (!value) continue;
      where.push(clause);
      args.push(value);
    }
    const sql = `SELECT * FROM jobs ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT ?`;
    args.push(Math.min(Math.max(q.limit ?? 50, 1), cap));
    // Few shapes of query: prepared once each (a statement per call piles up native memory until GC).
    let stmt = this.#listStmts.get(sql);
    if (!stmt) this.#listStmts.set(sql, (stmt = this.#db.prepare(sql)));
    return (stmt.all(...args) as JobRow[]).map(toJob);
  }

  /** The newest succeeded job of a device whose result field (e.g. `slip_number`, `rrn`) has this value. */
  findSucceededByResult(deviceId: string, field: string, value: string | number): StoredJob | undefined {
    this.flush();
    if (!/^[a-z_]+$/.test(field)) throw new Error(`not a result field: ${field}`);
    const row = this.#stmts.byResult.get(deviceId, field, value) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  /** Jobs whose progress has, at `path` (a JSON path like `$.card.state`), one of these values. */
  listByProgress(path: string, values: string[]): StoredJob[] {
    this.flush();
    return (this.#stmts.byProgressState.all(path, JSON.stringify(values)) as JobRow[]).map(toJob);
  }

  /** How many jobs of a device are in this state (in doubt: counted in memory, the device's health asks on every job event). */
  countInState(deviceId: string, state: JobState): number {
    if (state === 'in_doubt') {
      let n = 0;
      for (const d of this.#inDoubt.values()) if (d === deviceId) n++;
      return n;
    }
    this.flush();
    return (this.#stmts.countOne.get(deviceId, state) as { n: number }).n;
  }

  countByDeviceAndState(): Array<{ device_id: string; state: JobState; n: number }> {
    this.flush();
    return this.#stmts.countByState.all() as Array<{ device_id: string; state: JobState; n: number }>;
  }

  /** Counts and dates for /health and the support bundle (no operation contents). */
  summary(): { jobs: number; keys: number; oldest: string | null; newest: string | null; by_state: Record<string, number> } {
    this.flush();
    const span = this.#stmts.span.get() as { jobs: number; oldest: string | null; newest: string | null };
    const by_state: Record<string, number> = {};
    for (const r of this.countByDeviceAndState()) by_state[r.state] = (by_state[r.state] ?? 0) + r.n;
    return { ...span, keys: (this.#stmts.keys.get() as { n: number }).n, by_state };
  }
}
