/**
 * POST /devices/operation. Device errors (negative status) come back as values with their code; an outcome the hub
 * could not settle yet is `in_doubt` (status -513), to be asked again under the same key.
 */
import type { OperationAnswer } from '../../src-main/shared/api-types.js';
import { apiPost, newIdempotencyKey } from './api-client.js';

export type SuccessAnswer = Record<string, unknown> & { msg: string; job_id: string };

export type OperationOutcome =
  | { ok: true; answer: SuccessAnswer }
  | { ok: false; inDoubt: boolean; error: string; code: string; job_id: string; device_error?: { code: string | number; text?: string } };

export const IN_DOUBT_STATUS = -513;

export async function runOperation(deviceId: string, operation: Record<string, unknown>, key = newIdempotencyKey()): Promise<OperationOutcome> {
  const answer = await apiPost<OperationAnswer>('/devices/operation', { device_id: deviceId, operation }, { 'Idempotency-Key': key });
  if (answer.status === 0) return { ok: true, answer: answer as SuccessAnswer };
  const failed = answer as Extract<OperationAnswer, { code: string }>;
  return {
    ok: false,
    inDoubt: failed.status === IN_DOUBT_STATUS,
    error: failed.error,
    code: failed.code,
    job_id: failed.job_id,
    ...(failed.device_error ? { device_error: failed.device_error } : {}),
  };
}
