/** The hub's total of the draft, what is paid, due and the change; Print (F9) and New receipt (F8). */
import { useLang, useTexts } from '../../i18n/language-store.js';
import { formatCents } from '../../lib/number-entry.js';
import { usePreviewStore } from './preview-store.js';
import { useReceiptStore } from './receipt-store.js';

export function TotalsBox({ canPrint, onPrint, onNew }: { canPrint: boolean; onPrint: () => void; onNew: () => void }) {
  const t = useTexts();
  const lang = useLang();
  const { attempt, busy } = useReceiptStore();
  const { preview, pending, problem } = usePreviewStore();
  const answerTotal = attempt?.answer && typeof attempt.answer.total_cents === 'number' ? attempt.answer.total_cents : null;
  const total = answerTotal ?? preview?.total_cents ?? 0;
  const state = attempt?.state;
  const label = busy ? t.printing : state === 'unknown' ? t.retryPrint : state === 'in_doubt' ? t.checkAgain : t.printReceipt;
  const printDisabled = !canPrint || busy || state === 'printed';
  return (
    <div className="totals-box">
      <div className="total-line">
        <span>{t.total}</span>
        <strong data-testid="receipt-total" className={(pending || problem) && !attempt ? 'stale' : ''}>
          {formatCents(total, lang)} <small>{t.currency}</small>
        </strong>
      </div>
      {preview && !attempt && preview.paid_cents > 0 ? (
        <div className="sub-lines" data-testid="receipt-paid">
          <span>
            {t.paid} {formatCents(preview.paid_cents, lang)}
          </span>
          {preview.change_cents > 0 ? (
            <span className="change" data-testid="receipt-change">
              {t.change} {formatCents(preview.change_cents, lang)}
            </span>
          ) : (
            <span className={preview.due_cents > 0 ? 'due' : ''} data-testid="receipt-due">
              {t.due} {formatCents(preview.due_cents, lang)}
            </span>
          )}
        </div>
      ) : null}
      <div className="print-actions">
        <button type="button" className="primary print-button" data-testid="print-button" disabled={printDisabled} onClick={onPrint}>
          {label} <kbd>F9</kbd>
        </button>
        <button type="button" className="secondary" onClick={onNew} disabled={busy}>
          {t.newReceipt} <kbd>F8</kbd>
        </button>
      </div>
    </div>
  );
}
