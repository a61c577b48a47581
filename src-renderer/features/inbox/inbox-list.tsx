/**
 * Files taken from the registers' scan folders, one row per file: state, result or error (with the file's line),
 * Retry only where it can help (a file waiting, or failed because of the register), Discard.
 */
import { useState } from 'react';
import type { InboxFileBody } from '../../../src-main/shared/api-types.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import type { Failure } from '../../errors/failure.js';
import { codeOfStatus } from '../../../src-main/shared/texts/error-texts.js';
import { catalogue } from '../../errors/explain-error.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import type { Texts } from '../../i18n/texts-ro.js';
import { deviceName } from '../devices/devices-store.js';
import { groupFiles } from './group-files.js';
import { useInboxStore } from './inbox-store.js';

function ResultCell({ f, t }: { f: InboxFileBody; t: Texts }) {
  const lang = useLang();
  const [open, setOpen] = useState(false);
  if (f.error) {
    // A register's refusal: its title and what to do in this client's language; the hub's own words behind "details".
    const code = codeOfStatus(f.error_code);
    const c = code ? catalogue(code, lang) : null;
    // the hub's text names the line itself, in the hub's language ("linia 3 (S)…" / "line 3 (S)…")
    const line = f.error_line && !/\b(?:linia|line)\s+\d+/.test(f.error) ? `${t.fileLine(f.error_line)}: ` : '';
    return (
      <div className="inbox-error" data-code={code ?? f.error_code ?? ''}>
        {c ? (
          <>
            <strong>{c.title}.</strong> {c.action}{' '}
          </>
        ) : (
          <span className={open ? '' : 'clamp'}>
            {line}
            {f.error}
          </span>
        )}
        {c || f.error.length > 80 ? (
          <button type="button" className="link small" onClick={() => setOpen(!open)}>
            {open ? t.hideDetails : t.details}
          </button>
        ) : null}
        {c && open ? <pre className="notice-detail">{line + f.error}</pre> : null}
        {f.state === 'failed' && !f.retryable ? <div className="muted small">{t.notRetryable}</div> : null}
      </div>
    );
  }
  if (f.result?.RECEIPT_NO) return <>{t.jobSlip(f.result.RECEIPT_NO) + (f.result.TOTAL ? ` · ${f.result.TOTAL} lei` : '')}</>;
  return <>{f.result?.RESULT ?? ''}</>;
}

export function InboxList() {
  const t = useTexts();
  const { files, loaded, act } = useInboxStore();
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = (id: string, action: 'retry' | 'discard') => {
    setFailure(null);
    act(id, action).catch((err: unknown) => setFailure({ kind: 'api', err }));
  };
  const rows = groupFiles(files);
  return (
    <section className="panel wide" aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t.inboxTitle}</h2>
      <p className="muted">{t.inboxHint}</p>
      {failure ? <ErrorNotice failure={failure} onClose={() => setFailure(null)} /> : null}
      {loaded && rows.length === 0 ? <p className="muted">{t.noInboxFiles}</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="inbox-files">
            <thead>
              <tr>
                <th>{t.fileName}</th>
                <th>{t.device}</th>
                <th>{t.state}</th>
                <th>{t.result}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map(({ file: f, attempts }) => (
                <tr key={f.id} data-file-name={f.name} data-state={f.state}>
                  <td className="mono">
                    {f.name}
                    {attempts > 1 ? <div className="muted small">{t.attemptsOf(attempts)}</div> : null}
                  </td>
                  <td>{deviceName(f.device_id)}</td>
                  <td>
                    <span className={`job-state state-inbox-${f.state}`}>{t.inboxState[f.state] ?? f.state}</span>
                  </td>
                  <td>
                    <ResultCell f={f} t={t} />
                  </td>
                  <td className="row-actions">
                    {f.retryable ? (
                      <button type="button" className="secondary" onClick={() => run(f.id, 'retry')}>
                        {t.retry}
                      </button>
                    ) : null}
                    {f.state === 'failed' || f.state === 'waiting' ? (
                      <button type="button" className="secondary" onClick={() => run(f.id, 'discard')}>
                        {t.discard}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
