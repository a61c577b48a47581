/** The journal's latest jobs, live: time, device, operation, state, receipt number or error. */
import type { JobOutcome } from '../../../src-main/shared/api-types.js';
import { useTexts } from '../../i18n/language-store.js';
import type { Texts } from '../../i18n/texts-ro.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { useJobsStore } from './jobs-store.js';

function outcomeText(o: JobOutcome | null, t: Texts): string {
  if (!o) return '';
  if (!o.ok) return o.error;
  const slip = o.result.slip_number;
  return typeof slip === 'number' ? t.jobSlip(String(slip)) : o.msg;
}

const SOURCE: Record<string, string> = { http: 'API', ws: 'API', inp: 'INP', erpnet: 'ErpNet.FP', ucsfphub: 'UcsFPHub', gui: 'FisCool', internal: 'FisCool' };

function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString('ro-RO', { hour12: false });
}

export function JobsList() {
  const t = useTexts();
  const rows = useJobsStore((s) => s.rows);
  const fiscal = useDevicesStore((s) => s.fiscal);
  const pos = useDevicesStore((s) => s.pos);
  const nameOf = (id: string) => [...fiscal, ...pos].find((d) => d.config.id === id)?.config.name ?? id.slice(0, 8);
  return (
    <section className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t.jobsTitle}</h2>
      {rows.length === 0 ? <p className="muted">{t.noJobs}</p> : null}
      <ul className="jobs" data-testid="jobs-list">
        {rows.map((j) => (
          <li key={j.id} className={`job job-${j.state}`} data-job-id={j.id}>
            <span className="job-time muted">{timeOf(j.created_at)}</span>
            <span className="job-type">{t.opNames[j.type] ?? j.type}</span>
            <span className={`job-state state-${j.state}`}>{t.jobState[j.state] ?? j.state}</span>
            <span className="job-device muted">
              {nameOf(j.device_id)} · {SOURCE[j.source] ?? j.source}
            </span>
            <span className="job-outcome">{outcomeText(j.outcome, t)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
