/** X report, Z report (confirmed first), cash in and cash out for the selected register. */
import { ErrorNotice } from '../../errors/error-notice.js';
import { explainFailure } from '../../errors/failure.js';
import { useLanguageStore, useTexts } from '../../i18n/language-store.js';
import type { Texts } from '../../i18n/texts-ro.js';
import { formatCents } from '../../lib/amount-text.js';
import type { SuccessAnswer } from '../../lib/run-operation.js';
import { useSelectedDevice } from '../devices/devices-store.js';
import { useReportsStore, type ReportAction } from './reports-store.js';

function answerLines(action: ReportAction, a: SuccessAnswer, t: Texts, lang: 'ro' | 'en'): string[] {
  const lines = [a.msg];
  if (typeof a.z_number === 'number') lines.push(t.zNumber(String(a.z_number)));
  const totals = a.totals as { total_cents?: unknown } | undefined;
  if ((action === 'print_x' || action === 'print_z') && typeof totals?.total_cents === 'number') {
    lines.push(t.xTotal(formatCents(totals.total_cents, lang)));
  }
  if (typeof a.cash_in_drawer_cents === 'number') lines.push(t.drawer(formatCents(a.cash_in_drawer_cents, lang)));
  return lines;
}

export function ReportPanel() {
  const t = useTexts();
  const lang = useLanguageStore((s) => s.lang);
  const device = useSelectedDevice();
  const s = useReportsStore();
  if (!device) return null;
  const id = device.config.id;
  const run = (action: ReportAction) => void s.run(id, action);
  return (
    <section className="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">{t.reportsTitle}</h2>
      <div className="actions">
        <button type="button" className="secondary" disabled={s.busy !== null} onClick={() => run('print_x')}>
          {t.xReport}
        </button>
        <button type="button" className="secondary" disabled={s.busy !== null} onClick={() => window.confirm(t.zConfirm) && run('print_z')}>
          {t.zReport}
        </button>
      </div>
      <div className="cash-row">
        <input aria-label={t.amount} className="num" inputMode="decimal" placeholder={`${t.amount} (lei)`} value={s.cashText} onChange={(e) => s.setCashText(e.target.value)} />
        <button type="button" className="secondary" disabled={s.busy !== null} onClick={() => run('deposit_cash')}>
          {t.cashIn}
        </button>
        <button type="button" className="secondary" disabled={s.busy !== null} onClick={() => run('withdraw_cash')}>
          {t.cashOut}
        </button>
      </div>
      {s.last ? (
        <div className="notice notice-ok" role="status" data-testid="report-result">
          {answerLines(s.last.action, s.last.answer, t, lang).map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      ) : null}
      {s.failure ? <ErrorNotice error={explainFailure(s.failure, t)} onClose={s.dismiss} /> : null}
    </section>
  );
}
