/** The manual receipt: lines, payment, the plain sum of what was typed, and the hub's answer or error. */
import { useEffect, type FormEvent } from 'react';
import { ErrorNotice } from '../../errors/error-notice.js';
import { explainFailure } from '../../errors/failure.js';
import { useLanguageStore, useTexts } from '../../i18n/language-store.js';
import { formatCents } from '../../lib/amount-text.js';
import { useSelectedDevice } from '../devices/devices-store.js';
import { PaymentFields } from './payment-fields.js';
import { ReceiptLineRow } from './receipt-line-row.js';
import { linesSum, useReceiptStore } from './receipt-store.js';

export function ReceiptForm() {
  const t = useTexts();
  const lang = useLanguageStore((s) => s.lang);
  const device = useSelectedDevice();
  const r = useReceiptStore();
  const groups = Object.keys(device?.vat_rates ?? {}).join(',');
  const fitVat = r.fitVat;
  useEffect(() => {
    if (groups) fitVat(groups.split(','));
  }, [groups, fitVat]);
  if (!device) {
    return (
      <section className="panel">
        <h2>{t.receiptTitle}</h2>
        <p className="muted">{t.noDeviceSelected}</p>
      </section>
    );
  }
  const firstVat = Object.keys(device.vat_rates)[0] ?? 'A';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void r.print(device.config.id);
  };
  return (
    <section className="panel" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t.receiptTitle}</h2>
      <p className="muted">{t.receiptFor(device.config.name)}</p>
      <form onSubmit={submit} data-testid="receipt-form">
        <div className="line-row line-head muted" aria-hidden="true">
          <span>{t.description}</span>
          <span>{t.quantity}</span>
          <span>{t.unitPrice}</span>
          <span>{t.vat}</span>
          <span />
        </div>
        {r.lines.map((l, i) => (
          <ReceiptLineRow key={l.key} line={l} index={i} rates={device.vat_rates} />
        ))}
        <button type="button" className="secondary" onClick={() => r.addLine(firstVat)}>
          + {t.addLine}
        </button>
        <PaymentFields />
        <div className="sum-row">
          <span>
            {t.enteredSum}: <strong data-testid="entered-sum">{formatCents(linesSum(r.lines), lang)}</strong> lei
          </span>
          <span className="muted small">{t.enteredSumHint}</span>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={r.busy}>
            {r.busy ? t.printing : t.printReceipt}
          </button>
          <button type="button" className="secondary" onClick={() => r.reset(firstVat)}>
            {t.newReceipt}
          </button>
        </div>
      </form>
      {r.printed ? (
        <div className="notice notice-ok" role="status" data-testid="receipt-printed" data-job-id={r.printed.jobId}>
          <strong>{t.receiptPrinted(String(r.printed.slip ?? '?'), r.printed.totalCents === null ? '?' : formatCents(r.printed.totalCents, lang))}</strong>
          {r.printed.changeCents ? <p>{t.change(formatCents(r.printed.changeCents, lang))}</p> : null}
          {r.printed.cardAuth ? <p>{t.cardApproved(r.printed.cardAuth)}</p> : null}
        </div>
      ) : null}
      {r.failure ? <ErrorNotice error={explainFailure(r.failure, t)} onClose={r.dismissFailure} /> : null}
    </section>
  );
}
