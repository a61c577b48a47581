/**
 * Builds operations from a stream of INP commands, whatever the dialect: an open fiscal receipt (items, text,
 * subtotal, discounts, buyer, payments; closes when fully paid), an open non-fiscal receipt, and single-command
 * documents (reports, cash in/out…). Errors name the line. Pure.
 */
import { computeReceipt } from '../../../domain/receipt-math.js';
import type { Discount, PaymentMethod, ReceiptLine } from '../../../domain/operations.js';
import { fail } from './args.js';
import { bi, type InpDocument } from './types.js';

type Line = ReceiptLine;

interface FiscalDraft {
  kind: 'fiscal';
  first_line: number;
  last_line: number;
  lines: Line[];
  payments: Array<{ method: PaymentMethod; amount_cents: number }>;
  buyer: string | null;
  invoice: boolean;
  line_of: Record<string, number>;
  items: number;
}

interface NonFiscalDraft {
  kind: 'non_fiscal';
  first_line: number;
  last_line: number;
  lines: string[];
  line_of: Record<string, number>;
}

export class DocumentBuilder {
  readonly documents: InpDocument[] = [];
  private open: FiscalDraft | NonFiscalDraft | null = null;
  /** What the previous command line did, for discounts that apply to "the previous S" or "the subtotal". */
  private previous: { kind: 'item' | 'subtotal'; index: number } | null = null;

  get state(): 'idle' | 'fiscal' | 'non_fiscal' {
    return this.open === null ? 'idle' : this.open.kind;
  }

  /** Call once per command line, before the command's own method. */
  beginCommand(): void {
    this.prevSnapshot = this.previous;
    this.previous = null;
  }
  private prevSnapshot: { kind: 'item' | 'subtotal'; index: number } | null = null;

  private fiscal(line: number, cmd: string): FiscalDraft {
    if (this.open?.kind === 'non_fiscal') {
      fail(
        line,
        cmd,
        null,
        bi(
          'comanda nu este permisă într-un bon nefiscal (închideți-l cu T)',
          'command not allowed inside a non-fiscal receipt (close it with T)',
        ),
      );
    }
    if (this.open === null) {
      this.open = {
        kind: 'fiscal',
        first_line: line,
        last_line: line,
        lines: [],
        payments: [],
        buyer: null,
        invoice: false,
        line_of: {},
        items: 0,
      };
    }
    this.open.last_line = line;
    return this.open;
  }

  /** `48`: open a fiscal receipt explicitly. */
  openFiscal(line: number, cmd: string, invoice: boolean): void {
    if (this.open !== null)
      fail(line, cmd, null, bi('un bon este deja deschis în fișier', 'a receipt is already open in the file'));
    this.fiscal(line, cmd).invoice = invoice;
  }

  buyer(line: number, cmd: string, cui: string): void {
    const d = this.fiscal(line, cmd);
    if (d.items > 0 || d.payments.length > 0) {
      fail(
        line,
        cmd,
        1,
        bi(
          'codul fiscal al cumpărătorului trebuie dat înaintea primului articol (S)',
          'the buyer fiscal code must come before the first item (S)',
        ),
      );
    }
    if (d.buyer !== null)
      fail(
        line,
        cmd,
        1,
        bi('codul fiscal al cumpărătorului este dat de două ori', 'the buyer fiscal code is given twice'),
      );
    d.buyer = cui;
    d.line_of['buyer'] = line;
  }

  item(line: number, cmd: string, item: Extract<Line, { type: 'item' }>): void {
    const d = this.fiscal(line, cmd);
    if (d.payments.length > 0)
      fail(line, cmd, null, bi('nu se pot vinde articole după o plată', 'items cannot be sold after a payment'));
    d.line_of[`lines[${d.lines.length}]`] = line;
    this.previous = { kind: 'item', index: d.lines.length };
    d.lines.push(item);
    d.items++;
  }

