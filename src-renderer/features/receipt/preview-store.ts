/**
 * The live total: the typed draft is sent to POST /devices/preview a moment after each change, and the hub answers
 * with the total it would print, what is paid, still due, and the change. The GUI computes none of it. A draft the
 * hub refuses shows why, at the field, before anything is printed.
 */
import { create } from 'zustand';
import type { ReceiptPreviewBody } from '../../../src-main/shared/api-types.js';
import type { Failure } from '../../errors/failure.js';
import { apiPost } from '../../lib/api-client.js';
import { buildReceipt } from './build-receipt.js';
import type { ReceiptDraft } from './draft.js';

export interface Preview {
  total_cents: number;
  paid_cents: number;
  due_cents: number;
  change_cents: number;
  non_cash_exceeds_total: boolean;
  /** Net amount of each draft line, by its key. */
  lineTotals: Record<number, number>;
}

interface PreviewState {
  preview: Preview | null;
  problem: Failure | null;
  /** The element id of the field the problem is about. */
  problemField: string | null;
  pending: boolean;
  request(deviceId: string, draft: ReceiptDraft): void;
  clear(): void;
}

const DEBOUNCE_MS = 180;
let timer: ReturnType<typeof setTimeout> | null = null;
let seq = 0;

type LineTotal = { kind: string; index: number; net_cents?: number };

async function fetchPreview(deviceId: string, draft: ReceiptDraft, mine: number, set: (p: Partial<PreviewState>) => void): Promise<void> {
  const built = buildReceipt(draft, 'preview');
  if (!built.ok) return set({ problem: built.failure, problemField: built.field, pending: false });
  if (!(built.operation.lines as unknown[]).some((l) => (l as { type: string }).type === 'item')) {
    return set({ preview: null, problem: null, problemField: null, pending: false });
  }
  try {
    const p = await apiPost<ReceiptPreviewBody & { lines: LineTotal[] }>('/devices/preview', { device_id: deviceId, operation: built.operation });
    if (mine !== seq) return;
    const lineTotals: Record<number, number> = {};
    for (const l of p.lines) if (l.kind === 'item' && l.net_cents !== undefined) lineTotals[built.lineKeys[l.index] ?? -1] = l.net_cents;
    set({ preview: { ...p, lineTotals }, problem: null, problemField: null, pending: false });
  } catch (err) {
    if (mine !== seq) return;
    set({ problem: { kind: 'api', err }, problemField: null, pending: false });
  }
}

export const usePreviewStore = create<PreviewState>((set) => ({
  preview: null,
  problem: null,
  problemField: null,
  pending: false,
  request(deviceId, draft) {
    const mine = ++seq;
    if (timer) clearTimeout(timer);
    set({ pending: true });
    timer = setTimeout(() => void fetchPreview(deviceId, draft, mine, set), DEBOUNCE_MS);
  },
  clear() {
    ++seq;
    if (timer) clearTimeout(timer);
    set({ preview: null, problem: null, problemField: null, pending: false });
  },
}));
