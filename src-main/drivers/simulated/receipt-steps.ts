/**
 * print_receipt / print_refund on the virtual register: open (buyer CUI, invoice flag, job id as tag) → items,
 * texts, subtotals → receipt discount as the final subtotal adjustment → payments → close. `close_action: "void"`
 * registers everything, then cancels. On a failure mid-way the receipt is cancelled when the register allows it.
 */
import { DeviceError } from '../../domain/error-codes.js';
import type { Discount, ReceiptOperation } from '../../domain/operations.js';
import type { ReceiptResult } from '../../domain/results.js';
import type { ExecContext } from '../../domain/driver-contract.js';
import type { SellInput, VirtualRegisterApi } from '../../emulators/virtual-register/register-api.js';
import { formatCents, formatThousandths } from '../../domain/money.js';
import { computeReceipt, paymentOrder } from '../../domain/receipt-math.js';

/** Runs one register command with the driver's time model and error mapping. */
export type RegisterCall = <T>(request: string, fn: (r: VirtualRegisterApi) => T) => Promise<T>;

export function toAdjustment(d: Discount | undefined): SellInput['adjustment'] {
  if (d === undefined) return undefined;
  return d.kind === 'percent'
    ? { kind: 'percent', basis_points: d.basis_points, surcharge: d.is_surcharge ?? false }
    : { kind: 'amount', amount_cents: d.amount_cents, surcharge: d.is_surcharge ?? false };
}

const adjText = (d: Discount | undefined): string =>
  d === undefined ? '' : d.kind === 'percent' ? formatCents(d.basis_points) : formatCents(d.amount_cents);

