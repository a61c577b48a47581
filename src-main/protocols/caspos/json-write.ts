/**
 * Writing Caspos JSON with exact decimals: a `Num` is written as its text ("1.000", "0.01"), so quantities go
 * with 3 decimals and prices with 2 as the seed requires ("Quantity: 0.000, SalePrice: 0.00"), produced from
 * integer units, never from a float. Everything else is standard JSON (UTF-8 text unescaped). Pure.
 */
import { formatDecimal } from '../../domain/money.js';
import { Num } from './json-read.js';

export type WValue = null | boolean | string | number | Num | WValue[] | { [key: string]: WValue | undefined };

/** Cents → "12.34". */
export const money = (cents: number): Num => new Num(formatDecimal(cents, 2));
/** Thousandths → "1.000". */
export const quantity = (thousandths: number): Num => new Num(formatDecimal(thousandths, 3));

export function writeCasposJson(value: WValue): string {
  if (value instanceof Num) {
    if (!/^-?\d+(?:\.\d+)?$/.test(value.text)) throw new Error(`not a decimal number: ${value.text}`);
    return value.text;
  }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new Error(`only integers are written as JS numbers (got ${value}); use money() or quantity()`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(writeCasposJson).join(',')}]`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value))
    if (v !== undefined) parts.push(`${JSON.stringify(k)}:${writeCasposJson(v)}`);
  return `{${parts.join(',')}}`;
}
