/**
 * POST /devices/preview — validate an operation for a device without queueing anything, and for a receipt return
 * the totals the hub would print (the GUI's live total: the hub computes, the GUI only shows). Payments that do not
 * cover the total yet are not an error here: the answer says what is still due.
 */
import { Router } from 'express';
import { computeReceipt } from '../../../domain/receipt-math.js';
import { z } from 'zod';
import { Payment, type ReceiptLine } from '../../../domain/operations.js';
import { firstIssue } from '../../../domain/validation.js';
import type { NativeDoorDeps } from '../hub-api.js';

interface ReceiptLike {
  type: string;
  lines?: unknown;
  payments?: unknown;
  receipt_discount?: unknown;
}

export function previewRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.post('/devices/preview', (req, res) => {
    const body = req.body as { device_id?: unknown; operation?: unknown } | undefined;
    const deviceId = typeof body?.device_id === 'string' ? body.device_id : '';
    const op = (typeof body?.operation === 'object' && body.operation !== null ? body.operation : {}) as ReceiptLike;
    const isReceipt = op.type === 'print_receipt' || op.type === 'print_refund';
    // Totals first without the payments, so a half-typed payment list still gives the total.
    const { payments, ...withoutPayments } = op;
    const v = deps.pipeline.validate(deviceId, isReceipt ? withoutPayments : op);
    if (!v.ok) {
      const status = v.kind === 'not_found' ? 404 : 400;
      return void res.status(status).json({ status, error: v.error, ...(v.path ? { path: v.path } : {}) });
    }
    if (!isReceipt) return void res.json({ status: 0, operation: v.operation });
    const normalised = v.operation as unknown as {
      lines: ReceiptLine[];
      receipt_discount?: ReceiptLike['receipt_discount'];
    };
    const computed = computeReceipt(normalised as Parameters<typeof computeReceipt>[0], (g) => ({ group: g }));
    if (!computed.ok)
      return void res
        .status(400)
        .json({
          status: 400,
          error: `operation.${computed.error.path}: ${computed.error.message}`,
          path: `operation.${computed.error.path}`,
        });
    const t = computed.totals;
    const checkedPayments =
      payments === undefined ? { ok: true as const, list: [] as Payment[] } : validPayments(payments);
    if (!checkedPayments.ok)
      return void res.status(400).json({ status: 400, error: checkedPayments.error, path: checkedPayments.path });
    const paid = checkedPayments.list.reduce((s, p) => s + p.amount_cents, 0);
    const nonCash = checkedPayments.list.filter((p) => p.method !== 'cash').reduce((s, p) => s + p.amount_cents, 0);
    res.json({
      status: 0,
      total_cents: t.total_cents,
      by_vat_group: t.by_vat_group,
      lines: t.lines,
      paid_cents: paid,
      due_cents: Math.max(0, t.total_cents - paid),
      change_cents: Math.max(0, paid - t.total_cents),
      /** Card, voucher … may not exceed the total: change is given only in cash. */
      non_cash_exceeds_total: nonCash > t.total_cents,
    });
  });
  return r;
}

const Payments = z.array(Payment).min(1).max(10);

/** The payments list alone, checked with the operation schema (amounts, methods); coverage is not checked. */
function validPayments(payments: unknown): { ok: true; list: Payment[] } | { ok: false; error: string; path: string } {
  const r = Payments.safeParse(payments);
  if (r.success) return { ok: true, list: r.data };
  const issue = firstIssue(r.error, 'operation.payments');
  return { ok: false, error: `${issue.path}: ${issue.message}`, path: issue.path };
}
