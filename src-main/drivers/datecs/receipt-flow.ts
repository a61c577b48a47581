/**
 * Printing a fiscal receipt on a Datecs register, telling the truth about the outcome:
 *   1. read the open-receipt state and the receipt counter; cancel a receipt left open (never finish it blindly);
 *   2. open (with the buyer's CUI), sell, text, subtotal discounts, pay, close;
 *   3. a refusal or a lost link before close → cancel the receipt; if even that fails, say mayHaveActed when the
 *      register may have printed;
 *   4. a lost answer to close → read the counter again: moved ⇒ printed (success); still open ⇒ close again.
 */
import { DeviceError } from '../../domain/error-codes.js';
import type { ExecContext } from '../../domain/driver-contract.js';
import type { PrintReceipt } from '../../domain/operations.js';
import type { ReceiptResult } from '../../domain/results.js';
import { computeReceipt } from '../../domain/receipt-math.js';
import { resolveVat, type VatRates } from '../../domain/vat.js';
import type { Adjustment } from './codec/values.js';
import { wrapText } from './codec/wrap.js';
import type { DatecsCommands, TransactionState } from './commands.js';

export interface ReceiptSettings {
  operator: number;
  password: string;
  till: number;
  /** Longest free-text line the register prints (PrintColumns − 2); longer text is wrapped. */
  textWidth: number;
}

const toAdjustment = (d: PrintReceipt['receipt_discount']): Adjustment | undefined =>
  d === undefined
    ? undefined
    : d.kind === 'percent'
      ? { kind: 'percent', basis_points: d.basis_points, surcharge: d.is_surcharge ?? false }
      : { kind: 'amount', amount_cents: d.amount_cents, surcharge: d.is_surcharge ?? false };

/** Cancel whatever receipt is open. Returns the state afterwards (open === 'none' when cleared). */
export async function clearOpenReceipt(cmd: DatecsCommands): Promise<TransactionState> {
  const tx = await cmd.transaction();
  if (tx.open === 'none') return tx;
  if (tx.open === 'non_fiscal') await cmd.closeNonFiscal();
  else await cmd.cancel();
  return cmd.transaction();
}

export async function printReceipt(
  cmd: DatecsCommands,
  op: PrintReceipt,
  rates: VatRates,
  settings: ReceiptSettings,
  serial: string,
  ctx: ExecContext,
): Promise<ReceiptResult> {
  const computed = computeReceipt(op, (v) => resolveVat(v, rates));
  if (!computed.ok) throw new DeviceError('DEVICE_REJECTED', `${computed.error.path}: ${computed.error.message}`);
  const totals = computed.totals;

  // Reading the state and cancelling a leftover print nothing fiscal: a failure here did not act on this receipt.
  let before: number;
  try {
    const start = await clearOpenReceipt(cmd);
    if (start.open !== 'none') throw new DeviceError('RECEIPT_OPEN', 'a receipt left open on the register could not be cancelled');
    before = (await cmd.receiptCounters()).receipt_number;
  } catch (e) {
    if (e instanceof DeviceError && e.mayHaveActed) throw new DeviceError(e.code, e.message, { ...(e.deviceError ? { deviceError: e.deviceError } : {}), mayHaveActed: false });
    throw e;
  }
  const items = op.lines.filter((l) => l.type === 'item').length;
  let sold = 0;
  let reachedClose = false;
  try {
    await cmd.openReceipt({
      operator: settings.operator,
      password: settings.password,
      till: settings.till,
      invoice: op.flags?.is_invoice ?? false,
      ...(op.buyer ? { buyer_cui: op.buyer.vat_number } : {}),
    });
    for (const [i, line] of op.lines.entries()) {
      if (line.type === 'text') for (const part of wrapText(line.text, settings.textWidth)) await cmd.text(part);
      else if (line.type === 'subtotal') await cmd.subtotal(toAdjustment(line.discount));
      else {
        const c = totals.lines[i];
        await cmd.sell({
          description: line.description,
          vat_group: c?.kind === 'item' ? c.vat_group : line.vat.toUpperCase(),
          unit_price_cents: line.unit_price_cents,
          quantity_thousandths: line.quantity_thousandths,
          ...(line.department !== undefined ? { department: line.department } : {}),
          ...(line.um ? { um: line.um } : {}),
          ...(line.discount ? { adjustment: toAdjustment(line.discount) as Adjustment } : {}),
        });
        sold++;
        ctx.progress?.({ step: 'items', done: sold, total: items });
      }
    }
    if (op.receipt_discount) await cmd.subtotal(toAdjustment(op.receipt_discount));
    if (op.close_action === 'void') {
      await cmd.cancel();
      return {
        slip_number: before,
        total_cents: totals.total_cents,
        change_cents: 0,
        receipt_datetime: await cmd.getDateTime(),
        fiscal_serial: serial,
        voided: true,
      };
    }
    let change = 0;
    const payments = op.payments ?? [];
    if (payments.length === 0) change = (await cmd.pay('cash')).change_cents;
    for (const p of payments) change = (await cmd.pay(p.method, p.amount_cents)).change_cents;
    reachedClose = true;
    const number = await closeTruthfully(cmd, before);
    // The receipt is printed: a failure to read its time must not turn the success into an error.
    const printedAt = await cmd.lastReceiptDateTime().catch(() => localIsoNow());
    return {
      slip_number: number,
      total_cents: totals.total_cents,
      change_cents: change || totals.change_cents,
      receipt_datetime: printedAt,
      fiscal_serial: serial,
    };
  } catch (e) {
    if (!(e instanceof DeviceError)) throw e;
    if (reachedClose) throw e;
    // Before close nothing was printed as a fiscal receipt: cancel what we opened.
    const cleared = await clearOpenReceipt(cmd).then(
      (tx) => tx.open === 'none',
      () => false,
    );
    if (cleared) throw new DeviceError(e.code, e.message, { ...(e.deviceError ? { deviceError: e.deviceError } : {}), mayHaveActed: false });
    // Could not cancel: the receipt stays open (it is cancelled before the next one). Nothing was closed.
    throw e;
  }
}

/** Close; if the answer is lost, decide from the receipt counter whether the receipt was printed. */
async function closeTruthfully(cmd: DatecsCommands, before: number): Promise<number> {
  try {
    return await cmd.close();
  } catch (e) {
    if (!(e instanceof DeviceError) || e.code !== 'DEVICE_UNREACHABLE') throw e;
    let after: number;
    try {
      // Still open (and fully paid): it was not closed, close it now. Otherwise the counter decides.
      if ((await cmd.transaction()).open !== 'none') return await cmd.close();
      after = (await cmd.receiptCounters()).receipt_number;
    } catch {
      throw e; // still unreachable: the outcome is unknown (mayHaveActed from the session)
    }
    if (after > before) return after;
    throw new DeviceError('DEVICE_ERROR', 'the receipt was neither closed nor left open after a lost answer', { mayHaveActed: false });
  }
}

function localIsoNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
