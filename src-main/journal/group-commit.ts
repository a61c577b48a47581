/**
 * Group commit: writes that must be durable before the caller goes on (a job's `running` mark, before the first byte
 * reaches the device) and that arrive in the same turn of the event loop share one transaction and so one fsync.
 * With one register busy nothing changes (one write, one fsync); with sixteen, sixteen marks cost one fsync.
 */
import type Database from 'better-sqlite3';

export class GroupCommit {
  #pending: Array<{ write: () => void; resolve: () => void; reject: (e: unknown) => void }> = [];
  #scheduled = false;

  /** `ride`: other writes that go along in the group's transaction (and so reach the disk with its fsync). */
  constructor(
    private readonly db: Database.Database,
    private readonly ride: { before(): void; committed(): void } = { before: () => {}, committed: () => {} },
  ) {}

  /** Run `write` inside the next group transaction; resolves once that transaction is on disk (synchronous=FULL). */
  durable(write: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ write, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = [];
    try {
      this.db.transaction(() => {
        this.ride.before();
        for (const b of batch) b.write();
      }).immediate();
    } catch (e) {
      for (const b of batch) b.reject(e);
      return;
    }
    this.ride.committed();
    for (const b of batch) b.resolve();
  }
}
