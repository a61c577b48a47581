/**
 * Printing a fiscal receipt on a Datecs register, telling the truth about the outcome.
 *   1. The pipeline hands over the receipt counter it journalled (and has cleared any receipt left open).
 *   2. Open, sell, text, subtotal: each command with an effect is sent once; when its answer is lost the register's
 *      own state (cmd 76 / 0x4C) says whether it took effect, and the step is skipped, sent again or the receipt is
 *      cancelled and registered again.
 *   3. Before paying, the open receipt must hold exactly the sales and the total the job sent.
 *   4. Payments, then close: a lost answer is settled from the state and the receipt counter, never by guessing.
 * A refusal before payment cancels the receipt: nothing printed. Once payment has begun the register cannot cancel,
 * so anything unresolved there is "in doubt": the pipeline's reconciliation finishes the receipt (settleOpenReceipt).
 */
import { DeviceError } from '../../domain/error-codes.js';
import { localIso } from '../../domain/datetime.js';
import type { ExecContext } from '../../domain/driver-contract.js';
import type { ReceiptOperation } from '../../domain/operations.js';
import type { ReceiptResult } from '../../domain/results.js';
import type { VatRates } from '../../domain/vat.js';
import type { DatecsCommands, TransactionState } from './commands.js';
import { locate, planReceipt, resumePaymentAt, sameState, type ReceiptPlan, type ReceiptStep } from './receipt-plan.js';

export interface ReceiptSettings {
  operator: number;
  password: string;
  till: number;
  /** Longest free-text line the register prints (PrintColumns − 2); longer text is wrapped. */
  textWidth: number;
}

/** Times one step may be sent when the register says it did not take effect. */
const STEP_TRIES = 3;
/** Times a receipt may be cancelled and registered again after the register's state did not match. */
const RUNS = 3;

/**
 * The outcome is unknown to us now (or the receipt is paid and waits for the register): the pipeline parks the job
 * and reconciles it with the register. The device's own reason (paper out, …) is kept.
 */
export function inDoubt(detail: string, cause?: unknown): DeviceError {
  const why = cause instanceof Error ? `: ${cause.message}` : '';
  const code = cause instanceof DeviceError ? cause.code : 'DEVICE_UNREACHABLE';
  const deviceError = cause instanceof DeviceError ? cause.deviceError : undefined;
  return new DeviceError(code, `${detail}${why}`, { mayHaveActed: true, ...(deviceError ? { deviceError } : {}) });
}

/** A failure after which the register provably holds no fiscal receipt of this job. */
function nothingPrinted(e: DeviceError): DeviceError {
  return e.mayHaveActed ? new DeviceError(e.code, e.message, { ...(e.deviceError ? { deviceError: e.deviceError } : {}), mayHaveActed: false }) : e;
}

/**
 * A definitive refusal before payment: cancel the receipt; it failed with nothing printed. If the register cannot
 * cancel it now (no paper for the cancel slip, unreachable), it says so (`leftOpen`): the pipeline cancels it as soon
 * as the register can, instead of leaving it on the display until the next receipt.
 */
async function abandon(cmd: DatecsCommands, e: DeviceError): Promise<DeviceError> {
  const cleared = await clearOpenReceipt(cmd).then(
    (st) => st.open === 'none',
    () => false,
  );
  const base = nothingPrinted(e);
  return cleared ? base : new DeviceError(base.code, base.message, { ...(base.deviceError ? { deviceError: base.deviceError } : {}), leftOpen: true });
}

/** The register's open-receipt state; if it cannot be read, the outcome is in doubt. */
async function stateOrDoubt(cmd: DatecsCommands, why: string, cause: unknown): Promise<TransactionState> {
  try {
    return await cmd.transaction();
  } catch (e) {
    throw inDoubt(`${why}, and the register's state cannot be read`, e ?? cause);
  }
}

/** Cancel whatever receipt is open. Returns the state afterwards (open === 'none' when cleared). */
export async function clearOpenReceipt(cmd: DatecsCommands): Promise<TransactionState> {
  const tx = await cmd.transaction();
  if (tx.open === 'none') return tx;
  try {
    if (tx.open === 'non_fiscal') await cmd.closeNonFiscal();
    else await cmd.cancel();
  } catch (e) {
    // A lost answer to the cancel: the state below tells. A refusal (e.g. payment begun) leaves it open.
    if (!(e instanceof DeviceError)) throw e;
  }
  return cmd.transaction();
}

