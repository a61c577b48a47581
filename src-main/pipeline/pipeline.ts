/**
 * The durable job pipeline (design.md "The flow"): validate → journal (queued) → per-device FIFO worker →
 * journal (running, with the device counters) → driver → journal (outcome) → answer. Implements the
 * OperationService every door uses.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { JobOperation, JobOutcome, JobRecord } from '../domain/jobs.js';
import type { DeviceRegistry } from '../devices/registry.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobStore, StoredJob } from '../journal/job-store.js';
import type { SettingsService } from '../settings/settings-service.js';
import { bodyHash } from './body-hash.js';
import type { JobQuery, OperationService, SubmitRequest, SubmitResult, ValidateResult } from './contracts.js';
import { isFinished } from './contracts.js';
import { DeviceWorker } from './device-worker.js';
import { POS_CONTROL_OPERATIONS, READ_ONLY_OPERATIONS } from '../domain/operations.js';
import { capabilityFor } from './pos-journal.js';
import { startReversal, sweepCardLinks } from './card-reversal.js';
import { posOf } from './card-state.js';
import { PendingVoids } from './pending-voids.js';
import type { LatencyMetrics } from './metrics.js';
import { runFiscalJob } from './run-fiscal-job.js';
import { runPosJob } from './run-pos-job.js';
import type { RunnerDeps } from './runner-deps.js';
import { validateOperation } from './validate-operation.js';
import { JobWaiters } from './waiters.js';

export interface PipelineOptions {
  store: JobStore;
  registry: DeviceRegistry;
  events: EventBus;
  settings: SettingsService;
  logger: Logger;
  metrics: LatencyMetrics;
  reconcileRetryMs?: number;
}

/** Strip pipeline-internal fields from a stored job. */
export function publicJob(job: StoredJob | JobRecord): JobRecord {
  const { id, device_id, source, state, outcome, idempotency_key, attempts, created_at, started_at, finished_at } = job;
  const typed: JobOperation = job.device_kind === 'fiscal' ? { device_kind: 'fiscal', operation: job.operation } : { device_kind: 'pos', operation: job.operation };
  return { ...typed, id, device_id, source, state, outcome, idempotency_key, attempts, created_at, started_at, finished_at };
}

export class Pipeline implements OperationService {
  readonly #o: PipelineOptions;
  readonly #workers = new Map<string, DeviceWorker>();
  readonly #waiters = new JobWaiters();
  readonly #deps: RunnerDeps;
  /** Jobs submitted and not yet taken by their worker: the worker starts from this copy instead of reading it back. */
  readonly #submitted = new Map<string, StoredJob>();
  /** Card charges whose receipt failed and that are not reversed: GET /pos/pending-voids. */
  readonly pendingVoids: PendingVoids;
  #started = false;

  constructor(opts: PipelineOptions) {
    this.#o = opts;
    const lang = () => opts.settings.get().language;
    this.#deps = {
      store: opts.store,
      registry: opts.registry,
      logger: opts.logger,
      events: opts.events,
      language: lang,
      load: (id) => {
        const job = this.#submitted.get(id);
        if (!job) return opts.store.get(id);
        this.#submitted.delete(id);
        return job;
      },
      markRunning: async (job, counters) => {
        job.started_at = await opts.store.markRunning(job.id, counters, !READ_ONLY_OPERATIONS.has(job.operation.type));
        job.state = 'running';
        job.counters_before = counters;
        job.attempts += 1;
        this.#emit(job, 'running');
      },
      finish: (job, outcome) => this.#finish(job, outcome),
      parkInDoubt: (job, outcome) => {
        opts.store.markInDoubt(job.id, outcome);
        const fresh = opts.store.get(job.id) ?? job;
        this.#emit(fresh, 'in_doubt', outcome);
        this.#waiters.settle(publicJob(fresh));
      },
      progress: (job, p) => opts.events.emit('job', { ...this.#eventBase(job), state: 'progress', progress: p }),
      submit: (req) => this.submit(req),
    };
    this.pendingVoids = new PendingVoids(this.#deps, (deps, receipt) => {
      const pos = posOf(receipt);
      const sub = pos ? startReversal(deps, receipt, pos) : null;
      return sub?.kind === 'accepted' ? sub.job.id : null;
    });
  }

