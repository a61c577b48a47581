/**
 * Deciding what happened to a job that was interrupted (crash, lost link after a command was sent): the register's
 * own counters are the truth. Finish nothing blindly: cancel what is left open, and re-run only what provably did
 * not happen.
 */
import type { DeviceCounters, ExecContext, FiscalDriver, SettleVerdict } from '../domain/driver-contract.js';
import { localIso } from '../domain/datetime.js';
import { computeReceipt } from '../domain/receipt-math.js';
import { FISCAL_EFFECT_OPERATIONS, READ_ONLY_OPERATIONS, type FiscalOperation, type ReceiptOperation } from '../domain/operations.js';
import type { StoredJob } from '../journal/job-store.js';

export type Verdict = SettleVerdict;

export async function reconcileFiscalJob(
  job: StoredJob,
  driver: FiscalDriver,
  serial: string,
  ctx: ExecContext,
): Promise<Verdict> {
  const op = job.operation;
  if (driver.settle) {
    const pos = job.progress?.pos as ExecContext['pos'];
    const settled = await driver.settle(op as unknown as FiscalOperation, pos ? { ...ctx, pos } : ctx);
    if (settled) return settled;
  }
  const now = await driver.readCounters();
  if (now.receipt_open) {
    await driver.execute({ type: 'cancel_receipt' }, ctx);
  }
  if (READ_ONLY_OPERATIONS.has(op.type)) return { kind: 'not_done' };
  const before = job.counters_before;
  if (!before || !FISCAL_EFFECT_OPERATIONS.has(op.type)) return before ? { kind: 'unknowable' } : { kind: 'not_done' };
  return decide(op, before, now, serial, job);
}

function decide(
  op: StoredJob['operation'],
  before: DeviceCounters,
  now: DeviceCounters,
  serial: string,
  job: StoredJob,
): Verdict {
  switch (op.type) {
    case 'print_receipt':
    case 'print_refund': {
      const receipt = op as unknown as ReceiptOperation;
      if (receipt.close_action === 'void') return { kind: 'not_done' };
      if (now.receipt_number <= before.receipt_number) return { kind: 'not_done' };
      const computed = computeReceipt(receipt, (vat) => ({ group: vat }));
      const total = computed.ok ? computed.totals.total_cents : 0;
      const change = computed.ok ? computed.totals.change_cents : 0;
      const pos = job.progress?.pos;
      return {
        kind: 'done',
        result: {
          slip_number: before.receipt_number + 1,
          total_cents: total,
          change_cents: change,
          receipt_datetime: localIso(new Date()),
          fiscal_serial: serial,
          ...(pos ? { pos } : {}),
          reconciled: true,
        },
      };
    }
    case 'print_z':
      return now.z_number > before.z_number
        ? { kind: 'done', result: { z_number: now.z_number, totals: null, reconciled: true } }
        : { kind: 'not_done' };
    case 'deposit_cash': {
      const amount = Number(op.amount);
      return now.cash_in_cents >= before.cash_in_cents + amount
        ? { kind: 'done', result: { cash_in_drawer_cents: null, reconciled: true } }
        : { kind: 'not_done' };
    }
    case 'withdraw_cash': {
      const amount = Number(op.amount);
      return now.cash_out_cents >= before.cash_out_cents + amount
        ? { kind: 'done', result: { cash_in_drawer_cents: null, reconciled: true } }
        : { kind: 'not_done' };
    }
    default:
      return { kind: 'unknowable' };
  }
}
