/** Recent jobs: GET /jobs, then kept current by `job` pushes (upsert by id, newest first). */
import { create } from 'zustand';
import type { JobEvent, JobOutcome, JobRecord, JobState } from '../../../src-main/shared/api-types.js';
import { apiGet } from '../../lib/api-client.js';

export const JOBS_SHOWN = 30;

export interface JobRow {
  id: string;
  device_id: string;
  type: string;
  source: string;
  state: JobState | 'progress';
  created_at: string;
  outcome: JobOutcome | null;
}

export function rowFromRecord(j: JobRecord): JobRow {
  return { id: j.id, device_id: j.device_id, type: j.operation.type, source: j.source, state: j.state, created_at: j.created_at, outcome: j.outcome };
}

export function upsertJob(rows: JobRow[], e: JobEvent, now: string, max = JOBS_SHOWN): JobRow[] {
  const existing = rows.find((r) => r.id === e.job_id);
  const next: JobRow = {
    id: e.job_id,
    device_id: e.device_id,
    type: e.operation_type,
    source: e.source,
    state: e.state === 'progress' ? (existing?.state ?? 'running') : e.state,
    created_at: existing?.created_at ?? now,
    outcome: e.outcome ?? existing?.outcome ?? null,
  };
  const rest = rows.filter((r) => r.id !== e.job_id);
  return (existing ? rows.map((r) => (r.id === e.job_id ? next : r)) : [next, ...rest]).slice(0, max);
}

interface JobsState {
  rows: JobRow[];
  load(): Promise<void>;
  applyEvent(e: JobEvent): void;
}

export const useJobsStore = create<JobsState>((set, get) => ({
  rows: [],
  async load() {
    const body = await apiGet<{ jobs: JobRecord[] }>(`/jobs?limit=${JOBS_SHOWN}`);
    set({ rows: body.jobs.map(rowFromRecord) });
  },
  applyEvent(e) {
    set({ rows: upsertJob(get().rows, e, new Date().toISOString()) });
  },
}));
