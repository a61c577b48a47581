/** Job records and outcomes as stored in the journal and shown by /jobs. Pure types. */
import type { DeviceErrorCode } from './error-codes.js';
import type { CasposOperation } from './operations-caspos.js';
import { FISCAL_OPERATION_TYPES, type FiscalOperation, type PosOperation } from './operations.js';
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

/** What a fiscal device's job carries: an operation of the native API, or one only Caspos has. */
export type FiscalJobOperation = FiscalOperation | CasposOperation;

/** The validated, normalised operation (VAT already resolved to group letters), typed by the device's kind. */
export type JobOperation = { device_kind: 'fiscal'; operation: FiscalJobOperation } | { device_kind: 'pos'; operation: PosOperation };

export type JobRecord = JobOperation & JobFields;

const STANDARD_FISCAL_TYPES: ReadonlySet<string> = new Set(FISCAL_OPERATION_TYPES);

/** An operation of the native API (not one only a family such as Caspos has): what every fiscal driver can read. */
export function isStandardFiscal(op: FiscalJobOperation): op is FiscalOperation {
  return STANDARD_FISCAL_TYPES.has(op.type);
}

interface JobFields {
  id: string;
  device_id: string;
  source: JobSource;
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
