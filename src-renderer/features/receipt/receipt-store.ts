/**
 * The receipt being typed and its print attempt. Editing is locked once the draft has been sent (until it is settled
 * and the cashier starts a new receipt), so the body a retry sends is the body of the first attempt.
 */
import { create } from 'zustand';
import type { PaymentMethod } from '../../../src-main/shared/api-types.js';
import type { Failure } from '../../errors/failure.js';
import { blankDraft, blankItem, blankPayment, blankText, isUntouched, type ItemDraft, type LineDraft, type PaymentDraft, type ReceiptDraft } from './draft.js';
import { loadSaved, save, type PrintAttempt } from './draft-storage.js';

export interface ReceiptState {
  draft: ReceiptDraft;
  attempt: PrintAttempt | null;
  /** A print is being prepared or sent: every other Print is ignored (double click). */
  busy: boolean;
  failure: Failure | null;
  /** The input to focus after an action (an element id). */
  focus: string | null;
  setLine(key: number, patch: Partial<Omit<ItemDraft, 'key' | 'kind'>> | { text: string }): void;
  addItem(vat: string): void;
  addText(): void;
  removeLine(key: number): void;
  setPayment(key: number, patch: Partial<Omit<PaymentDraft, 'key'>>): void;
  addPayment(method?: PaymentMethod): void;
  removePayment(key: number): void;
  setReceipt(patch: Partial<Omit<ReceiptDraft, 'lines' | 'payments'>>): void;
  /** After choosing another register: lines with a VAT group it lacks take its first group. */
  fitVat(groups: string[]): void;
  reset(vat: string): void;
  dismissFailure(): void;
  focused(): void;
  /** Whether the draft can still be edited. */
  editable(): boolean;
}

const saved = loadSaved();

/** The store's own writer: every change of the draft or the attempt is saved at once. */
type Set = (partial: Partial<ReceiptState>) => void;
export function persisted(set: Set, get: () => ReceiptState): Set {
  return (partial) => {
    set(partial);
    if ('draft' in partial || 'attempt' in partial) save({ draft: get().draft, attempt: get().attempt });
  };
}

export const useReceiptStore = create<ReceiptState>((rawSet, get) => {
  const set = persisted(rawSet, get);
  // An edit answers the last refusal: its notice goes away.
  const lines = (f: (l: LineDraft[]) => LineDraft[]) => {
    if (get().editable()) set({ draft: { ...get().draft, lines: f(get().draft.lines) }, failure: null });
  };
  const payments = (f: (p: PaymentDraft[]) => PaymentDraft[]) => {
    if (get().editable()) set({ draft: { ...get().draft, payments: f(get().draft.payments) }, failure: null });
  };
  return {
    draft: saved?.draft ?? blankDraft('A'),
    attempt: saved?.attempt ?? null,
    busy: false,
    failure: null,
    focus: null,
    setLine: (key, patch) => lines((ls) => ls.map((l) => (l.key === key ? ({ ...l, ...patch } as LineDraft) : l))),
    addItem: (vat) => {
      // An empty item line at the end is where the next item goes: no second empty line.
      const last = get().draft.lines.at(-1);
      if (last && last.kind === 'item' && isUntouched(last)) return set({ focus: `rc-${last.key}-description` });
      const l = blankItem(vat);
      lines((ls) => [...ls, l]);
      if (get().editable()) set({ focus: `rc-${l.key}-description` });
    },
    addText: () => {
      const l = blankText();
      lines((ls) => [...ls, l]);
      if (get().editable()) set({ focus: `rc-${l.key}-text` });
    },
    removeLine: (key) => lines((ls) => (ls.length > 1 ? ls.filter((l) => l.key !== key) : ls)),
    setPayment: (key, patch) => payments((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p))),
    addPayment: (method) => {
      const p = blankPayment(method ?? (get().draft.payments.some((x) => x.method === 'card') ? 'cash' : 'card'));
      payments((ps) => [...ps, p]);
      if (get().editable()) set({ focus: `rc-pay-method-${p.key}` });
    },
    removePayment: (key) => payments((ps) => (ps.length > 1 ? ps.filter((p) => p.key !== key) : ps)),
    setReceipt: (patch) => {
      if (get().editable()) set({ draft: { ...get().draft, ...patch }, failure: null });
    },
    fitVat: (groups) => {
      const first = groups[0];
      const d = get().draft;
      if (!first || d.lines.every((l) => l.kind !== 'item' || groups.includes(l.vat))) return;
      set({ draft: { ...d, lines: d.lines.map((l) => (l.kind === 'item' && !groups.includes(l.vat) ? { ...l, vat: first } : l)) } });
    },
    reset: (vat) => {
      const draft = blankDraft(vat);
      set({ draft, attempt: null, failure: null, busy: false, focus: `rc-${draft.lines[0]?.key}-description` });
    },
    dismissFailure: () => set({ failure: null }),
    focused: () => set({ focus: null }),
    editable: () => get().attempt === null && !get().busy,
  };
});
