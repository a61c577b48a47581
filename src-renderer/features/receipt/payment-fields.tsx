/** Payment method and the amount received (empty = exactly the total). */
import type { PaymentMethod } from '../../../src-main/shared/api-types.js';
import { useTexts } from '../../i18n/language-store.js';
import type { Texts } from '../../i18n/texts-ro.js';
import { useReceiptStore } from './receipt-store.js';

const METHODS: Array<[PaymentMethod, (t: Texts) => string]> = [
  ['cash', (t) => t.payCash],
  ['card', (t) => t.payCard],
  ['credit', (t) => t.payCredit],
  ['voucher', (t) => t.payVoucher],
  ['meal_voucher', (t) => t.payMealVoucher],
  ['other', (t) => t.payOther],
];

export function PaymentFields() {
  const t = useTexts();
  const { method, paid, setPayment } = useReceiptStore();
  return (
    <div className="payment-row">
      <label>
        {t.paymentMethod}
        <select value={method} onChange={(e) => setPayment({ method: e.target.value as PaymentMethod })}>
          {METHODS.map(([m, label]) => (
            <option key={m} value={m}>
              {label(t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.amountPaid}
        <input className="num" inputMode="decimal" placeholder={t.amountPaidHint} value={paid} onChange={(e) => setPayment({ paid: e.target.value })} />
      </label>
    </div>
  );
}
