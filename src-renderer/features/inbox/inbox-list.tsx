/** Files taken from the registers' scan folders: state, result or error (with the line), retry/discard. */
import { useState } from 'react';
import type { InboxFileBody } from '../../../src-main/shared/api-types.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import { explainFailure, type Failure } from '../../errors/failure.js';
import { useTexts } from '../../i18n/language-store.js';
import type { Texts } from '../../i18n/texts-ro.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { useInboxStore } from './inbox-store.js';

function resultText(f: InboxFileBody, t: Texts): string {
  if (f.error) return f.error;
  if (f.result?.RECEIPT_NO) return t.jobSlip(f.result.RECEIPT_NO) + (f.result.TOTAL ? ` · ${f.result.TOTAL} lei` : '');
  return f.result?.RESULT ?? '';
}

export function InboxList() {
  const t = useTexts();
  const { files, loaded, act } = useInboxStore();
  const fiscal = useDevicesStore((s) => s.fiscal);
  const [failure, setFailure] = useState<Failure | null>(null);
  const nameOf = (id: string) => fiscal.find((d) => d.config.id === id)?.config.name ?? id.slice(0, 8);
  const run = (id: string, action: 'retry' | 'discard') => {
    setFailure(null);
    act(id, action).catch((err: unknown) => setFailure({ kind: 'api', err }));
  };
  return (
    <section className="panel wide" aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t.inboxTitle}</h2>
      <p className="muted">{t.inboxHint}</p>
      {failure ? <ErrorNotice error={explainFailure(failure, t)} onClose={() => setFailure(null)} /> : null}
      {loaded && files.length === 0 ? <p className="muted">{t.noInboxFiles}</p> : null}
      {files.length > 0 ? (
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
            {files.map((f) => (
              <tr key={f.id} data-file-name={f.name}>
                <td className="mono">{f.name}</td>
                <td>{nameOf(f.device_id)}</td>
                <td>
                  <span className={`job-state state-inbox-${f.state}`}>{t.inboxState[f.state] ?? f.state}</span>
                </td>
                <td>{resultText(f, t)}</td>
                <td className="row-actions">
                  {f.state === 'failed' || f.state === 'waiting' ? (
                    <>
                      <button type="button" className="secondary" onClick={() => run(f.id, 'retry')}>
                        {t.retry}
                      </button>
                      <button type="button" className="secondary" onClick={() => run(f.id, 'discard')}>
                        {t.discard}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
