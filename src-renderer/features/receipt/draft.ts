/** The receipt being typed, as text (what the cashier typed), before it becomes an operation. */
import type { PaymentMethod } from '../../../src-main/shared/api-types.js';

export type AdjustKind = 'none' | 'discPct' | 'discAmt' | 'surPct' | 'surAmt';
export const ADJUST_KINDS: readonly AdjustKind[] = ['none', 'discPct', 'discAmt', 'surPct', 'surAmt'];

export interface ItemDraft {
  key: number;
  kind: 'item';
  description: string;
  quantity: string;
  unit: string;
  price: string;
  vat: string;
  adjust: AdjustKind;
  adjustValue: string;
}

export interface TextDraft {
  key: number;
  kind: 'text';
  text: string;
}

export type LineDraft = ItemDraft | TextDraft;

export interface PaymentDraft {
  key: number;
  method: PaymentMethod;
  /** Empty = the rest of the total. */
  amount: string;
}

export interface ReceiptDraft {
  lines: LineDraft[];
  payments: PaymentDraft[];
  totalAdjust: AdjustKind;
  totalAdjustValue: string;
  buyerCui: string;
  buyerName: string;
  invoice: boolean;
}

let nextKey = 1;
export const newKey = (): number => nextKey++;
/** After restoring a saved draft: new keys must not collide with its keys. */
export function reserveKeys(d: ReceiptDraft): void {
  for (const k of [...d.lines.map((l) => l.key), ...d.payments.map((p) => p.key)]) nextKey = Math.max(nextKey, k + 1);
}

export const blankItem = (vat: string): ItemDraft => ({
  key: newKey(),
  kind: 'item',
  description: '',
  quantity: '1',
  unit: '',
  price: '',
  vat,
  adjust: 'none',
  adjustValue: '',
});
export const blankText = (): TextDraft => ({ key: newKey(), kind: 'text', text: '' });
export const blankPayment = (method: PaymentMethod = 'cash'): PaymentDraft => ({ key: newKey(), method, amount: '' });

export const blankDraft = (vat: string): ReceiptDraft => ({
  lines: [blankItem(vat)],
  payments: [blankPayment()],
  totalAdjust: 'none',
  totalAdjustValue: '',
  buyerCui: '',
  buyerName: '',
  invoice: false,
});

/** An item line nobody has typed into yet (left out of the live total). */
export function isUntouched(l: LineDraft): boolean {
  return l.kind === 'item' ? l.description.trim() === '' && l.price.trim() === '' : l.text.trim() === '';
}