  text(line: number, cmd: string, text: string): void {
    if (this.open === null)
      fail(
        line,
        cmd,
        null,
        bi(
          'textul liber trebuie să fie într-un bon (deschideți-l cu S sau Y)',
          'free text must be inside a receipt (open one with S or Y)',
        ),
      );
    this.open.last_line = line;
    this.open.line_of[`lines[${this.open.lines.length}]`] = line;
    if (this.open.kind === 'non_fiscal') this.open.lines.push(text);
    else this.open.lines.push({ type: 'text', text });
  }

  subtotal(line: number, cmd: string): void {
    const d = this.fiscal(line, cmd);
    if (d.items === 0)
      fail(
        line,
        cmd,
        null,
        bi('subtotalul are nevoie de cel puțin un articol înainte', 'a subtotal needs at least one item before it'),
      );
    if (d.payments.length > 0)
      fail(line, cmd, null, bi('subtotalul nu poate veni după o plată', 'a subtotal cannot come after a payment'));
    d.line_of[`lines[${d.lines.length}]`] = line;
    this.previous = { kind: 'subtotal', index: d.lines.length };
    d.lines.push({ type: 'subtotal' });
  }

  discount(line: number, cmd: string, discount: Discount): void {
    const prev = this.prevSnapshot;
    const d = this.open;
    if (prev === null || d === null || d.kind !== 'fiscal') {
      fail(
        line,
        cmd,
        null,
        bi(
          'reducerea/majorarea trebuie să urmeze imediat după un articol (S) sau după subtotal (T;4)',
          'a discount/surcharge must come right after an item (S) or a subtotal (T;4)',
        ),
      );
    }
    const target = d.lines[prev.index];
    if (target === undefined || target.type === 'text' || target.discount !== undefined) {
      fail(line, cmd, null, bi('linia are deja o reducere/majorare', 'that line already has a discount/surcharge'));
    }
    target.discount = discount;
    d.last_line = line;
    d.line_of[`lines[${prev.index}].discount`] = line;
  }

  private total(d: FiscalDraft): number {
    const r = computeReceipt({ lines: d.lines }, () => ({ group: 'A' }));
    if (!r.ok) {
      const m = /^lines\[(\d+)\]/.exec(r.error.path);
      const at = (m && (d.line_of[`${m[0]}.discount`] ?? d.line_of[m[0]])) ?? d.last_line;
      fail(at, '', null, bi(`bon invalid: ${r.error.message}`, `invalid receipt: ${r.error.message}`));
    }
    return r.totals.total_cents;
  }

  /** A payment; `amount` null = the rest. Closes the receipt once fully paid. */
  pay(line: number, cmd: string, method: PaymentMethod, amount: number | null): void {
    if (this.open?.kind === 'non_fiscal') {
      this.closeNonFiscal(line, cmd);
      return;
    }
    if (this.open === null)
      fail(line, cmd, null, bi('nu este niciun bon deschis de plătit', 'there is no open receipt to pay'));
    const d = this.fiscal(line, cmd);
    if (d.items === 0) fail(line, cmd, null, bi('bonul nu are niciun articol', 'the receipt has no items'));
    const total = this.total(d);
    const paid = d.payments.reduce((s, p) => s + p.amount_cents, 0);
    const rest = total - paid;
    const value = amount ?? rest;
    if (value <= 0)
      fail(
        line,
        cmd,
        2,
        bi('suma plății trebuie să fie mai mare decât 0', 'the payment amount must be greater than 0'),
      );
    if (method !== 'cash' && value > rest) {
      fail(
        line,
        cmd,
        2,
        bi(
          `plata fără numerar (${value / 100}) depășește restul de plată (${rest / 100})`,
          `a non-cash payment (${value / 100}) exceeds the amount due (${rest / 100})`,
        ),
      );
    }
    d.line_of[`payments[${d.payments.length}]`] = line;
    d.payments.push({ method, amount_cents: value });
    if (paid + value >= total) this.closeFiscal('close');
  }

