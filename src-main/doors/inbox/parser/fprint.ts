/**
 * The FPrint dialect (Datecs FPrint / Fisco / FisCool): `<CMD>,<logical>,<service>;<arg1>;<arg2>;…`.
 * Every command of spec/inp-files.md, turned into operations through DocumentBuilder. Pure.
 */
import type { Discount, PaymentMethod } from '../../../domain/operations.js';
import { ARG, ArgReader, fail } from './args.js';
import { DocumentBuilder } from './receipt-builder.js';
import { walkLines } from './line-walk.js';
import { bi, type InpDocument, type SourceLine } from './types.js';

/** `S,1,______,_,__;args` — the service field is optional and its content ignored on input. */
const HEADER = /^([A-Za-z]|\d{1,3}),(\d{1,2})(?:,([^,;]*),([^,;]*),([^,;]*))?(?:;(.*))?$/;

export const FPRINT_HEADER_TEST = /^(?:[A-Za-z]|\d{1,3}),\d{1,2}(?:,|;|$)/;

export { isIgnorable } from './line-walk.js';

/** Payment type of `T` → method; 4 is the subtotal and is handled before. */
const PAYMENT_TYPES: Record<number, PaymentMethod> = {
  0: 'cash',
  1: 'card',
  2: 'credit',
  3: 'meal_voucher',
  5: 'other',
  6: 'other',
  7: 'other',
  8: 'other',
};

export function splitFprintLine(no: number, text: string): SourceLine {
  const t = text.trim();
  const m = HEADER.exec(t);
  if (!m) {
    const word = /^[^,;^]*/.exec(t)?.[0] ?? '';
    fail(
      no,
      word.slice(0, 8),
      null,
      bi(
        `linia nu are forma „CMD,1,______,_,__;argumente”`,
        `the line is not of the form "CMD,1,______,_,__;arguments"`,
      ),
    );
  }
  return { no, text, cmd: (m[1] ?? '').toUpperCase(), fprint: { logical: m[2] ?? '1', args: m[6] ?? '' } };
}

