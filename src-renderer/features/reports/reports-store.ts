/** X/Z reports and cash in/out on the selected register; keeps the hub's last answer to show it. */
import { create } from 'zustand';
import type { Failure } from '../../errors/failure.js';
import { textToCents } from '../../lib/amount-text.js';
import { runOperation, type SuccessAnswer } from '../../lib/run-operation.js';

export type ReportAction = 'print_x' | 'print_z' | 'deposit_cash' | 'withdraw_cash';

interface ReportsState {
  cashText: string;
  busy: ReportAction | null;
  last: { action: ReportAction; answer: SuccessAnswer } | null;
  failure: Failure | null;
  setCashText(v: string): void;
  dismiss(): void;
  run(deviceId: string, action: ReportAction): Promise<void>;
}

export const useReportsStore = create<ReportsState>((set, get) => ({
  cashText: '',
  busy: null,
  last: null,
  failure: null,
  setCashText: (cashText) => set({ cashText }),
  dismiss: () => set({ failure: null, last: null }),
  async run(deviceId, action) {
    let operation: Record<string, unknown> = { type: action };
    if (action === 'deposit_cash' || action === 'withdraw_cash') {
      const amount = textToCents(get().cashText);
      if (amount === null) return set({ failure: { kind: 'input', message: (t) => t.badNumber(t.amount) }, last: null });
      operation = { type: action, amount };
    }
    set({ busy: action, failure: null, last: null });
    try {
      const out = await runOperation(deviceId, operation);
      if (out.ok) set({ last: { action, answer: out.answer }, cashText: '' });
      else set({ failure: { kind: 'device', error: out.error, code: out.code } });
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    } finally {
      set({ busy: null });
    }
  },
}));
