/** The journal's latest jobs, live (the register page's strip): time, operation, state, receipt number or error. */
import { useLang, useTexts } from '../../i18n/language-store.js';
import { useNavStore } from '../../app/nav-store.js';
import { deviceName } from '../devices/devices-store.js';
import { outcomeText, timeOf } from './job-text.js';
import { useJobsStore } from './jobs-store.js';

export function JobsList() {
  const t = useTexts();
  const lang = useLang();
  const rows = useJobsStore((s) => s.rows);
  const go = useNavStore((s) => s.go);
  return (
    <section className="panel jobs-panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">
        <button type="button" className="link" onClick={() => go('journal')}>
          {t.recentJobs}
        </button>
      </h2>
      {rows.length === 0 ? <p className="muted">{t.noJobs}</p> : null}
      <ul className="jobs" data-testid="jobs-list">
        {rows.map((j) => (
          <li key={j.id} className={`job job-${j.state}`} data-job-id={j.id}>
            <span className="job-time muted">{timeOf(j.created_at, lang)}</span>
            <span className="job-type">{t.opNames[j.type] ?? j.type}</span>
            <span className={`job-state state-${j.state}`}>{t.jobState[j.state] ?? j.state}</span>
            <span className="job-device muted">
              {deviceName(j.device_id)} · {t.sources[j.source] ?? j.source}
            </span>
            <span className="job-outcome">{outcomeText(j.outcome, t, lang)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
