/**
 * Group commit: writes that must be durable before the caller goes on (a job's `running` mark, before the first byte
 * reaches the device) and that arrive in the same turn of the event loop share one transaction and so one fsync.
 * With one register busy nothing changes (one write, one fsync); with sixteen, sixteen marks cost one fsync.
 */
import type Database from 'better-sqlite3';

export class GroupCommit {
  #pending: Array<{ write: () => void; resolve: () => void; reject: (e: unknown) => void }> = [];
  #scheduled = false;

  constructor(private readonly db: Database.Database) {}

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
        for (const b of batch) b.write();
      }).immediate();
    } catch (e) {
      for (const b of batch) b.reject(e);
      return;
    }
    for (const b of batch) b.resolve();
  }
}
