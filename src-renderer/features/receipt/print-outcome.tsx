/**
 * What became of the print: printed (number, total, change, card), refused (what to do), or not known yet — then the
 * cashier is told that Retry gets the original outcome and never prints twice.
 */
import { ErrorNotice, ExplainedNotice } from '../../errors/error-notice.js';
import { catalogue } from '../../errors/explain-error.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import { formatCents } from '../../lib/number-entry.js';
import { useReceiptStore } from './receipt-store.js';

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function PrintOutcome() {
  const t = useTexts();
  const lang = useLang();
  const { attempt, failure, dismissFailure } = useReceiptStore();
  if (attempt?.state === 'printed' && attempt.answer) {
    const a = attempt.answer;
    const pos = a.pos as { approved?: unknown; auth_code?: unknown } | undefined;
    const change = num(a.change_cents);
    return (
      <div className="notice notice-ok" role="status" data-testid="receipt-printed" data-job-id={String(a.job_id ?? '')}>
        <strong>{t.printedTitle(String(num(a.slip_number) ?? '?'))}</strong> · {t.printedTotal(formatCents(num(a.total_cents) ?? 0, lang))}
        {change ? <strong className="change-given"> · {t.changeGiven(formatCents(change, lang))}</strong> : null}
        {pos?.approved === true && typeof pos.auth_code === 'string' ? <div>{t.cardApproved(pos.auth_code)}</div> : null}
      </div>
    );
  }
  if (attempt?.state === 'unknown' || attempt?.state === 'in_doubt') {
    const code = attempt.state === 'unknown' ? 'OUTCOME_UNKNOWN' : 'IN_DOUBT';
    const c = catalogue(code, lang);
    const detail = attempt.doubt ? `${attempt.doubt.error} (${attempt.doubt.code})` : failure?.kind === 'api' && failure.err instanceof Error ? failure.err.message : null;
    return (
      <div data-testid="receipt-unknown" data-state={attempt.state}>
        <ExplainedNotice tone="warn" error={{ code, title: c.title, action: c.action, field: null, fieldHint: null, detail }} />
      </div>
    );
  }
  if (failure) return <ErrorNotice failure={failure} onClose={dismissFailure} />;
  return null;
}
