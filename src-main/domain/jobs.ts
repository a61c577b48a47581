/** Job records and outcomes as stored in the journal and shown by /jobs. Pure types. */
import type { DeviceErrorCode } from './error-codes.js';
import type { PosResult } from './results.js';

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
      /** Card terminal: the declined answer, or the approved charge a failed receipt had to reverse. */
      pos?: PosResult;
      /** A receipt that failed after its card was charged: what became of the charge. */
      pos_void?: PosVoidNote;
    };

/** `voided`: the charge was reversed on the terminal; `pending`: not (yet): listed at GET /pos/pending-voids. */
export interface PosVoidNote {
  state: 'voided' | 'pending';
  rrn: string | null;
  amount_cents: number;
}

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
