/** One line of the receipt: an item (description, quantity, unit, price, VAT group, discount/surcharge) or a text. */
import type { KeyboardEvent } from 'react';
import { enterToNext } from '../../app/shortcuts.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import { formatCents, formatRate } from '../../lib/number-entry.js';
import { ADJUST_KINDS, type AdjustKind, type LineDraft } from './draft.js';
import { useReceiptStore } from './receipt-store.js';

export function LineRow({
  line,
  index,
  rates,
  locked,
  amount,
  stale,
  onLast,
}: {
  line: LineDraft;
  index: number;
  rates: Record<string, number>;
  locked: boolean;
  amount: number | undefined;
  /** The amount is from before the last change (the hub's answer is on its way, or the draft has a problem). */
  stale: boolean;
  onLast: () => void;
}) {
  const t = useTexts();
  const lang = useLang();
  const setLine = useReceiptStore((s) => s.setLine);
  const removeLine = useReceiptStore((s) => s.removeLine);
  const n = index + 1;
  const id = (f: string) => `rc-${line.key}-${f}`;
  const nav = { 'data-nav': true, onKeyDown: (e: KeyboardEvent<HTMLElement>) => enterToNext(e, onLast), disabled: locked };
  const remove = (
    <button type="button" className="icon" tabIndex={-1} title={t.removeLine} aria-label={`${t.removeLine} ${n}`} disabled={locked} onClick={() => removeLine(line.key)}>
      ×
    </button>
  );
  if (line.kind === 'text') {
    return (
      <div className="line-row text-row" data-testid="receipt-line" data-kind="text">
        <span className="line-no">{n}</span>
        <input id={id('text')} aria-label={`${t.textLine} ${n}`} placeholder={t.textLine} value={line.text} maxLength={72} onChange={(e) => setLine(line.key, { text: e.target.value })} {...nav} />
        {remove}
      </div>
    );
  }
  return (
    <div className="line-row" data-testid="receipt-line" data-kind="item">
      <span className="line-no">{n}</span>
      <input id={id('description')} aria-label={`${t.colDescription} ${n}`} placeholder={t.colDescription} value={line.description} maxLength={72} onChange={(e) => setLine(line.key, { description: e.target.value })} {...nav} />
      <input id={id('quantity')} aria-label={`${t.colQty} ${n}`} className="num" inputMode="decimal" value={line.quantity} onChange={(e) => setLine(line.key, { quantity: e.target.value })} onFocus={(e) => e.target.select()} {...nav} />
      <input id={id('unit')} aria-label={`${t.colUnit} ${n}`} value={line.unit} maxLength={8} onChange={(e) => setLine(line.key, { unit: e.target.value })} {...nav} />
      <input id={id('price')} aria-label={`${t.colPrice} ${n}`} className="num" inputMode="decimal" placeholder={lang === 'en' ? '0.00' : '0,00'} value={line.price} onChange={(e) => setLine(line.key, { price: e.target.value })} {...nav} />
      <select id={id('vat')} aria-label={`${t.colVat} ${n}`} value={line.vat} onChange={(e) => setLine(line.key, { vat: e.target.value })} {...nav}>
        {Object.entries(rates).map(([g, bp]) => (
          <option key={g} value={g}>
            {g} {formatRate(bp, lang)}
          </option>
        ))}
        {rates[line.vat] === undefined ? <option value={line.vat}>{line.vat}</option> : null}
      </select>
      <select id={id('adjust')} aria-label={`${t.colDiscount} ${n}`} value={line.adjust} onChange={(e) => setLine(line.key, { adjust: e.target.value as AdjustKind })} {...nav}>
        {ADJUST_KINDS.map((k) => (
          <option key={k} value={k}>
            {t.discKinds[k]}
          </option>
        ))}
      </select>
      <input
        id={id('adjust-value')}
        aria-label={`${t.colDiscount} ${n} ${t.fieldWords.amount}`}
        className="num"
        inputMode="decimal"
        value={line.adjustValue}
        {...nav}
        disabled={locked || line.adjust === 'none'}
        onChange={(e) => setLine(line.key, { adjustValue: e.target.value })}
      />
      <span className={stale ? 'line-amount num stale' : 'line-amount num'} data-testid="line-amount">
        {amount === undefined ? '' : formatCents(amount, lang)}
      </span>
      {remove}
    </div>
  );
}
