/**
 * The manual receipt, keyboard first: lines (Enter moves on, a new line after the last field; Enter never prints),
 * payments, discount on the total, buyer; the hub's live total; Print once. Shortcuts: F2 item, F3 text, F4 discount
 * on the total, F6 payment, F7 buyer, F8 new receipt, F9 / Ctrl+Enter print.
 */
import { useEffect } from 'react';
import { useShortcuts } from '../../app/shortcuts.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import { useTexts } from '../../i18n/language-store.js';
import { useConnectionStore } from '../connection/connection-store.js';
import { useDevicesStore, useSelectedDevice } from '../devices/devices-store.js';
import { HealthNotice } from '../devices/health-view.js';
import { LineRow } from './line-row.js';
import { PaymentsBox } from './payments-box.js';
import { usePreviewStore } from './preview-store.js';
import { PrintOutcome } from './print-outcome.js';
import { mustConfirmAbandon, printDraft } from './print-flow.js';
import { useReceiptStore } from './receipt-store.js';
import { TotalsBox } from './totals-box.js';

function focusById(id: string): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
    el.focus();
    if (el instanceof HTMLInputElement) el.select();
  }
}

export function ReceiptPanel() {
  const t = useTexts();
  const selected = useSelectedDevice();
  const online = useConnectionStore((s) => s.online);
  const r = useReceiptStore();
  const { preview, problem, problemField, pending, request, clear } = usePreviewStore();
  // A pending attempt stays on the register it was sent to.
  const attemptDevice = useDevicesStore((s) => s.fiscal.find((d) => d.config.id === r.attempt?.deviceId) ?? null);
  const device = r.attempt ? attemptDevice : selected;
  const locked = !r.editable();
  const groups = Object.keys(device?.vat_rates ?? {}).sort();
  const firstVat = groups[0] ?? 'A';
  const groupKey = groups.join(',');

  useEffect(() => {
    if (groupKey) useReceiptStore.getState().fitVat(groupKey.split(','));
  }, [groupKey]);
  useEffect(() => {
    if (device && !r.attempt) request(device.config.id, r.draft);
    else if (!r.attempt) clear();
  }, [device?.config.id, r.draft, r.attempt === null, request, clear]);
  useEffect(() => {
    if (r.focus) {
      focusById(r.focus);
      r.focused();
    }
  }, [r.focus]);

  const print = () => {
    if (device && online) void printDraft(device.config.id);
  };
  const startNew = () => {
    if (mustConfirmAbandon() && !window.confirm(t.abandonConfirm)) return;
    r.reset(firstVat);
    clear();
  };
  useShortcuts({
    F2: () => r.addItem(firstVat),
    F3: () => r.addText(),
    F4: () => focusById('rc-total-adjust'),
    F6: () => r.addPayment(),
    F7: () => focusById('rc-buyer-cui'),
    F8: startNew,
    F9: print,
    'Ctrl+Enter': print,
  });

  if (!device) {
    return (
      <section className="panel receipt-panel">
        <h2>{t.receiptTitle}</h2>
        <p className="muted">{t.noDeviceSelected}</p>
      </section>
    );
  }
  const itemRows = r.draft.lines;
  const lastKey = itemRows.at(-1)?.key;
  return (
    <section className="panel receipt-panel" aria-labelledby="receipt-title" data-testid="receipt-panel" data-state={r.attempt?.state ?? 'editing'}>
      <header className="receipt-head">
        <h2 id="receipt-title">
          {t.receiptTitle} <span className="muted">{t.receiptFor(device.config.name)}</span>
        </h2>
        <span className="muted small shortcut-hint">{t.shortcuts}</span>
      </header>
      <HealthNotice health={device.health} />
      {locked && r.attempt ? <p className="locked-hint">{t.locked}</p> : null}
      <div className="line-row line-head" aria-hidden="true">
        <span>#</span>
        <span>{t.colDescription}</span>
        <span>{t.colQty}</span>
        <span>{t.colUnit}</span>
        <span>{t.colPrice}</span>
        <span>{t.colVat}</span>
        <span className="span2">{t.colDiscount}</span>
        <span className="num">{t.colLineTotal}</span>
        <span />
      </div>
      <div className="lines" data-nav-scope data-testid="receipt-lines">
        {itemRows.map((l, i) => (
          <LineRow
            key={l.key}
            line={l}
            index={i}
            rates={device.vat_rates}
            locked={locked}
            amount={preview?.lineTotals[l.key]}
            stale={pending || problem !== null}
            onLast={() => (l.key === lastKey ? r.addItem(firstVat) : undefined)}
          />
        ))}
      </div>
      <div className="line-tools">
        <button type="button" className="secondary small" disabled={locked} onClick={() => r.addItem(firstVat)}>
          + {t.addItem} <kbd>F2</kbd>
        </button>
        <button type="button" className="secondary small" disabled={locked} onClick={() => r.addText()}>
          + {t.addText} <kbd>F3</kbd>
        </button>
        {problem && !r.failure && !locked ? (
          <span className="preview-problem" data-testid="preview-problem" data-field={problemField ?? ''}>
            <ErrorNotice failure={problem} compact />
          </span>
        ) : null}
      </div>
      <PrintOutcome />
      {!online ? <p className="notice notice-warn small">{t.offlinePrint}</p> : null}
      <div className="receipt-foot">
        <PaymentsBox locked={locked} />
        <TotalsBox canPrint={online} onPrint={print} onNew={startNew} />
      </div>
    </section>
  );
}
