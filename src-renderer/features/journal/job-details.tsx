/** One job in full: what was asked (the operation), what came back (receipt number, totals, error), and when. */
import type { JobOutcome } from '../../../src-main/shared/api-types.js';
import { ExplainedNotice } from '../../errors/error-notice.js';
import { catalogue } from '../../errors/explain-error.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import { formatCents } from '../../lib/number-entry.js';
import { deviceName } from '../devices/devices-store.js';
import { timeOf } from '../jobs/job-text.js';
import type { JobDetails } from './journal-store.js';

function OutcomeView({ o }: { o: JobOutcome | null }) {
  const t = useTexts();
  const lang = useLang();
  if (!o) return null;
  if (!o.ok) {
    const c = catalogue(o.code, lang);
    const device = o.device_error ? ` [${String(o.device_error.code)}${o.device_error.text ? `: ${o.device_error.text}` : ''}]` : '';
    return <ExplainedNotice error={{ code: o.code, title: c.title, action: c.action, field: null, fieldHint: null, detail: `${o.error}${device} (${o.code})` }} />;
  }
  const r = o.result;
  return (
    <dl className="kv">
      <dt>{t.answer}</dt>
      <dd>{o.msg}</dd>
      {typeof r.slip_number === 'number' ? (
        <>
          <dt>{t.receiptNo}</dt>
          <dd data-testid="details-slip">{r.slip_number}</dd>
        </>
      ) : null}
      {typeof r.total_cents === 'number' ? (
        <>
          <dt>{t.total}</dt>
          <dd>{formatCents(r.total_cents, lang)} {t.currency}</dd>
        </>
      ) : null}
      {typeof r.change_cents === 'number' && r.change_cents > 0 ? (
        <>
          <dt>{t.change}</dt>
          <dd>{formatCents(r.change_cents, lang)} {t.currency}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function JobDetailsView({ job, onClose }: { job: JobDetails; onClose: () => void }) {
  const t = useTexts();
  const lang = useLang();
  const took = job.finished_at ? Date.parse(job.finished_at) - Date.parse(job.created_at) : null;
  return (
    <section className="panel job-details" aria-labelledby="job-details-title" data-testid="job-details">
      <header className="row-between">
        <h2 id="job-details-title">
          {t.jobDetails}: {t.opNames[job.operation.type] ?? job.operation.type}
        </h2>
        <button type="button" className="link" onClick={onClose}>
          {t.close}
        </button>
      </header>
      <dl className="kv">
        <dt>{t.colDevice}</dt>
        <dd>{deviceName(job.device_id)}</dd>
        <dt>{t.colDoor}</dt>
        <dd>{t.sources[job.source] ?? job.source}</dd>
        <dt>{t.colState}</dt>
        <dd className={`state-${job.state}`}>{t.jobState[job.state] ?? job.state}</dd>
        <dt>{t.created}</dt>
        <dd>{timeOf(job.created_at, lang, true)}</dd>
        <dt>{t.started}</dt>
        <dd>{timeOf(job.started_at, lang, true) || t.none}</dd>
        <dt>{t.finished}</dt>
        <dd>
          {timeOf(job.finished_at, lang, true) || t.none}
          {took !== null ? ` (${t.duration(took)})` : ''}
        </dd>
        <dt>{t.attempts}</dt>
        <dd>{job.attempts}</dd>
        {job.idempotency_key ? (
          <>
            <dt>{t.idemKey}</dt>
            <dd className="mono small">{job.idempotency_key}</dd>
          </>
        ) : null}
      </dl>
      <OutcomeView o={job.outcome} />
      <h3>{t.request}</h3>
      <pre className="json" data-testid="details-request">{JSON.stringify(job.operation, null, 2)}</pre>
    </section>
  );
}