  /** Recover after a crash: running → in doubt (reconciled first), queued jobs resume in order. */
  start(): void {
    const s = this.#o.store;
    const doubted = s.markRunningInDoubt();
    if (doubted > 0) this.#o.logger.warn({ jobs: doubted }, 'jobs were running when the hub stopped; reconciling them with the devices');
    for (const job of s.listByState('in_doubt')) this.#workerFor(job)?.addInDoubt(job.id);
    for (const job of s.listByState('queued')) this.#workerFor(job)?.enqueue(job.id);
    this.#started = true;
    sweepCardLinks(this.#deps);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#workers.values()].map((w) => w.stop()));
  }

  /** Called by the registry when a device (re)starts: pending work for it resumes. */
  deviceStarted(kind: 'fiscal' | 'pos', id: string): void {
    if (this.#started) {
      this.#worker(id, kind)?.kick();
      if (kind === 'pos') this.#worker(id, kind, 'control')?.kick();
    }
  }

  workerStats(): Array<{ device_id: string; queued: number; in_doubt: number }> {
    const byDevice = new Map<string, { device_id: string; queued: number; in_doubt: number }>();
    for (const w of this.#workers.values()) {
      const s = byDevice.get(w.deviceId) ?? { device_id: w.deviceId, queued: 0, in_doubt: 0 };
      byDevice.set(w.deviceId, { ...s, queued: s.queued + w.queued, in_doubt: s.in_doubt + w.inDoubt });
    }
    return [...byDevice.values()];
  }

  validate(device_id: string, operation: unknown): ValidateResult {
    const reg = this.#o.registry;
    const kind = reg.kindOf(device_id);
    if (!kind) return { ok: false, kind: 'not_found', error: `Device not found: ${device_id}`, path: 'device_id' };
    const v = kind === 'pos' ? validateOperation(kind, operation, null) : validateOperation(kind, operation, reg.vatRates(device_id), reg.charset(device_id), reg.familyRules(device_id));
    if (!v.ok) return v;
    const can = reg.capabilities(device_id);
    const need = v.device_kind === 'pos' ? capabilityFor(v.operation) : v.operation.type;
    const able = (c: string) => can?.operations.includes(c) ?? true;
    if (!(Array.isArray(need) ? need.some(able) : able(need))) {
      const name = (kind === 'pos' ? reg.getPos(device_id) : reg.getFiscal(device_id))?.config.name ?? device_id;
      const what = Array.isArray(need) ? v.operation.type : need;
      const error = `operation.type: "${what}" is not supported by "${name}" (${can?.family}); it can do: ${can?.operations.join(', ')}`;
      return { ok: false, kind: 'invalid', error, path: 'operation.type', code: 'NOT_SUPPORTED' };
    }
    return v;
  }

  submit(req: SubmitRequest): SubmitResult {
    const v = this.validate(req.device_id, req.operation);
    if (!v.ok) return v.kind === 'not_found' ? { kind: 'not_found', error: v.error } : { kind: 'invalid', error: v.error, path: v.path, ...(v.code ? { code: v.code } : {}) };
    const ins = this.#o.store.insert({
      id: randomUUID(),
      device_id: req.device_id,
      device_kind: v.device_kind,
      source: req.source,
      operation: v.operation,
      idempotency_key: req.idempotency_key ?? null,
      // Only a key's replay compares bodies: without a key no hash is needed.
      body_hash: req.idempotency_key ? bodyHash(req.device_id, req.operation) : '',
    });
    if (ins.kind === 'conflict') {
      return { kind: 'conflict', error: 'Idempotency-Key was already used with a different request body' };
    }
    if (ins.kind === 'existing') {
      return { kind: 'accepted', job: publicJob(ins.job), replayed: true, done: this.#settled(ins.job.id) };
    }
    const job = ins.job;
    this.#submitted.set(job.id, { ...job });
    const done = this.#waiters.wait(job.id);
    this.#emit(job, 'queued');
    this.#workerFor(job)?.enqueue(job.id);
    return { kind: 'accepted', job: publicJob(job), replayed: false, done };
  }

