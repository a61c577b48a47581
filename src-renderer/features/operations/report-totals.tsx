/** X and Z report totals as the register gave them: per VAT group (with its rate), per payment, receipts, total. */
import type { ReportTotals } from '../../../src-main/shared/api-types.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import { formatCents, formatRate } from '../../lib/number-entry.js';

export function ReportTotalsView({ totals, rates, title }: { totals: ReportTotals; rates: Record<string, number>; title: string }) {
  const t = useTexts();
  const lang = useLang();
  const vat = Object.entries(totals.by_vat_group).sort(([a], [b]) => a.localeCompare(b));
  const pay = Object.entries(totals.by_payment).filter(([, v]) => typeof v === 'number' && v !== 0);
  return (
    <div className="report-totals" data-testid="report-totals">
      <strong>{title}</strong>
      <table className="mini-table">
        <tbody>
          {vat.length ? (
            <tr className="group-row">
              <th colSpan={2}>{t.byVat}</th>
            </tr>
          ) : null}
          {vat.map(([g, cents]) => (
            <tr key={g} data-vat={g}>
              <td>
                {g}
                {rates[g] !== undefined ? ` ${formatRate(rates[g] ?? 0, lang)}` : ''}
              </td>
              <td className="num">{formatCents(cents, lang)}</td>
            </tr>
          ))}
          {pay.length ? (
            <tr className="group-row">
              <th colSpan={2}>{t.byPayment}</th>
            </tr>
          ) : null}
          {pay.map(([m, cents]) => (
            <tr key={m} data-payment={m}>
              <td>{t.pay[m] ?? m}</td>
              <td className="num">{formatCents(cents ?? 0, lang)}</td>
            </tr>
          ))}
          {totals.refunds_cents ? (
            <tr>
              <td>{t.refunds}</td>
              <td className="num">{formatCents(totals.refunds_cents, lang)}</td>
            </tr>
          ) : null}
          <tr className="total-row">
            <td>
              {t.total}
              {totals.receipts ? ` · ${t.receiptsCount(totals.receipts)}` : ''}
            </td>
            <td className="num" data-testid="report-total">
              {formatCents(totals.total_cents, lang)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
