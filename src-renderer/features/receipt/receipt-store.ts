/**
 * The manual receipt being typed: lines as text, the payment, and the hub's answer. Building the request is a plain
 * translation of the typed text into the API's units; the hub validates it and computes the total.
 */
import { create } from 'zustand';
import type { PaymentMethod } from '../../../src-main/shared/api-types.js';
import type { Failure } from '../../errors/failure.js';
import { enteredSumCents, textToCents, textToThousandths } from '../../lib/amount-text.js';
import { runOperation } from '../../lib/run-operation.js';

export interface LineDraft {
  key: number;
  description: string;
  quantity: string;
  price: string;
  vat: string;
}

export interface PrintedReceipt {
  slip: number | null;
  totalCents: number | null;
  changeCents: number | null;
  jobId: string;
  /** The card terminal's authorisation code when a linked terminal was charged. */
  cardAuth: string | null;
}

interface ReceiptState {
  lines: LineDraft[];
  method: PaymentMethod;
  paid: string;
  busy: boolean;
  printed: PrintedReceipt | null;
  failure: Failure | null;
  setLine(key: number, patch: Partial<Omit<LineDraft, 'key'>>): void;
  addLine(vat: string): void;
  removeLine(key: number): void;
  setPayment(patch: { method?: PaymentMethod; paid?: string }): void;
  reset(vat: string): void;
  /** After choosing another register: lines with a VAT group it lacks take its first group. */
  fitVat(groups: string[]): void;
  dismissFailure(): void;
  print(deviceId: string): Promise<void>;
}

let nextKey = 1;
const blankLine = (vat: string): LineDraft => ({ key: nextKey++, description: '', quantity: '1', price: '', vat });

export function linesSum(lines: LineDraft[]): number {
  return enteredSumCents(lines.map((l) => ({ thousandths: textToThousandths(l.quantity), cents: textToCents(l.price) })));
}

type Built = { ok: true; operation: Record<string, unknown> } | { ok: false; failure: Failure };

/** Typed text → a print_receipt operation. Only numbers that cannot be read stop it here. */
export function buildReceipt(lines: LineDraft[], method: PaymentMethod, paid: string): Built {
  const items: Record<string, unknown>[] = [];
  for (const [i, l] of lines.entries()) {
    const q = textToThousandths(l.quantity);
    const p = textToCents(l.price);
    if (q === null) return { ok: false, failure: { kind: 'input', message: (t) => t.badNumber(`${t.fieldLine(i + 1)}, ${t.quantity}`) } };
    if (p === null) return { ok: false, failure: { kind: 'input', message: (t) => t.badNumber(`${t.fieldLine(i + 1)}, ${t.unitPrice}`) } };
    items.push({ type: 'item', description: l.description, quantity_thousandths: q, unit_price_cents: p, vat: l.vat });
  }
  let payments: Array<{ method: PaymentMethod; amount_cents: number }> | undefined;
  if (paid.trim() !== '') {
    const c = textToCents(paid);
    if (c === null) return { ok: false, failure: { kind: 'input', message: (t) => t.badNumber(t.amountPaid) } };
    payments = [{ method, amount_cents: c }];
  } else if (method !== 'cash') {
    payments = [{ method, amount_cents: linesSum(lines) }];
  }
  return { ok: true, operation: { type: 'print_receipt', lines: items, ...(payments ? { payments } : {}) } };
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export const useReceiptStore = create<ReceiptState>((set, get) => ({
  lines: [blankLine('A')],
  method: 'cash',
  paid: '',
  busy: false,
  printed: null,
  failure: null,
  setLine: (key, patch) => set({ lines: get().lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }),
  addLine: (vat) => set({ lines: [...get().lines, blankLine(vat)] }),
  removeLine: (key) => set({ lines: get().lines.length > 1 ? get().lines.filter((l) => l.key !== key) : get().lines }),
  setPayment: (patch) => set(patch),
  reset: (vat) => set({ lines: [blankLine(vat)], method: 'cash', paid: '', printed: null, failure: null }),
  fitVat: (groups) => {
    const first = groups[0];
    if (!first || get().lines.every((l) => groups.includes(l.vat))) return;
    set({ lines: get().lines.map((l) => (groups.includes(l.vat) ? l : { ...l, vat: first })) });
  },
  dismissFailure: () => set({ failure: null }),
  async print(deviceId) {
    const { lines, method, paid } = get();
    const built = buildReceipt(lines, method, paid);
    if (!built.ok) return set({ failure: built.failure, printed: null });
    set({ busy: true, failure: null, printed: null });
    try {
      const out = await runOperation(deviceId, built.operation);
      if (out.ok) {
        const a = out.answer;
        const pos = a.pos as { approved?: unknown; auth_code?: unknown } | undefined;
        const cardAuth = pos?.approved === true && typeof pos.auth_code === 'string' ? pos.auth_code : null;
        set({ printed: { slip: num(a.slip_number), totalCents: num(a.total_cents), changeCents: num(a.change_cents), jobId: a.job_id, cardAuth } });
      } else {
        set({ failure: { kind: 'device', error: out.error, code: out.code } });
      }
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    } finally {
      set({ busy: false });
    }
  },
}));
