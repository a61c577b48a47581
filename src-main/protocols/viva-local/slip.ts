/** A card slip built from a Viva transaction response (the Local Terminal API returns no receipt text). Pure. */
import { formatCents } from '../../domain/money.js';
import type { TransactionResponseIn } from './messages.js';

export function vivaSlip(
  r: TransactionResponseIn | null,
  o: { kind: 'sale' | 'refund' | 'void'; amount_cents: number; approved: boolean; eventId: number; message: string },
): string[] {
  const title = o.kind === 'sale' ? 'VANZARE / SALE' : o.kind === 'void' ? 'ANULARE / VOID' : 'RETUR / REFUND';
  const lines = ['VIVA.COM', `TID: ${r?.tid ?? '-'}`];
  if (r?.transactionDate) lines.push(r.transactionDate.replace('T', ' ').slice(0, 19));
  lines.push(title);
  if (r?.primaryAccountNumberMasked) lines.push(`CARD: ${r.applicationLabel ? r.applicationLabel + ' ' : ''}${r.primaryAccountNumberMasked}`);
  lines.push(`SUMA: ${formatCents(o.amount_cents)}`);
  if (r?.retrievalReferenceNumber) lines.push(`RRN: ${r.retrievalReferenceNumber}`);
  if (r?.authorizationId) lines.push(`COD AUTORIZARE: ${r.authorizationId}`);
  lines.push(o.approved ? 'APROBAT / APPROVED' : `NEAPROBAT / NOT APPROVED (${o.eventId})`);
  if (!o.approved) lines.push(o.message);
  return lines;
}
