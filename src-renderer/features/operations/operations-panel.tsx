/**
 * Every cashier operation on the chosen register, one shortcut each: Alt+X X report, Alt+Z Z report, Alt+I cash in,
 * Alt+O cash out, Alt+D duplicate, Alt+C cancel the open receipt, Alt+S drawer, Alt+N non-fiscal text, Alt+J
 * electronic journal to a file, Alt+T date and time. The hub's answer shows below (report totals, drawer amount).
 */
import { useState } from 'react';
import type { ReportTotals } from '../../../src-main/shared/api-types.js';
import { useShortcuts } from '../../app/shortcuts.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import type { Texts } from '../../i18n/texts-ro.js';
import { downloadText } from '../../lib/download.js';
import { formatCents } from '../../lib/number-entry.js';
import type { SuccessAnswer } from '../../lib/run-operation.js';
import { useConnectionStore } from '../connection/connection-store.js';
import { useSelectedDevice } from '../devices/devices-store.js';
import { CashDialog, ConfirmDialog, DateTimeDialog, JeDialog, NonFiscalDialog } from './op-dialogs.js';
import { useOpsStore, type OpType } from './operations-store.js';
import { ReportTotalsView } from './report-totals.js';

type Button = { id: string; key: string; label: (t: Texts) => string };
const BUTTONS: Button[] = [
  { id: 'print_x', key: 'x', label: (t) => t.ops.print_x ?? '' },
  { id: 'print_z', key: 'z', label: (t) => t.ops.print_z ?? '' },
  { id: 'deposit_cash', key: 'i', label: (t) => t.ops.deposit_cash ?? '' },
  { id: 'withdraw_cash', key: 'o', label: (t) => t.ops.withdraw_cash ?? '' },
  { id: 'print_duplicate', key: 'd', label: (t) => t.ops.print_duplicate ?? '' },
  { id: 'cancel_receipt', key: 'c', label: (t) => t.ops.cancel_receipt ?? '' },
  { id: 'open_drawer', key: 's', label: (t) => t.ops.open_drawer ?? '' },
  { id: 'print_non_fiscal', key: 'n', label: (t) => t.ops.print_non_fiscal ?? '' },
  { id: 'je_report', key: 'j', label: (t) => t.ops.je_report ?? '' },
  { id: 'datetime', key: 't', label: (t) => t.ops.datetime ?? '' },
];

function ResultView({ type, answer, rates, note }: { type: OpType; answer: SuccessAnswer; rates: Record<string, number>; note: string | null }) {
  const t = useTexts();
  const lang = useLang();
  const totals = answer.totals as ReportTotals | undefined;
  if ((type === 'print_x' || type === 'print_z') && totals) {
    const title = type === 'print_z' && typeof answer.z_number === 'number' ? t.zNumber(String(answer.z_number)) : t.totalsOf(t.ops.print_x ?? '');
    return <ReportTotalsView totals={totals} rates={rates} title={title} />;
  }
  let text = answer.msg;
  if (typeof answer.cash_in_drawer_cents === 'number') text = `${answer.msg}. ${t.drawerNow(formatCents(answer.cash_in_drawer_cents, lang))}`;
  if (type === 'cancel_receipt') text = answer.cancelled === true ? t.cancelledYes : t.cancelledNo;
  if (note) text = note;
  return <p data-testid="op-message">{text}</p>;
}

export function OperationsPanel() {
  const t = useTexts();
  const device = useSelectedDevice();
  const online = useConnectionStore((s) => s.online);
  const ops = useOpsStore();
  const [dialog, setDialog] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const id = device?.config.id ?? '';
  const run = async (operation: Record<string, unknown> & { type: OpType }) => {
    setDialog(null);
    setNote(null);
    return id ? ops.run(id, operation) : null;
  };
  const start = (which: string) => {
    if (!device || !online || ops.busy) return;
    if (which === 'print_x' || which === 'print_duplicate' || which === 'open_drawer') void run({ type: which });
    else setDialog(which);
  };
  const exportJournal = async (from: string, to: string) => {
    const a = await run({ type: 'je_report', range: { type: 'date', start: from, end: to }, output_mode: 'read_line_by_line', doc_type: 'all' });
    const lines = Array.isArray(a?.lines) ? (a.lines as string[]) : null;
    if (!lines || !device) return;
    const file = `jurnal-${device.connected_device_id ?? device.config.name}-${from}_${to}.txt`.replace(/[^\w.-]+/g, '_');
    downloadText(file, lines.join('\r\n') + '\r\n', 'text/plain;charset=utf-8');
    setNote(t.jeSaved(lines.length, file));
  };
  useShortcuts(Object.fromEntries(BUTTONS.map((b) => [`Alt+${b.key}`, () => start(b.id)])));
  if (!device) return null;
  const disabled = !online || ops.busy !== null;
  return (
    <section className="panel ops-panel" aria-labelledby="ops-title">
      <h2 id="ops-title">{t.opsTitle}</h2>
      <div className="ops-grid">
        {BUTTONS.map((b) => (
          <button key={b.id} type="button" className="secondary op-button" data-op={b.id} disabled={disabled} onClick={() => start(b.id)}>
            <span>{b.label(t)}</span>
            <kbd>Alt+{b.key.toUpperCase()}</kbd>
          </button>
        ))}
      </div>
      {ops.busy ? <p className="muted small">{t.loading}</p> : null}
      {ops.last ? (
        <div className="notice notice-ok op-result" role="status" data-testid="report-result" data-op={ops.last.type}>
          <ResultView type={ops.last.type} answer={ops.last.answer} rates={device.vat_rates} note={note} />
        </div>
      ) : null}
      {ops.failure ? <ErrorNotice failure={ops.failure} onClose={ops.dismiss} /> : null}
      {ops.unknown ? (
        <button type="button" className="secondary" onClick={() => void ops.retry()}>
          {t.retry}
        </button>
      ) : null}
      {dialog === 'print_z' ? <ConfirmDialog title={t.ops.print_z ?? ''} text={t.zConfirm} onClose={() => setDialog(null)} onConfirm={() => void run({ type: 'print_z' })} /> : null}
      {dialog === 'cancel_receipt' ? (
        <ConfirmDialog title={t.ops.cancel_receipt ?? ''} text={t.cancelConfirm} onClose={() => setDialog(null)} onConfirm={() => void run({ type: 'cancel_receipt' })} />
      ) : null}
      {dialog === 'deposit_cash' || dialog === 'withdraw_cash' ? (
        <CashDialog title={t.ops[dialog] ?? ''} onClose={() => setDialog(null)} onRun={(amount) => void run({ type: dialog, amount })} />
      ) : null}
      {dialog === 'print_non_fiscal' ? <NonFiscalDialog onClose={() => setDialog(null)} onRun={(lines) => void run({ type: 'print_non_fiscal', lines })} /> : null}
      {dialog === 'je_report' ? <JeDialog onClose={() => setDialog(null)} onRun={(from, to) => void exportJournal(from, to)} /> : null}
      {dialog === 'datetime' ? (
        <DateTimeDialog
          onClose={() => setDialog(null)}
          read={async () => {
            const a = await ops.run(id, { type: 'get_datetime' });
            return typeof a?.datetime === 'string' ? a.datetime : null;
          }}
          setTime={async (iso) => {
            const a = await ops.run(id, { type: 'set_datetime', datetime: iso });
            return typeof a?.datetime === 'string' ? a.datetime : null;
          }}
        />
      ) : null}
    </section>
  );
}
