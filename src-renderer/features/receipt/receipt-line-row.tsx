/** One item line of the manual receipt: description, quantity, unit price, VAT group from the device. */
import { useLanguageStore, useTexts } from '../../i18n/language-store.js';
import { formatRate } from '../../lib/amount-text.js';
import { useReceiptStore, type LineDraft } from './receipt-store.js';

export function ReceiptLineRow({ line, index, rates }: { line: LineDraft; index: number; rates: Record<string, number> }) {
  const t = useTexts();
  const lang = useLanguageStore((s) => s.lang);
  const setLine = useReceiptStore((s) => s.setLine);
  const removeLine = useReceiptStore((s) => s.removeLine);
  const n = index + 1;
  return (
    <div className="line-row" data-testid="receipt-line">
      <input
        aria-label={`${t.description} ${n}`}
        placeholder={t.description}
        value={line.description}
        maxLength={72}
        onChange={(e) => setLine(line.key, { description: e.target.value })}
      />
      <input
        aria-label={`${t.quantity} ${n}`}
        className="num"
        inputMode="decimal"
        value={line.quantity}
        onChange={(e) => setLine(line.key, { quantity: e.target.value })}
      />
      <input
        aria-label={`${t.unitPrice} ${n}`}
        className="num"
        inputMode="decimal"
        placeholder={lang === 'ro' ? '0,00' : '0.00'}
        value={line.price}
        onChange={(e) => setLine(line.key, { price: e.target.value })}
      />
      <select aria-label={`${t.vat} ${n}`} value={line.vat} onChange={(e) => setLine(line.key, { vat: e.target.value })}>
        {Object.entries(rates).map(([g, bp]) => (
          <option key={g} value={g}>
            {g} · {formatRate(bp, lang)}
          </option>
        ))}
      </select>
      <button type="button" className="icon" title={t.removeLine} aria-label={`${t.removeLine} ${n}`} onClick={() => removeLine(line.key)}>
        ×
      </button>
    </div>
  );
}
