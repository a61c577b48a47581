/** Argument readers for INP lines: exact decimal text → integer units, with errors naming line, command and argument. Pure. */
import { checkCui } from '../../../domain/cui.js';
import { parseDecimal } from '../../../domain/money.js';
import { bi, MAX_TEXT, type Bilingual, type InpParseError } from './types.js';

/** Thrown inside the parsers and caught at their entry point; never escapes them. */
export class InpSyntaxError extends Error {
  constructor(readonly error: InpParseError) {
    super(error.message.en);
  }
}

export function fail(line: number, cmd: string, arg: number | null, message: Bilingual): never {
  throw new InpSyntaxError({ line, cmd, arg, message });
}

export type ArgName = Bilingual;
export const ARG = {
  name: bi('denumire', 'name'),
  price: bi('preț', 'price'),
  quantity: bi('cantitate', 'quantity'),
  department: bi('departament', 'department'),
  group: bi('grupă articol', 'item group'),
  vat: bi('TVA', 'VAT'),
  um: bi('unitate de măsură', 'unit of measure'),
  type: bi('tip', 'type'),
  amount: bi('sumă', 'amount'),
  value: bi('valoare', 'value'),
  cui: bi('cod fiscal (CUI)', 'fiscal code (CUI)'),
  text: bi('text', 'text'),
  direction: bi('direcție', 'direction'),
  year: bi('an', 'year'),
  month: bi('lună', 'month'),
  data: bi('date cod de bare', 'barcode data'),
  operator: bi('operator', 'operator'),
  password: bi('parolă', 'password'),
  till: bi('casa', 'till'),
  invoice: bi('factură', 'invoice flag'),
  code: bi('cod plată', 'payment code'),
} as const;

/** Reads the arguments of one line; `pos` is 1-based as in the spec's table. */
export class ArgReader {
  constructor(
    readonly line: number,
    readonly cmd: string,
    readonly args: readonly string[],
  ) {}

  raw(pos: number): string {
    return (this.args[pos - 1] ?? '').trim();
  }

  has(pos: number): boolean {
    return this.raw(pos) !== '';
  }

  fail(pos: number | null, message: Bilingual): never {
    return fail(this.line, this.cmd, pos, message);
  }

  /** No more than `max` arguments; trailing empty ones are allowed. */
  atMost(max: number): void {
    let last = this.args.length;
    while (last > 0 && (this.args[last - 1] ?? '').trim() === '') last--;
    if (last > max) {
      this.fail(
        max + 1,
        bi(
          `comanda ${this.cmd} are ${last} argumente, cel mult ${max}; un text nu poate conține „;”`,
          `command ${this.cmd} has ${last} arguments, at most ${max}; a text must not contain ";"`,
        ),
      );
    }
  }

  /** A Romanian fiscal code (CUI) with a valid check digit, normalised ("RO18547290"). */
  cui(pos: number, name: ArgName): string {
    const cui = this.required(pos, name);
    const check = checkCui(cui);
    if (!check.ok) {
      this.fail(pos, bi(`codul fiscal „${cui}” nu este valid: ${check.reason}`, `fiscal code "${cui}" is not valid: ${check.reason}`));
    }
    return check.normalized;
  }

  required(pos: number, name: ArgName): string {
    const v = this.raw(pos);
    if (v === '')
      this.fail(pos, bi(`lipsește argumentul ${pos} (${name.ro})`, `argument ${pos} (${name.en}) is missing`));
    return v;
  }

  private decimal(pos: number, name: ArgName, decimals: number, text: string): number {
    if (text.includes(',')) {
      this.fail(
        pos,
        bi(
          `${name.ro} „${text}”: folosiți punctul ca separator zecimal`,
          `${name.en} "${text}": use a point as the decimal separator`,
        ),
      );
    }
    const r = parseDecimal(text, decimals);
    if (!r.ok) {
      this.fail(
        pos,
        bi(
          `${name.ro} „${text}” nu este un număr valid (cel mult ${decimals} zecimale)`,
          `${name.en} "${text}" is not a valid number (at most ${decimals} decimals)`,
        ),
      );
    }
    return r.value;
  }

  /** Money in cents, ≥ min cents. */
  money(pos: number, name: ArgName, min = 0): number {
    const text = this.required(pos, name);
    const v = this.decimal(pos, name, 2, text);
    if (v < min) {
      this.fail(
        pos,
        bi(
          `${name.ro} „${text}” trebuie să fie cel puțin ${min / 100}`,
          `${name.en} "${text}" must be at least ${min / 100}`,
        ),
      );
    }
    return v;
  }

  /** Optional money: null when empty. */
  optionalMoney(pos: number, name: ArgName, min = 1): number | null {
    return this.has(pos) ? this.money(pos, name, min) : null;
  }

  /** Quantity in thousandths, > 0. */
  quantity(pos: number, name: ArgName): number {
    const text = this.required(pos, name);
    const v = this.decimal(pos, name, 3, text);
    if (v <= 0) {
      this.fail(
        pos,
        bi(
          `${name.ro} „${text}” trebuie să fie mai mare decât 0 (pentru retur folosiți un bon de retur)`,
          `${name.en} "${text}" must be greater than 0 (use a refund receipt for returns)`,
        ),
      );
    }
    return v;
  }

  /** Percentage in basis points, 0 < p ≤ 100. */
  percent(pos: number, name: ArgName): number {
    const text = this.required(pos, name);
    const v = this.decimal(pos, name, 2, text);
    if (v <= 0 || v > 10_000)
      this.fail(
        pos,
        bi(
          `${name.ro} „${text}” trebuie să fie între 0.01 și 100`,
          `${name.en} "${text}" must be between 0.01 and 100`,
        ),
      );
    return v;
  }

  int(pos: number, name: ArgName, min: number, max: number, fallback?: number): number {
    const text = this.raw(pos);
    if (text === '' && fallback !== undefined) return fallback;
    const t = this.required(pos, name);
    if (!/^\d{1,9}$/.test(t) || Number(t) < min || Number(t) > max) {
      this.fail(
        pos,
        bi(
          `${name.ro} „${t}” trebuie să fie un număr întreg între ${min} și ${max}`,
          `${name.en} "${t}" must be a whole number from ${min} to ${max}`,
        ),
      );
    }
    return Number(t);
  }

  text(pos: number, name: ArgName, opts: { optional?: boolean; max?: number } = {}): string {
    const max = opts.max ?? MAX_TEXT;
    const t = (this.args[pos - 1] ?? '').trim();
    if (t === '' && !opts.optional) this.required(pos, name);
    if ([...t].length > max) {
      this.fail(
        pos,
        bi(
          `${name.ro} are ${[...t].length} caractere, cel mult ${max}`,
          `${name.en} has ${[...t].length} characters, at most ${max}`,
        ),
      );
    }
    return t;
  }

  /** VAT: a group index 1..8 (1=A), a group letter A–H, or a percentage like "21%". Returns the operation's `vat` text. */
  vat(pos: number): string {
    const t = this.required(pos, ARG.vat);
    if (/^[1-8]$/.test(t)) return String.fromCharCode(64 + Number(t));
    if (/^[A-Ha-h]$/.test(t)) return t.toUpperCase();
    if (/^\d{1,2}(?:\.\d{1,2})?\s*%$/.test(t)) return t.replace(/\s+/g, '');
    return this.fail(
      pos,
      bi(
        `TVA „${t}” trebuie să fie indexul grupei (1=A, 2=B, …) sau un procent ca „21%”`,
        `VAT "${t}" must be a group index (1=A, 2=B, …) or a percentage like "21%"`,
      ),
    );
  }
}
