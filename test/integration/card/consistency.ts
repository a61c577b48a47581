/**
 * The card/receipt consistency check the linked-payment tests end with (and the chaos harness can reuse): from the
 * terminal's own log, the register's own electronic journal and the hub's journal (which receipt job paid how much
 * by card):
 *   - every approved, un-reversed charge of a receipt (`receipt-<job>`) has exactly one receipt tagged with that job;
 *   - every receipt with a card payment has exactly one approved, un-reversed charge, of the card amount;
 *   - no charge was made twice for one receipt.
 */
import Database from 'better-sqlite3';
import type { JournalDocument } from '../../../src-main/emulators/virtual-register/register-api.js';
import type { PosTransaction } from '../../../src-main/emulators/pos/pos-types.js';

export interface CardConsistency {
  /** Approved, un-reversed charges without exactly one receipt. */
  chargesWithoutOneReceipt: string[];
  /** Receipts paying by card without exactly one live charge of that amount. */
  receiptsWithoutCharge: string[];
  /** Receipt jobs charged more than once (approved sales, reversed or not). */
  chargedTwice: string[];
  /** Figures. */
  approvedCharges: number;
  reversedCharges: number;
  cardReceipts: number;
}

/** A fiscal job as the hub's journal file keeps it. */
export interface JournalJob {
  id: string;
  device_id: string;
  state: string;
  idempotency_key: string | null;
  operation: { type: string; lines?: Array<{ type: string; description?: string }>; payments?: Array<{ method: string; amount_cents: number }> };
}

/** Every fiscal job of the hub's journal file, in order. */
export function fiscalJobsFromJournal(journalFile: string): JournalJob[] {
  const db = new Database(journalFile, { readonly: true });
  try {
    const rows = db.prepare(`SELECT id, device_id, state, idempotency_key, operation FROM jobs WHERE device_kind = 'fiscal' ORDER BY seq`).all() as Array<
      Omit<JournalJob, 'operation'> & { operation: string }
    >;
    return rows.map((r) => ({ ...r, operation: JSON.parse(r.operation) as JournalJob['operation'] }));
  } finally {
    db.close();
  }
}

/** Card amount of a receipt job's operation (0: none). */
export const cardAmountOf = (op: JournalJob['operation']): number =>
  op.type === 'print_receipt' ? (op.payments ?? []).filter((p) => p.method === 'card').reduce((s, p) => s + p.amount_cents, 0) : 0;

/** Card amount of each receipt job, from the hub's journal file. */
export function cardAmountsFromJournal(journalFile: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const j of fiscalJobsFromJournal(journalFile)) {
    const card = cardAmountOf(j.operation);
    if (card > 0) out.set(j.id, card);
  }
  return out;
}

export function checkCardConsistency(
  terminalLog: PosTransaction[],
  isReversed: (txid: string) => boolean,
  referenceOf: (tx: PosTransaction) => string | undefined,
  receipts: JournalDocument[],
  cardAmountOfJob: Map<string, number>,
): CardConsistency {
  const sales = terminalLog.filter((t) => t.kind === 'sale' && t.state === 'approved');
  const byReceipt = new Map<string, PosTransaction[]>();
  for (const t of sales) {
    const m = /^receipt-(.+)$/.exec(referenceOf(t) ?? '');
    if (!m?.[1]) continue;
    byReceipt.set(m[1], [...(byReceipt.get(m[1]) ?? []), t]);
  }
  const printed = new Map<string, number>();
  for (const d of receipts) if (d.kind === 'fiscal_receipt' && d.tag) printed.set(d.tag, (printed.get(d.tag) ?? 0) + 1);

  const chargesWithoutOneReceipt: string[] = [];
  const chargedTwice: string[] = [];
  let reversedCharges = 0;
  for (const [job, txs] of byReceipt) {
    if (txs.length > 1) chargedTwice.push(job);
    const live = txs.filter((t) => !isReversed(t.txid));
    reversedCharges += txs.length - live.length;
    if (live.length > 0 && printed.get(job) !== 1) chargesWithoutOneReceipt.push(job);
  }
  const receiptsWithoutCharge: string[] = [];
  let cardReceipts = 0;
  for (const [job, count] of printed) {
    const amount = cardAmountOfJob.get(job);
    if (amount === undefined) continue;
    cardReceipts += count;
    const live = (byReceipt.get(job) ?? []).filter((t) => !isReversed(t.txid));
    if (count !== 1 || live.length !== 1 || live[0]?.amount_cents !== amount) receiptsWithoutCharge.push(job);
  }
  return { chargesWithoutOneReceipt, receiptsWithoutCharge, chargedTwice, approvedCharges: sales.length, reversedCharges, cardReceipts };
}
