/** Job records and outcomes as stored in the journal and shown by /jobs. Pure types. */
import type { DeviceErrorCode } from './error-codes.js';

export type JobSource = 'http' | 'ws' | 'inp' | 'erpnet' | 'ucsfphub' | 'gui' | 'internal';
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'in_doubt';
export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'succeeded', 'failed', 'in_doubt'];

export type JobOutcome =
  | { ok: true; msg: string; result: Record<string, unknown> }
  | {
      ok: false;
      status: number;
      code: DeviceErrorCode;
      error: string;
      device_error?: { code: string | number; text?: string };
    };

export interface JobRecord {
  id: string;
  device_id: string;
  device_kind: 'fiscal' | 'pos';
  source: JobSource;
  /** The validated, normalised operation (VAT already resolved to group letters). */
  operation: Record<string, unknown> & { type: string };
  state: JobState;
  outcome: JobOutcome | null;
  idempotency_key: string | null;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobEvent {
  job_id: string;
  device_id: string;
  state: JobState | 'progress';
  operation_type: string;
  source: JobSource;
  progress?: { step: string; done?: number; total?: number };
  outcome?: JobOutcome;
}
