/** POST /devices/operation with a fresh Idempotency-Key; device errors (negative status) come back as values. */
import type { OperationAnswer } from '../../src-main/shared/api-types.js';
import { apiPost, newIdempotencyKey } from './api-client.js';

export type SuccessAnswer = Record<string, unknown> & { msg: string; job_id: string };

export type OperationOutcome =
  | { ok: true; answer: SuccessAnswer }
  | { ok: false; error: string; code: string; job_id: string };

export async function runOperation(deviceId: string, operation: Record<string, unknown>, key = newIdempotencyKey()): Promise<OperationOutcome> {
  const answer = await apiPost<OperationAnswer>('/devices/operation', { device_id: deviceId, operation }, { 'Idempotency-Key': key });
  if (answer.status === 0) return { ok: true, answer: answer as SuccessAnswer };
  const failed = answer as { error: string; code: string; job_id: string };
  return { ok: false, error: failed.error, code: failed.code, job_id: failed.job_id };
}
