/** The virtual terminal's transactions as Viva Local Terminal API session answers. Pure. */
import { VIVA_EVENT } from '../../protocols/viva-local/event-ids.js';
import type { SessionAnswer, SessionType, TransactionResponse } from '../../protocols/viva-local/messages.js';
import { OUTCOME_TEXT, type PosTransaction } from '../pos/pos-types.js';

export const sessionTypeOf = (tx: Pick<PosTransaction, 'kind'>): SessionType => (tx.kind === 'sale' ? 'SALE' : 'CANCEL');

/** The eventId a finished transaction answers with. */
export function eventIdOf(tx: PosTransaction): number {
  switch (tx.state) {
    case 'approved':
      return VIVA_EVENT.OK;
    case 'declined':
      return tx.response_code === OUTCOME_TEXT.over_limit.code ? VIVA_EVENT.DECLINED_BY_CARD : VIVA_EVENT.INSUFFICIENT_FUNDS;
    case 'cancelled':
      return tx.response_code === OUTCOME_TEXT.aborted.code ? VIVA_EVENT.ABORTED : VIVA_EVENT.CANCELLED_BY_USER;
    case 'timeout':
      return VIVA_EVENT.TERMINAL_TIMEOUT;
    case 'interrupted':
      return VIVA_EVENT.GENERIC_TERMINAL;
    case 'failed':
      return FAILED_EVENTS[tx.response_code] ?? VIVA_EVENT.GENERIC;
    case 'in_progress':
      return VIVA_EVENT.OK;
  }
}

/** Refusals of the virtual bank → Viva eventIds. */
const FAILED_EVENTS: Record<string, number> = {
  NOT_FOUND: VIVA_EVENT.NOT_FOUND,
  ALREADY_VOIDED: VIVA_EVENT.NOT_REVERSIBLE,
  BATCH_CLOSED: VIVA_EVENT.NOT_REVERSIBLE,
  INVALID_AMOUNT: VIVA_EVENT.BAD_VOID_AMOUNT,
};

export function transactionResponse(tx: PosTransaction, terminalId: string, abortRequested: boolean): TransactionResponse {
  const approved = tx.state === 'approved';
  return {
    isSuccess: approved,
    eventId: eventIdOf(tx),
    message: tx.response_text,
    transactionId: approved ? tx.txid : null,
    tid: approved || tx.state === 'declined' ? terminalId : null,
    retrievalReferenceNumber: tx.rrn,
    referenceNumber: tx.stan === null ? null : Number(tx.stan),
    authorizationId: tx.auth_code,
    primaryAccountNumberMasked: tx.card_masked,
    applicationLabel: tx.card_brand,
    aid: tx.card_brand === 'VISA' ? 'A0000000031010' : tx.card_brand ? 'A0000000041010' : null,
    panEntryMode: tx.card_masked ? 'CONTACTLESS' : null,
    verificationMethod: tx.card_masked ? 'NONE' : null,
    transactionDate: tx.datetime,
    amount: tx.amount_cents,
    tipAmount: 0,
    installments: 0,
    orderCode: null,
    shortOrderCode: null,
    transactionTypeId: tx.kind === 'sale' ? 5 : 4,
    isAbortRequested: abortRequested,
  };
}

export function sessionAnswer(sessionId: string, tx: PosTransaction, terminalId: string, abortRequested: boolean): SessionAnswer {
  const type = sessionTypeOf(tx);
  if (tx.state === 'in_progress') return { state: 'PROCESSING', sessionId, sessionType: type };
  const response = transactionResponse(tx, terminalId, abortRequested);
  return {
    state: tx.state === 'approved' ? 'SUCCESS' : 'FAILURE',
    sessionId,
    sessionType: type,
    payloadData: type === 'SALE' ? { saleResponse: response } : { cancelResponse: response },
  };
}