async function send(cmd: DatecsCommands, step: ReceiptStep, o: ReceiptOperation, s: ReceiptSettings): Promise<number | void> {
  switch (step.kind) {
    case 'open':
      return cmd.openReceipt({
        operator: s.operator,
        password: s.password,
        till: s.till,
        invoice: o.flags?.is_invoice ?? false,
        ...(o.buyer ? { buyer_cui: o.buyer.vat_number } : {}),
      });
    case 'sale':
      return cmd.sell(step.item);
    case 'text':
      return cmd.text(step.text);
    case 'subtotal':
      await cmd.subtotal(step.adjustment);
      return;
    case 'pay':
      return (await cmd.pay(step.method, step.amount_cents)).change_cents;
  }
}

type Registered = { kind: 'registered' } | { kind: 'mismatch'; why: string };

/** Steps before payment. A definitive refusal cancels the receipt and is thrown as "nothing printed". */
async function register(cmd: DatecsCommands, plan: ReceiptPlan, o: ReceiptOperation, s: ReceiptSettings, ctx: ExecContext): Promise<Registered> {
  let sold = 0;
  for (let i = 0, tries = 0; i < plan.payAt; ) {
    const step = plan.steps[i] as ReceiptStep;
    try {
      await send(cmd, step, o, s);
    } catch (e) {
      if (!(e instanceof DeviceError)) throw e;
      if (!e.mayHaveActed) throw await abandon(cmd, e);
      const st = await stateOrDoubt(cmd, `step ${i} (${step.kind}) lost its answer`, e);
      const where = locate(plan, i, st);
      if (where === 'before' && ++tries < STEP_TRIES) continue;
      if (where !== 'after') return { kind: 'mismatch', why: `after a lost answer at step ${i} (${step.kind}) the register holds ${describe(st)}` };
    }
    i++;
    tries = 0;
    if (step.kind === 'sale') ctx.progress?.({ step: 'items', done: ++sold, total: plan.items });
  }
  const st = await stateOrDoubt(cmd, 'the registered receipt', null);
  const expected = plan.after[plan.payAt - 1];
  if (!expected || !sameState(st, expected)) {
    return { kind: 'mismatch', why: `the register holds ${describe(st)}, the job sent ${expected?.items} sales for ${expected?.amount_cents} cents` };
  }
  return { kind: 'registered' };
}

function describe(st: TransactionState): string {
  return st.open === 'none' ? 'no open receipt' : `${st.open} receipt, ${st.items} sales, ${st.amount_cents} cents, ${st.paid_cents} paid`;
}

/** Pay from step `from`. Returns the change the register announced (null when it was not heard). */
export async function payFrom(cmd: DatecsCommands, plan: ReceiptPlan, from: number, o: ReceiptOperation, s: ReceiptSettings): Promise<number | null> {
  let change: number | null = null;
  for (let i = from, tries = 0; i < plan.steps.length; ) {
    const step = plan.steps[i] as ReceiptStep;
    try {
      change = ((await send(cmd, step, o, s)) as number | undefined) ?? 0;
      i++;
      tries = 0;
      continue;
    } catch (e) {
      if (!(e instanceof DeviceError)) throw e;
      const st = await stateOrDoubt(cmd, `payment ${i - plan.payAt + 1} failed`, e);
      if (st.open !== 'fiscal') throw inDoubt(`the receipt is no longer open after payment ${i - plan.payAt + 1}`, e);
      // Refused before anything was paid: the receipt can still be cancelled.
      if (st.paid_cents === 0 && !e.mayHaveActed) throw await abandon(cmd, e);
      const at = resumePaymentAt(plan, st.paid_cents);
      if (at === null || ++tries >= STEP_TRIES) {
        throw inDoubt(`the receipt is open with ${st.paid_cents} of ${plan.total_cents} cents paid; it is finished when the register is ready`, e);
      }
      if (at !== i) change = null;
      i = at;
    }
  }
  return change;
}

