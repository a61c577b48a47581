/**
 * The FiscalNet dialect (caret-separated): `S^NAME^PRICE^QTY^UM^VATGROUP^DEPT`, `DV^value` / `MV^value`
 * (value discount / markup on the previous sale), `ST^` (subtotal), `P^CODE^AMOUNT` (1-based payment codes,
 * empty or 0 amount = the rest), `CF^CUI` (buyer, before the first sale). Pure.
 */
import type { PaymentMethod } from '../../../domain/operations.js';
import { ARG, ArgReader, fail } from './args.js';
import { walkLines } from './line-walk.js';
import { bi, type InpDocument, type SourceLine } from './types.js';

const PAYMENT_CODES: Record<number, PaymentMethod> = {
  1: 'cash',
  2: 'card',
  3: 'credit',
  4: 'meal_voucher',
  6: 'other',
  7: 'other',
  8: 'other',
  9: 'other',
};

export function parseFiscalNet(texts: readonly string[]): { lines: SourceLine[]; documents: InpDocument[] } {
  const split = (no: number, text: string) => {
    const parts = text.trim().split('^');
    const cmd = (parts[0] ?? '').trim().toUpperCase();
    return { line: { no, text, cmd }, args: parts.slice(1) };
  };
  return walkLines(texts, split, (b, { line, args }) => {
    const { no, cmd } = line;
    const r = new ArgReader(no, cmd, args);
    b.beginCommand();
    switch (cmd) {
      case 'S': {
        r.atMost(6);
        const description = r.text(1, ARG.name);
        const unit_price_cents = r.money(2, ARG.price);
        const quantity_thousandths = r.quantity(3, ARG.quantity);
        const um = r.text(4, ARG.um, { optional: true, max: 8 });
        const vat = r.vat(5);
        const department = r.int(6, ARG.department, 0, 99, 1);
        b.item(no, cmd, {
          type: 'item',
          description,
          unit_price_cents,
          quantity_thousandths,
          vat,
          department,
          ...(um ? { um } : {}),
        });
        return;
      }
      case 'DV':
      case 'MV':
        r.atMost(1);
        b.discount(no, cmd, { kind: 'amount', amount_cents: r.money(1, ARG.value, 1), is_surcharge: cmd === 'MV' });
        return;
      case 'ST':
        r.atMost(0);
        b.subtotal(no, cmd);
        return;
      case 'CF': {
        r.atMost(1);
        b.buyer(no, cmd, r.cui(1, ARG.cui));
        return;
      }
      case 'P': {
        r.atMost(2);
        const code = r.int(1, ARG.code, 1, 9);
        const method = PAYMENT_CODES[code];
        if (method === undefined)
          return r.fail(1, bi('codul de plată 5 nu este o plată', 'payment code 5 is not a payment'));
        const amount = r.has(2) && r.money(2, ARG.amount, 0) > 0 ? r.money(2, ARG.amount, 1) : null;
        b.pay(no, cmd, method, amount);
        return;
      }
      default:
        fail(no, cmd, null, bi(`comandă FiscalNet necunoscută „${cmd}”`, `unknown FiscalNet command "${cmd}"`));
    }
  });
}
