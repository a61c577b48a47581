/** What job runners need from the pipeline: one narrow object, so runners stay testable and small. */
import type { Logger } from 'pino';
import type { Language } from '../domain/error-codes.js';
import type { JobOutcome, JobRecord } from '../domain/jobs.js';
import type { DeviceRegistry } from '../devices/registry.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobStore, StoredJob } from '../journal/job-store.js';
import type { SubmitRequest, SubmitResult } from './contracts.js';

export interface RunnerDeps {
  store: JobStore;
  registry: DeviceRegistry;
  logger: Logger;
  /** For pos_prompt and pos_pending_void events (card payments). */
  events: EventBus;
  language(): Language;
  /** The job to run next, as submitted (no journal read) or else as the journal has it. */
  load(id: string): StoredJob | undefined;
  /** Journal the job as running (durable before the device is touched, unless the operation only reads). */
  markRunning(job: StoredJob, counters: StoredJob['counters_before']): Promise<void>;
  /** Commit the outcome and tell waiters/subscribers. */
  finish(job: StoredJob, outcome: JobOutcome): JobRecord;
  /** The outcome is unknown until the device can be asked: park the job in doubt. */
  parkInDoubt(job: StoredJob, outcome: JobOutcome): void;
  progress(job: StoredJob, p: { step: string; done?: number; total?: number }): void;
  submit(req: SubmitRequest): SubmitResult;
}

/** What a runner tells the worker after a job. */
/** `left_open`: finished (nothing printed), but a receipt stays open on the register: the worker cancels it when it can. */
export type RunVerdict = 'finished' | 'in_doubt' | 'requeue' | 'left_open';