export async function runReceipt(
  op: ReceiptOperation,
  ctx: ExecContext,
  call: RegisterCall,
  serial: string,
): Promise<ReceiptResult> {
  const refund = op.type === 'print_refund';
  const counters = ctx.counters ?? (await call('', (r) => r.counters()));
  if (counters.receipt_open) throw new DeviceError('RECEIPT_OPEN', 'a receipt is already open on the register');
  const buyer = op.buyer?.vat_number;
  await call(`1\t0000\t1\t${op.flags?.is_invoice ? 'I' : ''}\t${buyer ?? ''}\t`, (r) =>
    r.openFiscalReceipt({
      refund,
      invoice: op.flags?.is_invoice ?? false,
      tag: ctx.jobId,
      ...(buyer !== undefined ? { buyer_cui: buyer } : {}),
    }),
  );
  try {
    if (op.type === 'print_refund') {
      const o = op.original;
      if (o?.slip_number !== undefined) await call(`Bon original nr. ${o.slip_number}\t`, (r) => r.printText(`Bon original nr. ${o.slip_number}`));
      if (o?.datetime !== undefined) await call(`Din data ${o.datetime}\t`, (r) => r.printText(`Din data ${o.datetime}`.slice(0, 72)));
      if (op.reason !== undefined) await call(`Motiv: ${op.reason}\t`, (r) => r.printText(`Motiv: ${op.reason}`.slice(0, 72)));
    }
    const total = op.lines.length;
    let subtotal = 0;
    for (const [i, line] of op.lines.entries()) {
      if (line.type === 'item') {
        const adjustment = toAdjustment(line.discount);
        const req = `${line.description}\t${line.vat}\t${formatCents(line.unit_price_cents)}\t${formatThousandths(line.quantity_thousandths)}\t${adjText(line.discount)}\t`;
        await call(req, (r) =>
          r.sell({
            description: line.description,
            quantity_thousandths: line.quantity_thousandths,
            unit_price_cents: line.unit_price_cents,
            vat_group: line.vat.toUpperCase(),
            ...(line.department !== undefined ? { department: line.department } : {}),
            ...(line.um !== undefined ? { um: line.um } : {}),
            ...(adjustment ? { adjustment } : {}),
          }),
        );
      } else if (line.type === 'text') {
        await call(`${line.text}\t`, (r) => r.printText(line.text));
      } else {
        const adj = toAdjustment(line.discount);
        subtotal = (await call(`1\t0\t${adjText(line.discount)}\t`, (r) => r.subtotal(adj))).subtotal_cents;
      }
      ctx.progress?.({ step: 'lines', done: i + 1, total });
    }
    if (op.receipt_discount) {
      const adj = toAdjustment(op.receipt_discount);
      subtotal = (await call(`1\t0\t${adjText(op.receipt_discount)}\t`, (r) => r.subtotal(adj))).subtotal_cents;
    }
    if (op.close_action === 'void') {
      subtotal = (await call('0\t0\t\t', (r) => r.subtotal())).subtotal_cents;
      await call('', (r) => r.cancelReceipt());
      const now = await call('', (r) => r.status().datetime);
      return { slip_number: 0, total_cents: subtotal, change_cents: 0, receipt_datetime: now, fiscal_serial: serial, voided: true };
    }
    const payments = op.payments ?? [];
    if (payments.length === 0) {
      await call('0\t\t', (r) => r.pay('cash'));
    } else {
      for (const p of paymentOrder(payments)) await call(`${p.method}\t${formatCents(p.amount_cents)}\t`, (r) => r.pay(p.method, p.amount_cents));
    }
    const closed = await call('', (r) => r.closeReceipt());
    ctx.progress?.({ step: 'closed', done: total, total });
    return {
      slip_number: closed.receipt_number,
      total_cents: closed.total_cents,
      change_cents: closed.change_cents,
      receipt_datetime: closed.datetime,
      fiscal_serial: serial,
    };
  } catch (err) {
    try {
      await call('', (r) => r.cancelReceipt());
    } catch {
      // Refused: the receipt stays open. Once payment has begun (or when the register cannot tell) it cannot be
      // cancelled: the job is in doubt and the reconciliation finishes it. Not yet paid, nothing was printed; the
      // pipeline cancels it as soon as the register can (`leftOpen`).
      const paying = await call('', (r) => r.status().payment_started).catch(() => null);
      const e = err instanceof DeviceError ? err : new DeviceError('DEVICE_ERROR', String(err));
      const keep = { ...(e.deviceError ? { deviceError: e.deviceError } : {}) };
      if (paying !== false) throw new DeviceError(e.code, `${e.message}; the receipt is open and being paid: it is finished when the register is ready`, { ...keep, mayHaveActed: true });
      throw new DeviceError(e.code, e.message, { ...keep, leftOpen: true });
    }
    throw err;
  }
}

/**
 * A receipt found open when reconciling `op`: one whose payment has begun and whose total is the job's is paid as the
 * job asked (what is still due) and closed; anything else is cancelled.
 */
export async function settleOpenReceipt(op: ReceiptOperation | null, call: RegisterCall): Promise<'none' | 'cancelled' | 'completed'> {
  const s = await call('', (r) => r.status());
  if (s.receipt === 'none') return 'none';
  const computed = op && op.close_action !== 'void' ? computeReceipt(op, (vat) => ({ group: vat.toUpperCase() })) : null;
  if (s.payment_started && computed?.ok && s.open_receipt_total_cents === computed.totals.total_cents) {
    let paid = 0;
    for (const p of computed.totals.payments) {
      paid += p.amount_cents;
      if (paid <= (s.open_receipt_paid_cents ?? 0)) continue;
      await call('', (r) => r.pay(p.method, p.amount_cents));
    }
    const now = await call('', (r) => r.status());
    if ((now.open_receipt_paid_cents ?? 0) < computed.totals.total_cents) await call('', (r) => r.pay('cash'));
    await call('', (r) => r.closeReceipt());
    return 'completed';
  }
  const c = await call('', (r) => r.cancelReceipt());
  if (!c.cancelled) throw new DeviceError('RECEIPT_OPEN', 'the receipt open on the register cannot be cancelled');
  return 'cancelled';
}