  /** `X` inside a receipt: register it, then cancel it on the device. Outside: cancel whatever is open there. */
  cancel(line: number, _cmd: string): void {
    if (this.open === null) {
      this.single(line, { type: 'cancel_receipt' });
      return;
    }
    this.open.last_line = line;
    if (this.open.kind === 'non_fiscal') {
      this.open = null; // nothing was sent for it: dropping it is the cancel
      return;
    }
    if (this.open.items === 0) {
      this.open = null;
      return;
    }
    this.closeFiscal('void');
  }

  openNonFiscal(line: number, cmd: string): void {
    if (this.open !== null)
      fail(line, cmd, null, bi('un bon este deja deschis în fișier', 'a receipt is already open in the file'));
    this.open = { kind: 'non_fiscal', first_line: line, last_line: line, lines: [], line_of: {} };
  }

  private closeNonFiscal(line: number, cmd: string): void {
    const d = this.open as NonFiscalDraft;
    if (d.lines.length === 0)
      fail(
        line,
        cmd,
        null,
        bi('bonul nefiscal nu are niciun rând de text (P)', 'the non-fiscal receipt has no text line (P)'),
      );
    d.last_line = line;
    this.documents.push({
      operation: { type: 'print_non_fiscal', lines: d.lines },
      first_line: d.first_line,
      last_line: line,
      line_of: d.line_of,
    });
    this.open = null;
  }

  private closeFiscal(action: 'close' | 'void'): void {
    const d = this.open as FiscalDraft;
    const op: Record<string, unknown> & { type: string } = { type: 'print_receipt', lines: d.lines };
    if (action === 'close' && d.payments.length > 0) op['payments'] = d.payments;
    if (d.buyer !== null) op['buyer'] = { vat_number: d.buyer };
    if (d.invoice) op['flags'] = { is_invoice: true };
    if (action === 'void') op['close_action'] = 'void';
    this.documents.push({ operation: op, first_line: d.first_line, last_line: d.last_line, line_of: d.line_of });
    this.open = null;
  }

  /** A document of one command (report, cash movement, drawer…); only outside a receipt. */
  single(line: number, operation: Record<string, unknown> & { type: string }, cmd = ''): void {
    if (this.open !== null) {
      fail(
        line,
        cmd,
        null,
        bi(
          `comanda nu este permisă cât timp bonul deschis la linia ${this.open.first_line} nu este închis`,
          `command not allowed while the receipt opened on line ${this.open.first_line} is not closed`,
        ),
      );
    }
    this.documents.push({ operation, first_line: line, last_line: line, line_of: {} });
  }

  /** End of file: an unfinished receipt is an error (nothing is sent). */
  finish(lastLine: number, lastCmd: string): void {
    const d = this.open;
    if (d === null) return;
    if (d.kind === 'non_fiscal') {
      fail(
        lastLine,
        lastCmd,
        null,
        bi(
          `bonul nefiscal deschis la linia ${d.first_line} nu este închis cu T`,
          `the non-fiscal receipt opened on line ${d.first_line} is not closed with T`,
        ),
      );
    }
    if (d.items === 0) {
      fail(
        lastLine,
        lastCmd,
        null,
        bi(
          `bonul deschis la linia ${d.first_line} nu are niciun articol (S)`,
          `the receipt opened on line ${d.first_line} has no item (S)`,
        ),
      );
    }
    const total = this.total(d);
    const paid = d.payments.reduce((s, p) => s + p.amount_cents, 0);
    fail(
      lastLine,
      lastCmd,
      null,
      bi(
        `lipsește plata: bonul deschis la linia ${d.first_line} are de plată ${((total - paid) / 100).toFixed(2)}; adăugați o linie T`,
        `payment missing: the receipt opened on line ${d.first_line} still has ${((total - paid) / 100).toFixed(2)} to pay; add a T line`,
      ),
    );
  }
}
