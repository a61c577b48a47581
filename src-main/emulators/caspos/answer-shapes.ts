/**
 * The emulator's answers in the seed's shapes: `code` as a string, each operation's own success message (they vary
 * in the seed: "Success operation", "Successful operation", "Successoperation"), amounts written like the device's
 * doubles ("1000.0", "2.8", "0.03"), "null" for absent bank fields.
 */
import { Num } from '../../protocols/caspos/json-read.js';
import type { WValue } from '../../protocols/caspos/json-write.js';
import { casposDateTime } from '../../protocols/caspos/units.js';
import type { CasposDoc } from './ledger.js';

/** Cents → the device's double text: at least one decimal, no trailing zeros beyond it. */
export function dbl(cents: number): Num {
  const neg = cents < 0;
  const a = Math.abs(cents);
  const frac = String(a % 100)
    .padStart(2, '0')
    .replace(/0$/, '');
  return new Num(`${neg ? '-' : ''}${Math.floor(a / 100)}.${frac === '' ? '0' : frac}`);
}

/** Basis points → a percentage double (1800 → 18.0). */
export const percent = (bp: number): Num => dbl(bp);

export const SUCCESS_MESSAGE: Record<string, string> = {
  closeShift: 'Successful operation',
  sale: 'Successful operation',
  credit: 'Successful operation',
  prepayment: 'Successful operation',
  prepaymentProducts: 'Successful operation',
  moneyBack: 'Successful operation',
  rollBack: 'Successful operation',
  deposit: 'Successoperation',
  withDraw: 'Successoperation',
};
export const successMessage = (operation: string): string => SUCCESS_MESSAGE[operation] ?? 'Success operation';

export interface Bank {
  rrn: string | null;
  approval_code: string | null;
  transaction_id: string | null;
  transaction_number: string | null;
}

const orNull = (s: string | null) => (s === null || s === '' ? 'null' : s);

/** A document's answer: cash operations without number and bank fields, corrections without bank fields. */
export function documentAnswer(d: CasposDoc, bank: Bank | null): Record<string, WValue> {
  const base: Record<string, WValue> = {
    document_id: d.id,
    document_number: d.number,
    shift_document_number: d.shift_document_number,
    short_document_id: d.short_id,
    // The seed's deposit and withdraw answers say totalSum 0.
    totalSum: dbl(d.kind === 'deposit' || d.kind === 'withdraw' ? 0 : d.total_cents),
  };
  if (d.kind === 'deposit' || d.kind === 'withdraw') return base;
  if (d.kind === 'correction' || !bank) return { ...base, number: d.fiscal_number };
  return {
    approval_code: orNull(bank.approval_code),
    ...base,
    number: d.fiscal_number,
    rrn: orNull(bank.rrn),
    transaction_id: orNull(bank.transaction_id),
    transaction_number: orNull(bank.transaction_number),
  };
}

export const dateText = (localIso: string): string => casposDateTime(localIso);
