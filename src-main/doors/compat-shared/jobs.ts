/**
 * Running operations for the compatible doors: submit through the shared pipeline (with a namespaced
 * idempotency key), wait for the outcome with an optional time limit, and find earlier jobs by key.
 */
import type { JobRecord, JobSource } from '../../domain/jobs.js';
import { isFinished, type SubmitResult } from '../../pipeline/contracts.js';
import type { CompatOperations } from './context.js';

export type RunResult =
  | { kind: 'invalid'; error: string; path: string | null; code?: 'NOT_SUPPORTED' }
  | { kind: 'not_found'; error: string }
  | { kind: 'conflict'; error: string }
  /** `finished` is false when the wait ran out before the job finished. */
  | { kind: 'job'; job: JobRecord; finished: boolean; replayed: boolean };

/** Wait for `done`, at most `timeoutMs` (undefined = as long as it takes). */
export async function waitAtMost(done: Promise<JobRecord>, timeoutMs: number | undefined): Promise<JobRecord | null> {
  if (timeoutMs === undefined) return done;
  if (timeoutMs <= 0) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([done, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export async function runOperation(
  ops: CompatOperations,
  req: { device_id: string; operation: unknown; source: JobSource; idempotency_key?: string },
  waitMs?: number,
): Promise<RunResult> {
  const submitReq: Parameters<CompatOperations['submit']>[0] = {
    device_id: req.device_id,
    operation: req.operation,
    source: req.source,
  };
  if (req.idempotency_key !== undefined) submitReq.idempotency_key = req.idempotency_key;
  const r: SubmitResult = ops.submit(submitReq);
  if (r.kind !== 'accepted') return r;
  if (isFinished(r.job)) return { kind: 'job', job: r.job, finished: true, replayed: r.replayed };
  const job = await waitAtMost(r.done, waitMs);
  if (job && isFinished(job)) return { kind: 'job', job, finished: true, replayed: r.replayed };
  return { kind: 'job', job: job ?? ops.getJob(r.job.id) ?? r.job, finished: false, replayed: r.replayed };
}

/** The job submitted with this idempotency key, if the journal still has it. */
export function findJobByKey(ops: CompatOperations, key: string): JobRecord | undefined {
  if (ops.findJobByIdempotencyKey) return ops.findJobByIdempotencyKey(key);
  return ops.listJobs({ limit: 10_000 }).find((j) => j.idempotency_key === key);
}

/**
 * UcsFPHub replays only successful requests: a request_id whose earlier attempt failed runs again. The
 * pipeline replays any finished key, so each failed attempt moves the key on (`ucs:X`, `ucs:X#2`, …).
 */
export function retryableKey(ops: CompatOperations, base: string): string {
  for (let n = 1; n < 1000; n++) {
    const key = n === 1 ? base : `${base}#${n}`;
    const job = findJobByKey(ops, key);
    // A failure whose outcome is unknown (IN_DOUBT) may have printed: never run it again on our own.
    if (!job || job.state !== 'failed' || job.outcome?.ok !== false || job.outcome.code === 'IN_DOUBT') return key;
  }
  return `${base}#${Date.now()}`;
}
