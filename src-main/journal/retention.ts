/**
 * Journal retention: finished jobs older than `retention_days` are deleted with their idempotency keys, in small
 * batches that yield to the event loop between them (device workers and HTTP answers interleave with a long prune),
 * then the freed pages go back to the file system by incremental vacuum, a few pages at a time.
 *
 * Never pruned: jobs not finished (queued, running, in doubt) — their keys stay too — and receipts whose card
 * charge still has to be voided (a failed receipt that charged the linked terminal, with no successful void),
 * together with that sale and void. Other tables (inbox records, device events) plug in as `Pruner`s.
 */
import type { Db } from './journal.js';

export interface Pruner {
  readonly name: string;
  /** Delete at most `limit` rows older than `cutoffIso`; returns how many went. */
  pruneBatch(cutoffIso: string, limit: number): number;
}

export interface PruneReport {
  started_at: string;
  finished_at: string;
  cutoff: string;
  /** Rows removed per table (`jobs`, `idempotency`, and each pruner's name). */
  removed: Record<string, number>;
  /** Pages returned to the file system by incremental vacuum. */
  vacuumed_pages: number;
  batches: number;
  /** The longest single batch, ms: how long a worker could have waited. */
  longest_batch_ms: number;
}

export interface RetentionOptions {
  days: () => number;
  pruners?: Pruner[];
  /** Rows per transaction (default 500). */
  batch?: number;
  /** Pages per incremental-vacuum step (default 256 = 1 MiB with 4 KiB pages). */
  vacuumPages?: number;
  now?: () => number;
}

export interface RetentionStatus {
  days: number;
  running: boolean;
  last_run: PruneReport | null;
  next_run_at: string | null;
}

const DAY_MS = 86_400_000;

/** Receipt jobs whose card charge must still be voided (kept however old), and their sale/void jobs. */
const PENDING_VOID = `
  SELECT r.id FROM jobs r WHERE r.state = 'failed' AND r.device_kind = 'fiscal' AND r.progress LIKE '%"pos"%'
    AND NOT EXISTS (SELECT 1 FROM idempotency k JOIN jobs v ON v.id = k.job_id
                    WHERE k.key = 'job:' || r.id || ':pos-void' AND v.state = 'succeeded')`;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class JournalRetention {
  readonly #db: Db;
  readonly #o: Required<Omit<RetentionOptions, 'pruners'>> & { pruners: Pruner[] };
  readonly #stmts;
  #running: Promise<PruneReport> | null = null;
  #again: Promise<PruneReport> | null = null;
  #last: PruneReport | null = null;
  #timer: NodeJS.Timeout | null = null;
  #nextAt: number | null = null;

  constructor(db: Db, o: RetentionOptions) {
    this.#db = db;
    this.#o = { batch: 500, vacuumPages: 256, now: () => Date.now(), pruners: [], ...o };
    this.#stmts = {
      candidates: db.prepare(
        `SELECT id FROM jobs WHERE state IN ('succeeded','failed') AND finished_at IS NOT NULL AND finished_at < ?
           AND id NOT IN (${PENDING_VOID})
           AND NOT (COALESCE(idempotency_key, '') LIKE 'job:%:pos-____'
                    AND substr(idempotency_key, 5, length(idempotency_key) - 13) IN (${PENDING_VOID}))
         ORDER BY seq LIMIT ?`,
      ),
      deleteKeysOf: db.prepare(`DELETE FROM idempotency WHERE job_id = ?`),
      deleteJob: db.prepare(`DELETE FROM jobs WHERE id = ?`),
      orphanKeys: db.prepare(
        `DELETE FROM idempotency WHERE rowid IN (SELECT k.rowid FROM idempotency k WHERE k.created_at < ?
           AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = k.job_id) LIMIT ?)`,
      ),
    };
  }

  get days(): number {
    return this.#o.days();
  }

  status(): RetentionStatus {
    return {
      days: this.days,
      running: this.#running !== null,
      last_run: this.#last,
      next_run_at: this.#nextAt === null ? null : new Date(this.#nextAt).toISOString(),
    };
  }

  /**
   * Run once now. A run already going is never doubled: callers during it get one more run that starts when it
   * ends (it may have looked at the journal before their rows aged), shared by all of them.
   */
  run(): Promise<PruneReport> {
    if (this.#running) {
      this.#again ??= this.#running.catch(() => undefined).then(() => {
        this.#again = null;
        return this.run();
      });
      return this.#again;
    }
    const current = this.#prune().finally(() => {
      if (this.#running === current) this.#running = null;
    });
    this.#running = current;
    return current;
  }

  /** Run at once and then every `everyMs` (default 6 h). */
  start(everyMs = 6 * 3600_000, onError: (err: unknown) => void = () => undefined): void {
    const tick = () => {
      this.#nextAt = this.#o.now() + everyMs;
      this.#timer = setTimeout(() => void this.run().catch(onError).finally(tick), everyMs);
      this.#timer.unref();
    };
    void this.run().catch(onError).finally(tick);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#nextAt = null;
    await this.#running?.catch(() => undefined);
  }

  async #prune(): Promise<PruneReport> {
    const started = this.#o.now();
    const cutoff = new Date(started - Math.max(1, this.days) * DAY_MS).toISOString();
    const removed: Record<string, number> = { jobs: 0, idempotency: 0 };
    let batches = 0;
    let longest = 0;
    const timed = (work: () => number): number => {
      const t0 = performance.now();
      const n = this.#db.transaction(work).immediate();
      longest = Math.max(longest, performance.now() - t0);
      batches++;
      return n;
    };
    const limit = this.#o.batch;
    const step = async (key: string, work: () => number) => {
      for (;;) {
        if (!this.#db.open) return;
        const n = timed(work);
        removed[key] = (removed[key] ?? 0) + n;
        await yieldToLoop();
        if (n < limit) return;
      }
    };
    await step('jobs', () => {
      const ids = this.#stmts.candidates.all(cutoff, limit) as Array<{ id: string }>;
      for (const { id } of ids) {
        removed.idempotency = (removed.idempotency ?? 0) + this.#stmts.deleteKeysOf.run(id).changes;
        this.#stmts.deleteJob.run(id);
      }
      return ids.length;
    });
    await step('idempotency', () => this.#stmts.orphanKeys.run(cutoff, limit).changes);
    for (const p of this.#o.pruners) await step(p.name, () => p.pruneBatch(cutoff, limit));
    const vacuumed = await this.#vacuum();
    const report: PruneReport = {
      started_at: new Date(started).toISOString(),
      finished_at: new Date(this.#o.now()).toISOString(),
      cutoff,
      removed,
      vacuumed_pages: vacuumed,
      batches,
      longest_batch_ms: Math.round(longest * 10) / 10,
    };
    this.#last = report;
    return report;
  }

  /** Give free pages back a few at a time (auto_vacuum = INCREMENTAL, see journal.ts). */
  async #vacuum(): Promise<number> {
    let total = 0;
    while (this.#db.open) {
      const free = this.#db.pragma('freelist_count', { simple: true }) as number;
      if (free === 0) break;
      this.#db.pragma(`incremental_vacuum(${Math.min(free, this.#o.vacuumPages)})`);
      total += Math.min(free, this.#o.vacuumPages);
      await yieldToLoop();
    }
    if (this.#db.open && total > 0) this.#db.pragma('wal_checkpoint(PASSIVE)');
    return total;
  }
}
