/** Payments (cash, card, vouchers …; an empty amount is the rest), the discount on the total, and the buyer. */
import type { KeyboardEvent } from 'react';
import type { PaymentMethod } from '../../../src-main/shared/api-types.js';
import { enterToNext } from '../../app/shortcuts.js';
import { useTexts } from '../../i18n/language-store.js';
import { ADJUST_KINDS, type AdjustKind } from './draft.js';
import { useReceiptStore } from './receipt-store.js';

const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'card', 'credit', 'voucher', 'meal_voucher', 'other'];

export function PaymentsBox({ locked }: { locked: boolean }) {
  const t = useTexts();
  const { draft, setPayment, addPayment, removePayment, setReceipt } = useReceiptStore();
  const nav = { 'data-nav': true, onKeyDown: (e: KeyboardEvent<HTMLElement>) => enterToNext(e), disabled: locked };
  return (
    <div className="pay-box" data-nav-scope>
      <div className="pay-head">
        <strong>{t.payments}</strong>
        <button type="button" className="secondary small" disabled={locked} onClick={() => addPayment()}>
          + {t.addPayment} <kbd>F6</kbd>
        </button>
      </div>
      {draft.payments.map((p, i) => (
        <div className="pay-row" key={p.key} data-testid="payment-row">
          <select id={`rc-pay-method-${p.key}`} aria-label={`${t.fieldPayment(i + 1)}`} value={p.method} onChange={(e) => setPayment(p.key, { method: e.target.value as PaymentMethod })} {...nav}>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t.pay[m]}
              </option>
            ))}
          </select>
          <input
            id={`rc-pay-${p.key}`}
            aria-label={`${t.fieldPayment(i + 1)}, ${t.fieldWords.amount}`}
            className="num"
            inputMode="decimal"
            placeholder={t.amountRest}
            value={p.amount}
            onChange={(e) => setPayment(p.key, { amount: e.target.value })}
            {...nav}
          />
          <button type="button" className="icon" tabIndex={-1} aria-label={`${t.removePayment} ${i + 1}`} disabled={locked || draft.payments.length < 2} onClick={() => removePayment(p.key)}>
            ×
          </button>
        </div>
      ))}
      <div className="pay-row">
        <select id="rc-total-adjust" aria-label={t.subtotalDiscount} value={draft.totalAdjust} onChange={(e) => setReceipt({ totalAdjust: e.target.value as AdjustKind })} {...nav}>
          {ADJUST_KINDS.map((k) => (
            <option key={k} value={k}>
              {k === 'none' ? `${t.subtotalDiscount}: —` : `${t.subtotalDiscount} ${t.discKinds[k]}`}
            </option>
          ))}
        </select>
        <input
          id="rc-total-adjust-value"
          aria-label={`${t.subtotalDiscount}, ${t.fieldWords.amount}`}
          className="num"
          inputMode="decimal"
          value={draft.totalAdjustValue}
          {...nav}
          disabled={locked || draft.totalAdjust === 'none'}
          onChange={(e) => setReceipt({ totalAdjustValue: e.target.value })}
        />
        <span />
      </div>
      <div className="buyer-row">
        <input id="rc-buyer-cui" aria-label={t.buyerCui} placeholder={`${t.buyerCui} (F7)`} value={draft.buyerCui} maxLength={14} onChange={(e) => setReceipt({ buyerCui: e.target.value })} {...nav} />
        <label className="check">
          <input type="checkbox" checked={draft.invoice} disabled={locked} onChange={(e) => setReceipt({ invoice: e.target.checked })} />
          {t.invoice}
        </label>
      </div>
    </div>
  );
}
