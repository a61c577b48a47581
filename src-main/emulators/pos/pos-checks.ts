/** What the virtual terminal's bank checks before a refund or a void, over its own log. Pure. */
import type { PosRefusal, PosTransaction } from './pos-types.js';

export interface OriginalRef {
  rrn?: string;
  txid?: string;
}

const refusal = (code: PosRefusal['code'], text: string): PosRefusal => ({ kind: 'refused', code, text });

export function findOriginal(log: readonly PosTransaction[], ref: OriginalRef, kinds: PosTransaction['kind'][]): PosTransaction | undefined {
  return log.find(
    (t) => kinds.includes(t.kind) && t.state === 'approved' && ((ref.txid !== undefined && t.txid === ref.txid) || (ref.rrn !== undefined && t.rrn === ref.rrn)),
  );
}

/** Transaction ids (of sales and refunds) that a void cancelled. */
export function voidedIds(log: readonly PosTransaction[]): Set<string> {
  return new Set(log.filter((t) => t.kind === 'void' && t.state === 'approved').map((t) => t.original_txid ?? ''));
}

/** Amount already refunded of a sale. */
export function refundedOf(log: readonly PosTransaction[], sale: PosTransaction): number {
  return log
    .filter((t) => t.kind === 'refund' && t.state === 'approved' && t.original_txid === sale.txid)
    .reduce((s, t) => s + t.amount_cents, 0);
}

/** A referenced refund: the sale exists, is approved, not voided, and the amount fits what is left of it. */
export function checkRefund(log: readonly PosTransaction[], ref: OriginalRef, amount: number): { original: PosTransaction } | PosRefusal {
  const original = findOriginal(log, ref, ['sale']);
  if (!original) return refusal('NOT_FOUND', 'Tranzacția originală nu există / Original transaction not found');
  if (voidedIds(log).has(original.txid)) return refusal('ALREADY_VOIDED', 'Tranzacția originală a fost anulată / The original was voided');
  if (amount > original.amount_cents - refundedOf(log, original)) {
    return refusal('INVALID_AMOUNT', 'Suma depășește restul tranzacției / Amount exceeds what is left of the original');
  }
  return { original };
}

/** A void: the sale or refund exists in the open batch, is approved and not voided yet. */
export function checkVoid(
  log: readonly PosTransaction[],
  ref: OriginalRef | 'last',
  batch: number,
  allowRefunds: boolean,
): { original: PosTransaction } | PosRefusal {
  const kinds: PosTransaction['kind'][] = allowRefunds ? ['sale', 'refund'] : ['sale'];
  const voided = voidedIds(log);
  const original =
    ref === 'last'
      ? log.filter((t) => kinds.includes(t.kind) && t.state === 'approved' && t.batch === batch && !voided.has(t.txid)).pop()
      : findOriginal(log, ref, kinds);
  if (!original) return refusal('NOT_FOUND', 'Tranzacție inexistentă / Transaction not found');
  if (voided.has(original.txid)) return refusal('ALREADY_VOIDED', 'Tranzacție deja anulată / Already voided');
  if (original.batch !== batch) return refusal('BATCH_CLOSED', 'Lotul a fost închis; faceți un retur / Batch closed; make a refund');
  if (original.kind === 'sale' && refundedOf(log, original) > 0) {
    return refusal('INVALID_AMOUNT', 'Tranzacția are deja un retur / The sale was already partly refunded');
  }
  return { original };
}

/** Batch totals: approved, not voided sales and refunds of the batch. */
export function batchTotals(log: readonly PosTransaction[], batch: number): { count: number; total_cents: number; refunds_cents: number } {
  const voided = voidedIds(log);
  const live = log.filter((t) => t.batch === batch && t.state === 'approved' && !voided.has(t.txid));
  const sales = live.filter((t) => t.kind === 'sale');
  const refunds = live.filter((t) => t.kind === 'refund');
  return {
    count: sales.length,
    total_cents: sales.reduce((s, t) => s + t.amount_cents, 0),
    refunds_cents: refunds.reduce((s, t) => s + t.amount_cents, 0),
  };
}
