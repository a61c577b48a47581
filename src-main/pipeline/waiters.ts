/** Promises that resolve when a job settles (finished, or in doubt after an attempt). */
import type { JobRecord } from '../domain/jobs.js';

export class JobWaiters {
  readonly #waiters = new Map<string, Array<(job: JobRecord) => void>>();

  wait(id: string): Promise<JobRecord> {
    return new Promise((resolve) => {
      const list = this.#waiters.get(id) ?? [];
      list.push(resolve);
      this.#waiters.set(id, list);
    });
  }

  settle(job: JobRecord): void {
    const list = this.#waiters.get(job.id);
    if (!list) return;
    this.#waiters.delete(job.id);
    for (const resolve of list) resolve(job);
  }
}