function discountOf(r: ArgReader): Discount {
  const type = r.int(1, ARG.type, 0, 3);
  if (type <= 1) return { kind: 'percent', basis_points: r.percent(2, ARG.value), is_surcharge: type === 0 };
  return { kind: 'amount', amount_cents: r.money(2, ARG.value, 1), is_surcharge: type === 2 };
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function command(b: DocumentBuilder, line: SourceLine): void {
  const args = (line.fprint?.args ?? '').split(';');
  const r = new ArgReader(line.no, line.cmd, line.fprint?.args === '' ? [] : args);
  const no = line.no;
  const cmd = line.cmd;
  b.beginCommand();
  switch (cmd) {
    case 'S': {
      r.atMost(9);
      const name = r.text(1, ARG.name);
      const price = r.money(2, ARG.price);
      const qty = r.quantity(3, ARG.quantity);
      const department = r.int(4, ARG.department, 0, 99, 1);
      r.int(5, ARG.group, 0, 99, 1);
      const vat = r.vat(6);
      r.int(7, bi('rezervat', 'reserved'), 0, 999_999, 0);
      r.int(8, bi('rezervat', 'reserved'), 0, 999_999_999, 0);
      const um = r.text(9, ARG.um, { optional: true, max: 8 });
      b.item(no, cmd, {
        type: 'item',
        description: name,
        unit_price_cents: price,
        quantity_thousandths: qty,
        vat,
        department,
        ...(um ? { um } : {}),
      });
      return;
    }
    case 'T': {
      r.atMost(2);
      if (!r.has(1) && !r.has(2)) {
        b.pay(no, cmd, 'cash', null);
        return;
      }
      const type = r.int(1, ARG.type, 0, 8);
      if (type === 4) {
        if (r.has(2)) r.fail(2, bi('subtotalul (T;4) nu are sumă', 'the subtotal (T;4) takes no amount'));
        b.subtotal(no, cmd);
        return;
      }
      const method = PAYMENT_TYPES[type] ?? 'other';
      b.pay(no, cmd, method, r.optionalMoney(2, ARG.amount, 1));
      return;
    }
    case 'C':
      r.atMost(2);
      b.discount(no, cmd, discountOf(r));
      return;
    case 'K': {
      r.atMost(1);
      b.buyer(no, cmd, r.cui(1, ARG.cui));
      return;
    }
    case 'P':
      r.atMost(1);
      b.text(no, cmd, r.text(1, ARG.text, { optional: true }));
      return;
    case 'Y':
      r.atMost(0);
      b.openNonFiscal(no, cmd);
      return;
    case 'I': {
      r.atMost(2);
      const dir = r.int(1, ARG.direction, 0, 1);
      const amount = r.money(2, ARG.amount, 1);
      b.single(no, { type: dir === 0 ? 'deposit_cash' : 'withdraw_cash', amount }, cmd);
      return;
    }
    case 'Z': {
      r.atMost(3);
      const type = r.int(1, ARG.type, 0, 3, 1);
      if (type === 0) return b.single(no, { type: 'print_x' }, cmd);
      if (type === 1) return b.single(no, { type: 'print_z' }, cmd);
      const year = 2000 + r.int(2, ARG.year, 0, 99);
      const month = r.int(3, ARG.month, 1, 12);
      const mm = String(month).padStart(2, '0');
      b.single(
        no,
        {
          type: 'print_fiscal_memory_report',
          range: {
            type: 'date',
            start: `${year}-${mm}-01`,
            end: `${year}-${mm}-${String(lastDayOf(year, month)).padStart(2, '0')}`,
          },
          detailed: type === 3,
        },
        cmd,
      );
      return;
    }
    case 'D':
      r.atMost(0);
      b.single(no, { type: 'print_duplicate' }, cmd);
      return;
    case 'O':
      r.atMost(0);
      b.single(no, { type: 'open_drawer' }, cmd);
      return;
    case 'X':
      r.atMost(0);
      b.cancel(no, cmd);
      return;
    case 'A': {
      r.atMost(2);
      const type = r.int(1, ARG.type, 1, 3);
      const data = r.required(2, ARG.data);
      const ok =
        type === 1 ? /^\d{7,8}$/.test(data) : type === 2 ? /^\d{12,13}$/.test(data) : /^[\x20-\x7e]{1,18}$/.test(data);
      if (!ok) {
        const want =
          type === 1
            ? bi('7 sau 8 cifre', '7 or 8 digits')
            : type === 2
              ? bi('12 sau 13 cifre', '12 or 13 digits')
              : bi('1–18 caractere ASCII', '1–18 ASCII characters');
        r.fail(2, bi(`codul de bare „${data}” trebuie să aibă ${want.ro}`, `barcode "${data}" must have ${want.en}`));
      }
      b.text(no, cmd, data);
      return;
    }
    case 'L':
      // Without arguments: subtotal. With arguments: customer display control, which has no effect here.
      if (!r.has(1)) b.subtotal(no, cmd);
      return;
    case 'H':
    case 'F':
      return; // keyboard lock/unlock: no-op on every supported device
    case '48': {
      r.atMost(4);
      r.int(1, ARG.operator, 1, 99, 1);
      r.text(2, ARG.password, { optional: true, max: 16 });
      r.int(3, ARG.till, 0, 99_999, 1);
      const invoice = r.int(4, ARG.invoice, 0, 1, 0);
      b.openFiscal(no, cmd, invoice === 1);
      return;
    }
    default:
      fail(no, cmd, null, bi(`comandă necunoscută „${cmd}”`, `unknown command "${cmd}"`));
  }
}

/** Parse the lines of an FPrint file into documents (throws InpSyntaxError on the first error). */
export function parseFprint(texts: readonly string[]): { lines: SourceLine[]; documents: InpDocument[] } {
  return walkLines(
    texts,
    (no, text) => ({ line: splitFprintLine(no, text) }),
    (b, { line }) => command(b, line),
  );
}
