/** The VAT groups the register reports, e.g. "A 21% · B 11% · C 0%". */
import { useLanguageStore, useTexts } from '../../i18n/language-store.js';
import { formatRate } from '../../lib/amount-text.js';

export function VatRates({ rates }: { rates: Record<string, number> }) {
  const t = useTexts();
  const lang = useLanguageStore((s) => s.lang);
  const groups = Object.entries(rates).sort(([a], [b]) => a.localeCompare(b));
  if (groups.length === 0) return null;
  return (
    <div className="vat-rates" data-testid="vat-rates">
      <span className="muted">{t.vatRates}:</span>
      {groups.map(([g, bp]) => (
        <span key={g} className="vat-chip">
          {g} {formatRate(bp, lang)}
        </span>
      ))}
    </div>
  );
}
