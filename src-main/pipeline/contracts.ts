/**
 * What doors (HTTP, WebSocket, INP inbox, ErpNet.FP, UcsFPHub, GUI) use to run operations. Every door turns its
 * request into an Operation and calls `submit`; the pipeline validates, journals, queues and runs it exactly once.
 */
import type { JobOperation, JobOutcome, JobRecord, JobSource, JobState } from '../domain/jobs.js';

export interface SubmitRequest {
  device_id: string;
  /** Raw operation object; validated against the fiscal or POS schema depending on the device. */
  operation: unknown;
  source: JobSource;
  /**
   * Idempotency key. Doors namespace their keys (`erpnet:<taskId>`, `ucs:<request_id>`, `inp:<device>:<name>:<sha256>`);
   * the native door passes the client's `Idempotency-Key` as is. Same key + same (device_id, operation) → the
   * first job is returned (replayed = true) and the device is not touched; same key + different body → conflict.
   */
  idempotency_key?: string;
}

export type SubmitResult =
  /** `code` NOT_SUPPORTED: the device's family cannot do this operation at all. */
  | { kind: 'invalid'; error: string; path: string | null; code?: 'NOT_SUPPORTED' }
  | { kind: 'not_found'; error: string }
  | { kind: 'conflict'; error: string }
  | { kind: 'accepted'; job: JobRecord; replayed: boolean; done: Promise<JobRecord> };

export type ValidateResult =
  | ({ ok: true } & JobOperation)
  | { ok: false; kind: 'invalid' | 'not_found'; error: string; path: string | null; code?: 'NOT_SUPPORTED' };

export interface JobQuery {
  device_id?: string;
  state?: JobState;
  /** The door the job came through. */
  source?: JobSource;
  /** Created at or after / before this ISO instant (the journal filters of the GUI). */
  from?: string;
  to?: string;
  /** 1–1000 (the export asks for more, up to 50 000). */
  limit?: number;
}

export interface OperationService {
  submit(req: SubmitRequest): SubmitResult;
  /** Validate without queueing anything (INP pre-flight, GUI forms). */
  validate(device_id: string, operation: unknown): ValidateResult;
  getJob(id: string): JobRecord | undefined;
  listJobs(q: JobQuery): JobRecord[];
  /** Resolves when the job reaches succeeded/failed (or after timeoutMs with its current record). */
  waitForJob(id: string, timeoutMs?: number): Promise<JobRecord | undefined>;
}

export function isFinished(job: JobRecord): job is JobRecord & { outcome: JobOutcome } {
  return (job.state === 'succeeded' || job.state === 'failed') && job.outcome !== null;
}
