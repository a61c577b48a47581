/**
 * The journal page: filters (device, source door, state, period) sent to GET /jobs, the selected job's details from
 * GET /jobs/:id, and the same filters for GET /jobs/export.csv. Reloaded (a moment later) when a job changes.
 */
import { create } from 'zustand';
import type { JobRecord } from '../../../src-main/shared/api-types.js';
import type { Failure } from '../../errors/failure.js';
import { apiGet, apiGetText } from '../../lib/api-client.js';
import { downloadText, localDate } from '../../lib/download.js';

export interface JournalFilters {
  device_id: string;
  source: string;
  state: string;
  /** Local dates (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
}

export type JobDetails = JobRecord & { result?: Record<string, unknown> };

interface JournalState {
  filters: JournalFilters;
  rows: JobRecord[];
  loaded: boolean;
  selected: JobDetails | null;
  failure: Failure | null;
  setFilters(p: Partial<JournalFilters>): void;
  load(): Promise<void>;
  select(id: string | null): Promise<void>;
  exportCsv(): Promise<string | null>;
  changed(): void;
}

/** Local day boundaries as instants, so "today" means the shop's today. */
function instant(date: string, endOfDay: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + (endOfDay ? 1 : 0));
  return t.toISOString();
}

export function journalQuery(f: JournalFilters, limit: number): string {
  const q = new URLSearchParams();
  if (f.device_id) q.set('device_id', f.device_id);
  if (f.source) q.set('source', f.source);
  if (f.state) q.set('state', f.state);
  if (f.from) q.set('from', instant(f.from, false));
  if (f.to) q.set('to', instant(f.to, true));
  q.set('limit', String(limit));
  return q.toString();
}

let reloadTimer: ReturnType<typeof setTimeout> | null = null;

export const useJournalStore = create<JournalState>((set, get) => ({
  filters: { device_id: '', source: '', state: '', from: localDate(), to: localDate() },
  rows: [],
  loaded: false,
  selected: null,
  failure: null,
  setFilters(p) {
    set({ filters: { ...get().filters, ...p } });
    void get().load();
  },
  async load() {
    try {
      const body = await apiGet<{ jobs: JobRecord[] }>(`/jobs?${journalQuery(get().filters, 500)}`);
      set({ rows: body.jobs, loaded: true, failure: null });
    } catch (err) {
      set({ failure: { kind: 'api', err }, loaded: true });
    }
  },
  async select(id) {
    if (!id) return set({ selected: null });
    try {
      set({ selected: await apiGet<JobDetails>(`/jobs/${encodeURIComponent(id)}`) });
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    }
  },
  async exportCsv() {
    try {
      const f = get().filters;
      const csv = await apiGetText(`/jobs/export.csv?${journalQuery(f, 50_000)}`);
      const file = `fiscool-jurnal-${f.from || 'start'}_${f.to || localDate()}.csv`;
      downloadText(file, csv, 'text/csv;charset=utf-8');
      return file;
    } catch (err) {
      set({ failure: { kind: 'api', err } });
      return null;
    }
  },
  changed() {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      void get().load();
      const sel = get().selected;
      if (sel) void get().select(sel.id);
    }, 400);
  },
}));