  getJob(id: string): JobRecord | undefined {
    const j = this.#o.store.get(id);
    return j ? publicJob(j) : undefined;
  }

  findJobByIdempotencyKey(key: string): JobRecord | undefined {
    const j = this.#o.store.findByKey(key);
    return j ? publicJob(j) : undefined;
  }

  listJobs(q: JobQuery): JobRecord[] {
    return this.#o.store.list(q, Math.max(1000, Math.min(q.limit ?? 0, 50_000))).map(publicJob);
  }

  async waitForJob(id: string, timeoutMs?: number): Promise<JobRecord | undefined> {
    const job = this.getJob(id);
    if (!job || isFinished(job)) return job;
    const settled = this.#waiters.wait(id);
    if (timeoutMs === undefined) return settled;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<JobRecord | undefined>((resolve) => {
      timer = setTimeout(() => resolve(this.getJob(id)), timeoutMs);
    });
    try {
      return await Promise.race([settled, timeout]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** For a replayed key: the job's final record (waiting for it if it is still queued/running/in doubt). */
  async #settled(id: string): Promise<JobRecord> {
    const job = this.getJob(id);
    if (!job) throw new Error(`job ${id} vanished`);
    if (isFinished(job)) return job;
    const waited = await this.waitForJob(id, job.state === 'in_doubt' ? 30_000 : undefined);
    return waited ?? job;
  }

  /** A terminal's control operations (abort, status) have their own lane: they run beside a payment in progress. */
  #workerFor(job: Pick<StoredJob, 'device_id' | 'device_kind' | 'operation'>): DeviceWorker | undefined {
    const control = job.device_kind === 'pos' && POS_CONTROL_OPERATIONS.has(job.operation.type);
    return this.#worker(job.device_id, job.device_kind, control ? 'control' : 'main');
  }

  #worker(deviceId: string, kind: 'fiscal' | 'pos', lane: 'main' | 'control' = 'main'): DeviceWorker | undefined {
    const key = lane === 'main' ? deviceId : `${deviceId}#control`;
    let w = this.#workers.get(key);
    if (!w) {
      const run = kind === 'fiscal' ? runFiscalJob : runPosJob;
      w = new DeviceWorker(deviceId, kind, this.#deps, run, this.#o.reconcileRetryMs ?? 2000);
      this.#workers.set(key, w);
    }
    return w;
  }

  #finish(job: StoredJob, outcome: JobOutcome): JobRecord {
    const state = outcome.ok ? 'succeeded' : 'failed';
    this.#submitted.delete(job.id);
    const fresh = this.#o.store.finish(job.id, state, outcome, job) ?? { ...job, state, outcome };
    const rec = publicJob(fresh);
    this.#o.metrics.observe(job.device_id, job.operation.type, state, job.created_at, rec.finished_at);
    this.#emit(fresh, state, outcome);
    this.#waiters.settle(rec);
    return rec;
  }

  #eventBase(job: StoredJob | JobRecord) {
    return { job_id: job.id, device_id: job.device_id, operation_type: job.operation.type, source: job.source };
  }

  #emit(job: StoredJob | JobRecord, state: JobRecord['state'], outcome?: JobOutcome): void {
    this.#o.events.emit('job', { ...this.#eventBase(job), state, ...(outcome ? { outcome } : {}) });
  }
}
