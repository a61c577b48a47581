/** The body of POST /devices/operation (and WebSocket results), rendered deterministically from a job record. */
import type { JobRecord } from '../../domain/jobs.js';
import type { Language } from '../../domain/error-codes.js';
import { DEVICE_ERRORS } from '../../domain/error-codes.js';

export function renderJobResponse(job: JobRecord, lang: Language): Record<string, unknown> {
  const o = job.outcome;
  if (o?.ok) return { status: 0, msg: o.msg, job_id: job.id, ...o.result };
  if (o && !o.ok) {
    return {
      status: o.status,
      error: o.error,
      code: o.code,
      job_id: job.id,
      ...(o.device_error ? { device_error: o.device_error } : {}),
      ...(o.pos ? { pos: o.pos } : {}),
      ...(o.pos_void ? { pos_void: o.pos_void } : {}),
    };
  }
  // Not finished (waiting was cut short): say so honestly.
  return { status: DEVICE_ERRORS.IN_DOUBT.status, error: DEVICE_ERRORS.IN_DOUBT[lang], code: 'IN_DOUBT', job_id: job.id, state: job.state };
}
