/**
 * The cashier's operations on the chosen register (X, Z, cash, duplicate, cancel, drawer, non-fiscal text, electronic
 * journal, date/time) and the hub's last answer. Each intent has one Idempotency-Key; when the hub did not answer
 * (outcome unknown), Retry sends the same operation under the same key, so a Z report never prints twice.
 */
import { create } from 'zustand';
import type { Failure } from '../../errors/failure.js';
import { ApiError, newIdempotencyKey } from '../../lib/api-client.js';
import { runOperation, type SuccessAnswer } from '../../lib/run-operation.js';

export type OpType =
  | 'print_x'
  | 'print_z'
  | 'deposit_cash'
  | 'withdraw_cash'
  | 'print_duplicate'
  | 'cancel_receipt'
  | 'open_drawer'
  | 'print_non_fiscal'
  | 'je_report'
  | 'get_datetime'
  | 'set_datetime';

interface Pending {
  key: string;
  deviceId: string;
  operation: Record<string, unknown> & { type: OpType };
}

interface OpsState {
  busy: OpType | null;
  last: { type: OpType; answer: SuccessAnswer } | null;
  failure: Failure | null;
  /** Sent, but the hub did not answer: Retry replays it under the same key. */
  unknown: Pending | null;
  run(deviceId: string, operation: Record<string, unknown> & { type: OpType }): Promise<SuccessAnswer | null>;
  retry(): Promise<SuccessAnswer | null>;
  dismiss(): void;
}

export const useOpsStore = create<OpsState>((set, get) => {
  async function send(p: Pending): Promise<SuccessAnswer | null> {
    if (get().busy) return null;
    set({ busy: p.operation.type, failure: null, last: null, unknown: null });
    try {
      const out = await runOperation(p.deviceId, p.operation, p.key);
      if (out.ok) {
        set({ last: { type: p.operation.type, answer: out.answer } });
        return out.answer;
      }
      set({
        failure: { kind: 'device', code: out.code, error: out.error, ...(out.device_error ? { device_error: out.device_error } : {}) },
        unknown: out.inDoubt ? p : null,
      });
    } catch (err) {
      const notQueued = err instanceof ApiError && err.httpStatus >= 400 && err.httpStatus < 500;
      set({ failure: { kind: 'api', err }, unknown: notQueued ? null : p });
    } finally {
      set({ busy: null });
    }
    return null;
  }
  return {
    busy: null,
    last: null,
    failure: null,
    unknown: null,
    run: (deviceId, operation) => send({ key: newIdempotencyKey(), deviceId, operation }),
    retry: async () => {
      const p = get().unknown;
      return p ? send(p) : null;
    },
    dismiss: () => set({ failure: null, last: null, unknown: null }),
  };
});