/** Close; a lost answer is settled by the register's state and its receipt counter. Returns the slip number. */
export async function closeTruthfully(cmd: DatecsCommands, before: number): Promise<number> {
  for (let tries = 1; ; tries++) {
    try {
      const n = await cmd.close();
      if (n === before + 1) return n;
      // An answer that does not name the next receipt number proves nothing: the register's state decides.
      throw new DeviceError('DEVICE_ERROR', `the close answered receipt number ${n}, expected ${before + 1}`, { mayHaveActed: true });
    } catch (e) {
      if (!(e instanceof DeviceError)) throw e;
      const st = await stateOrDoubt(cmd, 'the close failed', e);
      if (st.open === 'fiscal') {
        // Paid and still open: the close did not happen. Try again, then leave it to the reconciliation.
        if (tries < STEP_TRIES) continue;
        throw inDoubt('the receipt is paid but the register did not close it; it is closed when the register is ready', e);
      }
      let after: number;
      try {
        after = (await cmd.receiptCounters()).receipt_number;
      } catch (e2) {
        throw inDoubt('the close lost its answer and the receipt counter cannot be read', e2);
      }
      if (after === before + 1) return after;
      if (after === before && st.open === 'none') {
        throw new DeviceError('DEVICE_ERROR', 'the receipt was cancelled on the register before it closed: nothing was printed', { mayHaveActed: false });
      }
      throw inDoubt(`after the close the receipt counter went from ${before} to ${after}`, e);
    }
  }
}

export async function printReceipt(
  cmd: DatecsCommands,
  op: ReceiptOperation,
  rates: VatRates,
  settings: ReceiptSettings,
  serial: string,
  ctx: ExecContext,
): Promise<ReceiptResult> {
  const plan = planReceipt(op, rates, settings.textWidth);
  let before: number;
  const handed = ctx.counters;
  if (handed && !handed.receipt_open && handed.receipt_number !== undefined) {
    before = handed.receipt_number;
  } else {
    // Reading the state and cancelling a leftover print nothing fiscal: a failure here did not act on this receipt.
    try {
      const start = await clearOpenReceipt(cmd);
      if (start.open !== 'none') throw new DeviceError('RECEIPT_OPEN', 'a receipt left open on the register could not be cancelled');
      before = (await cmd.receiptCounters()).receipt_number;
    } catch (e) {
      if (e instanceof DeviceError) throw nothingPrinted(e);
      throw e;
    }
  }

  for (let run = 1; ; run++) {
    const r = await register(cmd, plan, op, settings, ctx);
    if (r.kind === 'mismatch') {
      const st = await clearOpenReceipt(cmd).catch((e: unknown) => {
        throw inDoubt(`${r.why}; cancelling it failed`, e);
      });
      if (st.open !== 'none') throw inDoubt(`${r.why}; the register did not cancel it`);
      if (run < RUNS) continue;
      throw new DeviceError('DEVICE_ERROR', `${r.why}; the receipt was cancelled ${run} times: nothing was printed`, { mayHaveActed: false });
    }
    if (op.close_action === 'void') {
      await cmd.cancel();
      return { slip_number: before, total_cents: plan.total_cents, change_cents: 0, receipt_datetime: await cmd.getDateTime(), fiscal_serial: serial, voided: true };
    }
    const change = await payFrom(cmd, plan, plan.payAt, op, settings);
    const number = await closeTruthfully(cmd, before);
    // The receipt is printed: a failure to read its time must not turn the success into an error.
    const printedAt = await cmd.lastReceiptDateTime().catch(() => localIso(new Date()));
    return {
      slip_number: number,
      total_cents: plan.total_cents,
      change_cents: change ?? plan.change_cents,
      receipt_datetime: printedAt,
      fiscal_serial: serial,
    };
  }
}

/**
 * A receipt found open while reconciling `op` (null before a new job). One of this job's receipts that is already
 * being paid cannot be cancelled (the register refuses once payment has begun): it is paid in full as the job asked
 * and closed. Anything else is cancelled.
 */
export async function settleOpenReceipt(
  cmd: DatecsCommands,
  op: ReceiptOperation | null,
  rates: VatRates,
  settings: ReceiptSettings,
): Promise<'none' | 'cancelled' | 'completed'> {
  const st = await cmd.transaction();
  if (st.open === 'none') return 'none';
  if (st.open === 'fiscal' && st.payment_started && op && op.close_action !== 'void') {
    const plan = planReceipt(op, rates, settings.textWidth);
    const registered = plan.after[plan.payAt - 1];
    if (registered && st.items === registered.items && st.amount_cents === registered.amount_cents) {
      const before = (await cmd.receiptCounters()).receipt_number;
      const at = resumePaymentAt(plan, st.paid_cents);
      if (at !== null) await payFrom(cmd, plan, at, op, settings);
      else if (st.paid_cents < plan.total_cents) await cmd.pay('cash', plan.total_cents - st.paid_cents);
      await closeTruthfully(cmd, before);
      return 'completed';
    }
  }
  const after = await clearOpenReceipt(cmd);
  if (after.open !== 'none') throw new DeviceError('RECEIPT_OPEN', `a ${describe(after)} is open on the register and cannot be cancelled`);
  return 'cancelled';
}
