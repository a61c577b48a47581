/**
 * Printing the draft exactly once. The first Print creates the draft's attempt (one Idempotency-Key, the exact body)
 * and saves it before anything is sent. What the hub answers decides what happens to the key:
 *   printed → kept with the answer until "New receipt";  refused by the register or by validation (nothing printed)
 *   → dropped, the draft can be corrected;  no answer / hub restarted / in doubt → kept, and Retry sends the same
 *   body under the same key, so the hub replays the original job instead of printing again.
 */
import { ApiError, apiPost, newIdempotencyKey } from '../../lib/api-client.js';
import { runOperation } from '../../lib/run-operation.js';
import type { ReceiptPreviewBody } from '../../../src-main/shared/api-types.js';
import { buildReceipt, needsTotal } from './build-receipt.js';
import type { PrintAttempt } from './draft-storage.js';
import { persisted, useReceiptStore } from './receipt-store.js';

const store = useReceiptStore;
const set = persisted(store.setState, store.getState);

/** Statuses after which the request provably did not run (nothing was queued). */
const NOT_QUEUED = new Set([400, 401, 403, 404, 413, 415, 422]);

async function send(attempt: PrintAttempt): Promise<void> {
  set({ attempt: { ...attempt, state: 'sending' }, busy: true, failure: null });
  try {
    const out = await runOperation(attempt.deviceId, attempt.operation, attempt.key);
    if (out.ok) {
      set({ attempt: { ...attempt, state: 'printed', answer: out.answer } });
    } else if (out.inDoubt) {
      set({ attempt: { ...attempt, state: 'in_doubt', doubt: { error: out.error, code: out.code } } });
    } else {
      // The register refused: nothing was printed. The draft is editable again; the next Print is a new attempt.
      set({ attempt: null, failure: { kind: 'device', code: out.code, error: out.error, ...(out.device_error ? { device_error: out.device_error } : {}) } });
    }
  } catch (err) {
    if (err instanceof ApiError && NOT_QUEUED.has(err.httpStatus)) set({ attempt: null, failure: { kind: 'api', err } });
    else set({ attempt: { ...attempt, state: 'unknown' }, failure: { kind: 'api', err } });
  } finally {
    set({ busy: false });
  }
}

/** F9 / Print / Retry. `deviceId`: the register chosen now (used only for a new attempt). */
export async function printDraft(deviceId: string): Promise<void> {
  const s = store.getState();
  if (s.busy) return;
  const a = s.attempt;
  if (a) {
    if (a.state === 'unknown' || a.state === 'in_doubt') await send(a);
    return;
  }
  set({ busy: true, failure: null });
  try {
    let total: number | null = null;
    if (needsTotal(s.draft)) {
      const pre = buildReceipt(s.draft, 'preview');
      if (!pre.ok) return set({ failure: pre.failure, focus: pre.field });
      const { payments: _p, ...withoutPayments } = pre.operation;
      total = (await apiPost<ReceiptPreviewBody>('/devices/preview', { device_id: deviceId, operation: withoutPayments })).total_cents;
    }
    const built = buildReceipt(s.draft, 'print', total);
    if (!built.ok) return set({ failure: built.failure, focus: built.field });
    const attempt: PrintAttempt = { key: newIdempotencyKey(), deviceId, operation: built.operation, state: 'sending' };
    set({ attempt });
    await send(attempt);
  } catch (err) {
    set({ failure: { kind: 'api', err } });
  } finally {
    set({ busy: false });
  }
}

/** "New receipt": abandoning an attempt whose outcome is not known needs the cashier's confirmation. */
export function mustConfirmAbandon(): boolean {
  const a = store.getState().attempt;
  return a !== null && (a.state === 'unknown' || a.state === 'in_doubt' || a.state === 'sending');
}
