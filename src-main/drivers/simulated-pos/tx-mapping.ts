/** The virtual terminal's transactions and refusals → PosResult, PosInquiry states and DeviceErrors. Pure. */
import { DeviceError } from '../../domain/error-codes.js';
import type { PosInquiry, PosOutcome, PosResult } from '../../domain/results.js';
import { slipLines } from '../../emulators/pos/pos-receipt.js';
import type { PosRefusal, PosTransaction } from '../../emulators/pos/pos-types.js';

const OUTCOME: Record<PosTransaction['state'], PosOutcome> = {
  approved: 'approved',
  declined: 'declined',
  cancelled: 'cancelled',
  timeout: 'timeout',
  interrupted: 'error',
  failed: 'error',
  in_progress: 'error',
};

export function resultOf(tx: PosTransaction, terminalId: string): PosResult {
  return {
    approved: tx.state === 'approved',
    auth_code: tx.auth_code,
    rrn: tx.rrn,
    card_masked: tx.card_masked,
    terminal_id: terminalId,
    receipt_text: slipLines(tx, terminalId),
    amount_cents: tx.amount_cents,
    response_text: tx.response_text,
    response_code: tx.response_code,
    outcome: OUTCOME[tx.state],
    ...(tx.kind !== 'settlement' ? { kind: tx.kind } : {}),
    ...(tx.reference !== undefined ? { reference: tx.reference } : {}),
    transaction_id: tx.txid,
    stan: tx.stan,
    card_brand: tx.card_brand,
    datetime: tx.datetime,
  };
}

export function stateOf(tx: PosTransaction): PosInquiry['state'] {
  switch (tx.state) {
    case 'in_progress':
      return 'in_progress';
    case 'interrupted':
    case 'failed':
      return 'failed';
    default:
      return tx.state;
  }
}

/** A finished transaction that took no money. */
export function settledError(tx: PosTransaction, pos: PosResult): DeviceError {
  const deviceError = { code: tx.response_code, text: tx.response_text };
  switch (tx.state) {
    case 'declined':
      return new DeviceError('POS_DECLINED', tx.response_text, { deviceError, pos });
    case 'cancelled':
      return new DeviceError('POS_CANCELLED', tx.response_text, { deviceError, pos });
    case 'timeout':
      return new DeviceError('POS_TIMEOUT', tx.response_text, { deviceError, pos });
    default:
      return new DeviceError('POS_UNREACHABLE', `${tx.response_text}; no money was taken`, { deviceError, pos });
  }
}

export function refusalError(r: PosRefusal): DeviceError {
  if (r.code === 'BUSY') return new DeviceError('POS_BUSY', r.text, { deviceError: { code: r.code, text: r.text } });
  return new DeviceError('DEVICE_REJECTED', r.text, { deviceError: { code: r.code, text: r.text } });
}
