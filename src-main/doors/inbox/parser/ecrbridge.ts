/**
 * The EcrBridge dialect: header `FISCAL` / `FISCAL;<CUI>` (a fiscal receipt) or `TEXT` (non-fiscal, then
 * `T;<text>` lines); `I;name;qty;price;vat` items, `P;code;value` payments (1 cash, 2 card, 3 credit,
 * 4 meal vouchers; value 0 = the rest), `Z;1` Z report, `Z;0` X report, `RD` department report (a no-op). Pure.
 */
import type { PaymentMethod } from '../../../domain/operations.js';
import { ARG, ArgReader, fail } from './args.js';
import { walkLines } from './line-walk.js';
import { DocumentBuilder } from './receipt-builder.js';
import { bi, type InpDocument, type SourceLine } from './types.js';

const PAYMENT_CODES: Record<number, PaymentMethod> = { 1: 'cash', 2: 'card', 3: 'credit', 4: 'meal_voucher' };

export function parseEcrBridge(texts: readonly string[]): { lines: SourceLine[]; documents: InpDocument[] } {
  let textMode = false;
  const split = (no: number, text: string) => {
    const parts = text.trim().split(';');
    const cmd = (parts[0] ?? '').trim().toUpperCase();
    return { line: { no, text, cmd }, args: parts.slice(1) };
  };
  const command = (b: DocumentBuilder, { line, args }: ReturnType<typeof split>): void => {
    const { no, cmd } = line;
    const r = new ArgReader(no, cmd, args);
    b.beginCommand();
    switch (cmd) {
      case 'FISCAL': {
        r.atMost(1);
        textMode = false;
        b.openFiscal(no, cmd, false);
        if (r.has(1)) {
          b.buyer(no, cmd, r.cui(1, ARG.cui));
        }
        return;
      }
      case 'TEXT':
        r.atMost(0);
        textMode = true;
        b.openNonFiscal(no, cmd);
        return;
      case 'T':
        if (!textMode)
          fail(
            no,
            cmd,
            null,
            bi('liniile T sunt permise doar după antetul TEXT', 'T lines are allowed only after a TEXT header'),
          );
        r.atMost(1);
        b.text(no, cmd, r.text(1, ARG.text, { optional: true }));
        return;
      case 'I': {
        r.atMost(4);
        const description = r.text(1, ARG.name);
        const quantity_thousandths = r.quantity(2, ARG.quantity);
        const unit_price_cents = r.money(3, ARG.price);
        const vat = r.vat(4);
        b.item(no, cmd, { type: 'item', description, quantity_thousandths, unit_price_cents, vat });
        return;
      }
      case 'P': {
        r.atMost(2);
        const code = r.int(1, ARG.code, 1, 9);
        const method = PAYMENT_CODES[code] ?? 'other';
        const amount = r.has(2) && r.money(2, ARG.value, 0) > 0 ? r.money(2, ARG.value, 1) : null;
        b.pay(no, cmd, method, amount);
        return;
      }
      case 'Z': {
        r.atMost(1);
        const type = r.int(1, ARG.type, 0, 1, 1);
        b.single(no, { type: type === 1 ? 'print_z' : 'print_x' }, cmd);
        return;
      }
      case 'RD':
        return; // department report: the register prints it within its Z report
      default:
        fail(no, cmd, null, bi(`comandă EcrBridge necunoscută „${cmd}”`, `unknown EcrBridge command "${cmd}"`));
    }
  };
  return walkLines(texts, split, command, (b, end) => {
    if (textMode && b.state === 'non_fiscal') {
      // A TEXT document ends with the file.
      b.beginCommand();
      b.pay(end?.no ?? 0, end?.cmd ?? '', 'cash', null);
    }
  });
}
