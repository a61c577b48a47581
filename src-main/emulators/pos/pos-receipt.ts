/** The card slip text the virtual terminal prints (and returns to the host). Pure. */
import { formatCents } from '../../domain/money.js';
import type { PosTransaction } from './pos-types.js';

const TITLES: Record<PosTransaction['kind'], string> = {
  sale: 'VANZARE / SALE',
  refund: 'RETUR / REFUND',
  void: 'ANULARE / VOID',
  settlement: 'INCHIDERE LOT / SETTLEMENT',
};

const VERDICT: Record<PosTransaction['state'], string> = {
  approved: 'APROBAT / APPROVED',
  declined: 'REFUZAT / DECLINED',
  cancelled: 'ANULAT / CANCELLED',
  timeout: 'EXPIRAT / TIMED OUT',
  interrupted: 'INTRERUPT / INTERRUPTED',
  failed: 'EROARE / ERROR',
  in_progress: 'IN CURS / IN PROGRESS',
};

export function slipLines(tx: PosTransaction, terminalId: string, bank = 'FISCOOL SIMULATED BANK'): string[] {
  const lines = [
    bank,
    `TID: ${terminalId}   LOT: ${tx.batch.toString().padStart(3, '0')}`,
    `${tx.datetime.slice(0, 10)} ${tx.datetime.slice(11, 19)}`,
    TITLES[tx.kind],
  ];
  if (tx.kind === 'settlement' && tx.totals) {
    lines.push(`TRANZACTII: ${tx.totals.count}`, `TOTAL: ${formatCents(tx.totals.total_cents)} RON`, `RETURURI: ${formatCents(tx.totals.refunds_cents)} RON`);
    return lines;
  }
  if (tx.card_masked) lines.push(`CARD: ${tx.card_brand ? tx.card_brand + ' ' : ''}${tx.card_masked}`);
  lines.push(`SUMA: ${formatCents(tx.amount_cents)} RON`);
  if (tx.rrn) lines.push(`RRN: ${tx.rrn}`);
  if (tx.auth_code) lines.push(`COD AUTORIZARE: ${tx.auth_code}`);
  lines.push(tx.state === 'approved' ? VERDICT.approved : `${VERDICT[tx.state]} (${tx.response_code})`);
  if (tx.state !== 'approved') lines.push(tx.response_text);
  return lines;
}
