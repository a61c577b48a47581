/**
 * Deciding what happened to a job that was interrupted (crash, lost link after a command was sent): the register's
 * own counters are the truth. Finish nothing blindly: cancel what is left open, and re-run only what provably did
 * not happen.
 */
import { counterNeeds, type DeviceCounters, type ExecContext, type FiscalDriver, type SettleVerdict } from '../domain/driver-contract.js';
import { localIso } from '../domain/datetime.js';
import { computeReceipt } from '../domain/receipt-math.js';
import type { FiscalJobOperation } from '../domain/jobs.js';
import { FISCAL_EFFECT_OPERATIONS, READ_ONLY_OPERATIONS } from '../domain/operations.js';
import type { StoredJob } from '../journal/job-store.js';

/**
 * `done`: the device did it (result as far as the device can tell); `not_done`: the device provably did not, so the
 * same job runs again. Operations whose effect leaves no counter (X report, drawer, duplicate, non-fiscal text, clock)
 * print nothing fiscal and are run again under the same job: at worst a second non-fiscal printout, never a lost one.
 */
export type Verdict = SettleVerdict;

/** Finish or cancel a receipt left open (a receipt of `op` that is being paid is finished). */
export async function settleOpenReceipt(
  driver: FiscalDriver,
  op: FiscalJobOperation | null,
  ctx: ExecContext,
): Promise<'none' | 'cancelled' | 'completed'> {
  if (driver.settleOpenReceipt) return driver.settleOpenReceipt(op, ctx);
  await driver.execute({ type: 'cancel_receipt' }, ctx);
  return 'cancelled';
}

export async function reconcileFiscalJob(job: StoredJob, driver: FiscalDriver, serial: string, ctx: ExecContext): Promise<Verdict> {
  if (job.device_kind !== 'fiscal') throw new Error(`job ${job.id} is not a fiscal device's job`);
  const op = job.operation;
  if (driver.settle) {
    // Devices with their own idempotency key (Caspos: documentUUID) settle the job themselves.
    const pos = job.progress?.pos as ExecContext['pos'];
    const settled = await driver.settle(op, pos ? { ...ctx, pos } : ctx);
    if (settled) return settled;
  }
  const needs = counterNeeds(op.type);
  let now = await driver.readCounters(needs);
  if (now.receipt_open) {
    await settleOpenReceipt(driver, op, ctx);
    now = await driver.readCounters(needs);
  }
  if (op.type === 'cancel_receipt') return now.receipt_open ? { kind: 'not_done' } : { kind: 'done', result: { cancelled: true, reconciled: true } };
  if (READ_ONLY_OPERATIONS.has(op.type)) return { kind: 'not_done' };
  const before = job.counters_before;
  if (!before || !FISCAL_EFFECT_OPERATIONS.has(op.type)) return { kind: 'not_done' };
  return decide(op, before, now, serial, job);
}

/** A counter read before the job and now; missing only if the journal predates it: then nothing can be decided. */
function pair(before: DeviceCounters, now: DeviceCounters, key: 'receipt_number' | 'z_number' | 'cash_in_cents' | 'cash_out_cents'): [number, number] {
  const b = before[key];
  const n = now[key];
  if (b === undefined || n === undefined) throw new Error(`the ${key} counter was not read: the job stays in doubt`);
  return [b, n];
}

function decide(op: FiscalJobOperation, before: DeviceCounters, now: DeviceCounters, serial: string, job: StoredJob): Verdict {
  switch (op.type) {
    case 'print_receipt':
    case 'print_refund': {
      const receipt = op;
      if (receipt.close_action === 'void') return { kind: 'not_done' };
      const [b, n] = pair(before, now, 'receipt_number');
      if (n <= b) return { kind: 'not_done' };
      const computed = computeReceipt(receipt, (vat) => ({ group: vat }));
      const total = computed.ok ? computed.totals.total_cents : 0;
      const change = computed.ok ? computed.totals.change_cents : 0;
      const pos = job.progress?.pos;
      return {
        kind: 'done',
        result: {
          slip_number: b + 1,
          total_cents: total,
          change_cents: change,
          receipt_datetime: localIso(new Date()),
          fiscal_serial: serial,
          ...(pos ? { pos } : {}),
          reconciled: true,
        },
      };
    }
    case 'print_z': {
      const [b, n] = pair(before, now, 'z_number');
      return n > b ? { kind: 'done', result: { z_number: n, totals: null, reconciled: true } } : { kind: 'not_done' };
    }
    case 'deposit_cash':
    case 'withdraw_cash': {
      const [b, n] = pair(before, now, op.type === 'deposit_cash' ? 'cash_in_cents' : 'cash_out_cents');
      return n >= b + Number(op.amount) ? { kind: 'done', result: { cash_in_drawer_cents: null, reconciled: true } } : { kind: 'not_done' };
    }
    default:
      return { kind: 'not_done' };
  }
}
