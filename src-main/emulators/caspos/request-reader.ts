/**
 * Strict reading of a request's fields, as the device's deserializer would: numbers must be JSON numbers with at
 * most 2 decimals for money and 3 for quantities ("Quantity: 0.000, SalePrice: 0.00"), integers where the seed
 * has integers, texts where it has texts. A violation is a Refusal carrying the device code the emulator answers.
 */
import { isJObject, Num, type JObject, type JValue } from '../../protocols/caspos/json-read.js';
import { SEED_MESSAGES } from '../../protocols/caspos/errors.js';
import { scaleText } from '../../protocols/caspos/units.js';

export class Refusal extends Error {
  constructor(
    readonly code: number,
    detail?: string,
  ) {
    super(
      detail ? `${SEED_MESSAGES[code] ?? 'Error message:'} (${detail})` : (SEED_MESSAGES[code] ?? 'Error message:'),
    );
    this.name = 'Refusal';
  }
}

export const refuse = (code: number, detail?: string): never => {
  throw new Refusal(code, detail);
};

const TYPE_ERROR = 1008;

export class Fields {
  constructor(
    readonly obj: JObject,
    readonly where = 'data',
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.obj, key) && this.obj[key] !== null;
  }

  raw(key: string): JValue | undefined {
    return this.obj[key];
  }

  private decimal(key: string, decimals: number, required: boolean, def: number): number {
    const v = this.obj[key];
    if (v === undefined || v === null) return required ? refuse(TYPE_ERROR, `${this.where}.${key} is required`) : def;
    if (!(v instanceof Num)) return refuse(TYPE_ERROR, `${this.where}.${key} must be a number`);
    const frac = /\.(\d+)/.exec(v.text)?.[1] ?? '';
    if (frac.replace(/0+$/, '').length > decimals || /[eE]/.test(v.text)) {
      return refuse(TYPE_ERROR, `${this.where}.${key} takes at most ${decimals} decimals`);
    }
    const n = scaleText(v.text, decimals);
    return n === null ? refuse(TYPE_ERROR, `${this.where}.${key} is out of range`) : n;
  }

  /** Money in cents (2 decimals at most, not negative). */
  money(key: string, opts: { required?: boolean; allowNegative?: boolean } = {}): number {
    const n = this.decimal(key, 2, opts.required ?? false, 0);
    if (n < 0 && !opts.allowNegative) refuse(TYPE_ERROR, `${this.where}.${key} must not be negative`);
    return n;
  }

  /** Quantity in thousandths (3 decimals at most, positive). */
  quantity(key: string): number {
    const n = this.decimal(key, 3, true, 0);
    if (n <= 0) refuse(TYPE_ERROR, `${this.where}.${key} must be positive`);
    return n;
  }

  int(key: string, opts: { required?: boolean; def?: number } = {}): number {
    const n = this.decimal(key, 0, opts.required ?? false, opts.def ?? 0);
    return n;
  }

  text(key: string, opts: { required?: boolean; max?: number; code?: number } = {}): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null)
      return opts.required ? refuse(opts.code ?? TYPE_ERROR, `${this.where}.${key} is required`) : undefined;
    if (typeof v !== 'string') return refuse(TYPE_ERROR, `${this.where}.${key} must be a string`);
    if (opts.max !== undefined && v.length > opts.max)
      refuse(opts.code ?? TYPE_ERROR, `${this.where}.${key} is longer than ${opts.max}`);
    return v;
  }

  bool(key: string, def = false): boolean {
    const v = this.obj[key];
    if (v === undefined || v === null) return def;
    if (typeof v !== 'boolean') return refuse(TYPE_ERROR, `${this.where}.${key} must be true or false`);
    return v;
  }

  objects(key: string): Fields[] {
    const v = this.obj[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return refuse(TYPE_ERROR, `${this.where}.${key} must be an array`);
    return v.map((x, i) =>
      isJObject(x)
        ? new Fields(x, `${this.where}.${key}[${i}]`)
        : refuse(TYPE_ERROR, `${this.where}.${key}[${i}] must be an object`),
    );
  }

  strings(key: string): string[] {
    const v = this.obj[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      return refuse(TYPE_ERROR, `${this.where}.${key} must be an array of strings`);
    return v as string[];
  }
}
