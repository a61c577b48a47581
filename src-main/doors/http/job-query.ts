/** The journal filters of GET /jobs and GET /jobs/export.csv: device, door (source), state, period, limit. */
import type { ParsedQs } from 'qs';
import { JOB_STATES, type JobSource, type JobState } from '../../domain/jobs.js';
import type { JobQuery } from '../../pipeline/contracts.js';

export const JOB_SOURCES: readonly JobSource[] = ['http', 'ws', 'inp', 'erpnet', 'ucsfphub', 'gui', 'internal'];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** An ISO date (`2025-09-01`, the start of that UTC day) or instant (`2025-09-01T06:00:00.000Z`) → ISO instant. */
function instant(v: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return null;
  const ms = Date.parse(/T/.test(v) ? v : `${v}T00:00:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function parseJobQuery(
  q: ParsedQs,
  maxLimit: number,
  defaultLimit: number,
): { ok: true; query: JobQuery } | { ok: false; error: string } {
  const state = text(q.state);
  if (state !== undefined && !JOB_STATES.includes(state as JobState))
    return { ok: false, error: `state: must be one of ${JOB_STATES.join(', ')}` };
  const source = text(q.source);
  if (source !== undefined && !JOB_SOURCES.includes(source as JobSource))
    return { ok: false, error: `source: must be one of ${JOB_SOURCES.join(', ')}` };
  const range: { from?: string; to?: string } = {};
  for (const key of ['from', 'to'] as const) {
    const v = text(q[key]);
    if (v === undefined) continue;
    const iso = instant(v);
    if (!iso) return { ok: false, error: `${key}: must be a date YYYY-MM-DD or an ISO 8601 instant` };
    range[key] = iso;
  }
  if (range.from && range.to && range.from > range.to) return { ok: false, error: 'to: must not be before from' };
  const limitText = text(q.limit);
  const limit = limitText === undefined ? defaultLimit : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    return { ok: false, error: `limit: must be an integer from 1 to ${maxLimit}` };
  const device_id = text(q.device_id);
  return {
    ok: true,
    query: {
      ...(device_id ? { device_id } : {}),
      ...(state ? { state: state as JobState } : {}),
      ...(source ? { source: source as JobSource } : {}),
      ...range,
      limit,
    },
  };
}
