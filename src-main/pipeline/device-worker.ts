/**
 * One worker per device: jobs run one at a time in FIFO order. Jobs in doubt are reconciled before the device takes
 * new work; while the device cannot be asked, new jobs fail at once as "unreachable" (they never touch the device).
 */
import type { StoredJob } from '../journal/job-store.js';
import { errorOutcome } from './outcomes.js';
import { reconcileNow, tidyOpenReceipt } from './run-fiscal-job.js';
import { reconcilePosNow } from './run-pos-job.js';
import type { RunnerDeps, RunVerdict } from './runner-deps.js';

export type RunJob = (deps: RunnerDeps, job: StoredJob) => Promise<RunVerdict>;

export class DeviceWorker {
  readonly #queue: string[] = [];
  readonly #doubt: string[] = [];
  #draining = false;
  #retryTimer: NodeJS.Timeout | null = null;
  #stopped = false;
  #idle: Promise<void> = Promise.resolve();
  /** A failed job left an unpaid receipt open on the register: cancel it when the queue is empty and the register can. */
  #tidy = false;

  constructor(
    readonly deviceId: string,
    readonly kind: 'fiscal' | 'pos',
    private readonly deps: RunnerDeps,
    private readonly run: RunJob,
    private readonly retryMs = 2000,
  ) {}

  enqueue(jobId: string, front = false): void {
    if (front) this.#queue.unshift(jobId);
    else this.#queue.push(jobId);
    this.kick();
  }

  addInDoubt(jobId: string): void {
    if (!this.#doubt.includes(jobId)) this.#doubt.push(jobId);
    this.kick();
  }

  get queued(): number {
    return this.#queue.length;
  }
  get inDoubt(): number {
    return this.#doubt.length;
  }

  kick(): void {
    if (this.#draining || this.#stopped) return;
    this.#draining = true;
    this.#idle = this.#drain().finally(() => {
      this.#draining = false;
      if (this.#doubt.length > 0 || this.#tidy) this.#scheduleRetry();
      else if (this.#queue.length > 0) this.kick();
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    await this.#idle;
  }

  #scheduleRetry(): void {
    if (this.#retryTimer || this.#stopped) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.kick();
    }, this.retryMs);
    this.#retryTimer.unref();
  }

  async #drain(): Promise<void> {
    while (!this.#stopped) {
      await this.#reconcileDoubts();
      const id = this.#queue.shift();
      if (id === undefined) {
        if (this.#tidy && this.kind === 'fiscal') this.#tidy = !(await tidyOpenReceipt(this.deps, this.deviceId));
        return;
      }
      const job = this.deps.load(id);
      if (!job || job.state !== 'queued') continue;
      if (this.#doubt.length > 0) {
        this.deps.finish(
          job,
          errorOutcome('DEVICE_UNREACHABLE', this.deps.language(), 'an interrupted job is waiting to be checked on the device'),
        );
        continue;
      }
      let verdict: RunVerdict;
      try {
        verdict = await this.run(this.deps, job);
      } catch (e) {
        this.deps.logger.error({ job_id: id, err: e }, 'job runner crashed');
        this.deps.finish(job, errorOutcome('DEVICE_ERROR', this.deps.language(), e instanceof Error ? e.message : String(e)));
        continue;
      }
      if (verdict === 'requeue') this.#requeue(job.id);
      else if (verdict === 'in_doubt') this.addInDoubt(job.id);
      else if (verdict === 'left_open') this.#tidy = true;
    }
  }

  async #reconcileDoubts(): Promise<void> {
    while (this.#doubt.length > 0 && !this.#stopped) {
      const id = this.#doubt[0] as string;
      const job = this.deps.store.get(id);
      if (!job || (job.state !== 'in_doubt' && job.state !== 'running')) {
        this.#doubt.shift();
        continue;
      }
      const verdict = await this.#reconcileLocked(job);
      if (verdict === 'in_doubt') return;
      this.#doubt.shift();
      if (verdict === 'requeue') this.#requeue(id);
    }
  }

  async #reconcileLocked(job: StoredJob): Promise<RunVerdict> {
    if (this.kind === 'pos') {
      const pos = this.deps.registry.posRuntime(this.deviceId);
      return pos ? pos.exclusive(() => reconcilePosNow(this.deps, job)) : 'in_doubt';
    }
    const runtime = this.deps.registry.fiscalRuntime(this.deviceId);
    if (!runtime) return 'in_doubt';
    return runtime.exclusive(() => reconcileNow(this.deps, job));
  }

  #requeue(id: string): void {
    this.deps.store.requeue(id);
    this.#queue.unshift(id);
  }
}
