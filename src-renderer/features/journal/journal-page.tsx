/** The journal: every job from every door, filtered by device, source, state and period; details; CSV export. */
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../errors/error-notice.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { deviceName } from '../devices/devices-store.js';
import { outcomeText, timeOf } from '../jobs/job-text.js';
import { JobDetailsView } from './job-details.js';
import { useJournalStore } from './journal-store.js';

const SOURCES = ['http', 'ws', 'inp', 'erpnet', 'ucsfphub', 'gui', 'internal'];
const STATES = ['queued', 'running', 'succeeded', 'failed', 'in_doubt'];

export function JournalPage() {
  const t = useTexts();
  const lang = useLang();
  const j = useJournalStore();
  const fiscal = useDevicesStore((s) => s.fiscal);
  const pos = useDevicesStore((s) => s.pos);
  const [saved, setSaved] = useState<string | null>(null);
  const load = j.load;
  useEffect(() => {
    void load();
  }, [load]);
  const f = j.filters;
  return (
    <div className="journal-page">
      <section className="panel journal-main" aria-labelledby="journal-title">
        <h2 id="journal-title">{t.journalTitle}</h2>
        <div className="filters" data-testid="journal-filters">
          <label>
            {t.filterDevice}
            <select value={f.device_id} onChange={(e) => j.setFilters({ device_id: e.target.value })}>
              <option value="">{t.all}</option>
              {[...fiscal, ...pos].map((d) => (
                <option key={d.config.id} value={d.config.id}>
                  {d.config.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.filterDoor}
            <select value={f.source} onChange={(e) => j.setFilters({ source: e.target.value })}>
              <option value="">{t.all}</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t.sources[s]} ({s})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.filterState}
            <select value={f.state} onChange={(e) => j.setFilters({ state: e.target.value })}>
              <option value="">{t.all}</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {t.jobState[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.filterFrom}
            <input type="date" value={f.from} onChange={(e) => j.setFilters({ from: e.target.value })} />
          </label>
          <label>
            {t.filterTo}
            <input type="date" value={f.to} onChange={(e) => j.setFilters({ to: e.target.value })} />
          </label>
          <button type="button" className="secondary" onClick={() => void j.exportCsv().then(setSaved)}>
            {t.exportCsv}
          </button>
        </div>
        {saved ? <p className="muted small">{t.csvSaved(saved)}</p> : null}
        {j.failure ? <ErrorNotice failure={j.failure} /> : null}
        <div className="table-scroll">
          <table className="table" data-testid="journal-table">
            <thead>
              <tr>
                <th>{t.colTime}</th>
                <th>{t.colDevice}</th>
                <th>{t.colOperation}</th>
                <th>{t.colDoor}</th>
                <th>{t.colState}</th>
                <th>{t.colResult}</th>
              </tr>
            </thead>
            <tbody>
              {j.rows.map((r) => (
                <tr
                  key={r.id}
                  data-job-id={r.id}
                  className={j.selected?.id === r.id ? 'selected clickable' : 'clickable'}
                  tabIndex={0}
                  onClick={() => void j.select(r.id)}
                  onKeyDown={(e) => e.key === 'Enter' && void j.select(r.id)}
                >
                  <td className="nowrap">{timeOf(r.created_at, lang, true)}</td>
                  <td>{deviceName(r.device_id)}</td>
                  <td>{t.opNames[r.operation.type] ?? r.operation.type}</td>
                  <td>{t.sources[r.source] ?? r.source}</td>
                  <td className={`state-${r.state}`}>{t.jobState[r.state] ?? r.state}</td>
                  <td>{outcomeText(r.outcome, t, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {j.loaded && j.rows.length === 0 ? <p className="muted">{t.noJobsFound}</p> : null}
        </div>
      </section>
      {j.selected ? <JobDetailsView job={j.selected} onClose={() => void j.select(null)} /> : null}
    </div>
  );
}
