/**
 * Operations that make a fiscal document on the device (sale, refund, cash, Z, and the Caspos-only documents).
 * Each carries `documentUUID` = the FisCool job id, so a retried or reconciled job is recognised by the device
 * ("Repeated DocumentUUID value", code 1, answers the first document's data).
 */
import { computeReceipt } from '../../domain/receipt-math.js';
import type { ExecContext } from '../../domain/driver-contract.js';
import type { Payment, ReceiptLine } from '../../domain/operations.js';
import type { CasposOperation, CasposPrintReceipt, CasposPrintRefund } from '../../domain/operations-caspos.js';
import { readDocument, readShiftReport } from '../../protocols/caspos/answers.js';
import type { CasposAnswer } from '../../protocols/caspos/envelope.js';
import {
  cashRequest,
  closeShiftRequest,
  correctionRequest,
  creditPayRequest,
  moneyBackRequest,
  prepaymentRequest,
  rollBackRequest,
  saleRequest,
} from '../../protocols/caspos/requests.js';
import { MONEY_BACK_TYPES } from '../../protocols/caspos/tables.js';
import { asStandard, bankOf, casposPayments, clientOf, itemsOf, noteOf, standardPayments } from './document-input.js';
import { SHIFT_ALREADY_CLOSED } from './errors.js';
import type { CasposEnv } from './env.js';
import { casposDocument, receiptResult, reportTotals } from './results.js';
import { vatTypeOf } from './vat.js';

type Receipt = CasposPrintReceipt | CasposPrintRefund;
type Op<T extends CasposOperation['type']> = Extract<CasposOperation, { type: T }>;

const totalsOf = (lines: ReadonlyArray<{ type: string }>, payments: Payment[] | undefined) => {
  const c = computeReceipt({ lines: lines as ReceiptLine[], payments }, (vat) => ({ group: vat }));
  return c.ok
    ? { total_cents: c.totals.total_cents, change_cents: c.totals.change_cents }
    : { total_cents: 0, change_cents: 0 };
};

function receiptAnswer(env: CasposEnv, a: CasposAnswer, totals: { total_cents: number; change_cents: number }) {
  return receiptResult(casposDocument(readDocument(a.data), env.qrBase()), totals, {
    serial: env.serial(),
    datetime: env.now(),
    repeated: a.code === 1,
  });
}

async function receipt(env: CasposEnv, op: Receipt, ctx: ExecContext) {
  const totals = totalsOf(op.lines, op.payments);
  const common = {
    uuid: ctx.jobId,
    payments: standardPayments(op.payments, totals.total_cents),
    items: itemsOf(op.lines, env.table),
    cashier: op.cashier ?? env.cashier,
    client: clientOf(op.client),
    bank: bankOf(op.bank, ctx.pos),
  };
  const request =
    op.type === 'print_receipt'
      ? saleRequest(env.creds, { ...common, note: noteOf(op.lines, op.note) })
      : moneyBackRequest(env.creds, {
          ...common,
          note: noteOf(op.lines, op.reason, op.note),
          parent_document_id: op.original?.document_id ?? '',
          money_back_type: MONEY_BACK_TYPES.sale,
          manual: false,
        });
  return receiptAnswer(env, await env.document(request, ctx), totals);
}

async function casposDocumentOp(
  env: CasposEnv,
  op: Op<'credit_sale' | 'prepaid_sale' | 'money_back_manual' | 'credit_pay'>,
  ctx: ExecContext,
) {
  const totals = totalsOf(op.lines, asStandard(op.payments));
  const common = {
    uuid: ctx.jobId,
    payments: casposPayments(op.payments),
    items: itemsOf(op.lines, env.table),
    cashier: op.cashier ?? env.cashier,
    client: clientOf(op.client),
    bank: bankOf(op.bank, ctx.pos),
  };
  let request;
  switch (op.type) {
    case 'credit_sale':
      request = saleRequest(env.creds, { ...common, note: op.note, credit: op.credit });
      break;
    case 'prepaid_sale':
      request = saleRequest(env.creds, { ...common, note: op.note, prepayment_document_id: op.prepayment_document_id });
      break;
    case 'money_back_manual':
      request = moneyBackRequest(env.creds, {
        ...common,
        note: noteOf([], op.reason, op.note),
        parent_document_id: op.original.document_id,
        money_back_type: MONEY_BACK_TYPES[op.money_back_type],
        manual: true,
      });
      break;
    case 'credit_pay':
      request = creditPayRequest(env.creds, {
        ...common,
        note: op.note,
        parent_document_id: op.credit_document_id,
        payment_number: String(op.payment_number),
        residue_cents: op.residue_cents,
        credit: op.credit,
      });
      break;
  }
  return receiptAnswer(env, await env.document(request, ctx), totals);
}

async function prepayment(env: CasposEnv, op: Op<'prepayment'>, ctx: ExecContext) {
  const amount = op.amount_cents ?? 0;
  const paid = op.payments.reduce((s, p) => s + p.amount_cents, 0);
  const request = prepaymentRequest(env.creds, {
    uuid: ctx.jobId,
    sum_cents: amount,
    vat_type: vatTypeOf(op.vat ?? '', env.table),
    payments: casposPayments(op.payments),
    ...(op.lines ? { items: itemsOf(op.lines, env.table) } : {}),
    cashier: op.cashier ?? env.cashier,
    client: clientOf(op.client),
    note: op.note,
    bank: bankOf(op.bank, ctx.pos),
  });
  return receiptAnswer(env, await env.document(request, ctx), {
    total_cents: amount,
    change_cents: Math.max(0, paid - amount),
  });
}

async function rollback(env: CasposEnv, op: Op<'rollback'>, ctx: ExecContext) {
  const request = rollBackRequest(env.creds, {
    uuid: ctx.jobId,
    parent_document_id: op.original.document_id,
    sum_cents: op.total_cents,
    payments: casposPayments(op.payments),
    vat_amounts: op.vat_amounts.map((v) => ({ vat_type: vatTypeOf(v.vat, env.table), sum_cents: v.amount_cents })),
    cashier: op.cashier ?? env.cashier,
    note: op.note,
  });
  return receiptAnswer(env, await env.document(request, ctx), { total_cents: op.total_cents, change_cents: 0 });
}

async function correction(env: CasposEnv, op: Op<'correction'>, ctx: ExecContext) {
  const total = op.payments.reduce((s, p) => s + p.amount_cents, 0);
  const request = correctionRequest(env.creds, {
    uuid: ctx.jobId,
    first_operation_at: op.first_operation_at,
    last_operation_at: op.last_operation_at,
    payments: casposPayments(op.payments),
    vat_type: vatTypeOf(op.vat, env.table),
    cashier: op.cashier ?? env.cashier,
    note: op.note,
  });
  return receiptAnswer(env, await env.document(request, ctx), { total_cents: total, change_cents: 0 });
}

async function cash(env: CasposEnv, op: Op<'deposit_cash' | 'withdraw_cash'>, ctx: ExecContext) {
  const kind = op.type === 'deposit_cash' ? 'deposit' : 'withDraw';
  const a = await env.document(cashRequest(env.creds, kind, ctx.jobId, op.amount, env.cashier), ctx);
  // Caspos does not say what the drawer holds.
  return {
    cash_in_drawer_cents: null,
    document: casposDocument(readDocument(a.data), env.qrBase()),
    ...(a.code === 1 ? { repeated: true } : {}),
  };
}

async function zReport(env: CasposEnv, ctx: ExecContext) {
  const a = await env.document(closeShiftRequest(env.creds, ctx.jobId, env.cashier), ctx, {
    opensShift: false,
    on503: SHIFT_ALREADY_CLOSED,
  });
  const report = readShiftReport(a.data);
  return {
    z_number: report.report_number ?? 0,
    totals: reportTotals(report, env.table),
    report,
    ...(a.code === 1 ? { repeated: true } : {}),
  };
}

/** The operations that make a document; null for the others. */
export function documentHandler(
  op: CasposOperation,
): ((env: CasposEnv, ctx: ExecContext) => Promise<Record<string, unknown>>) | null {
  switch (op.type) {
    case 'print_receipt':
    case 'print_refund':
      return (env, ctx) => receipt(env, op, ctx);
    case 'credit_sale':
    case 'prepaid_sale':
    case 'money_back_manual':
    case 'credit_pay':
      return (env, ctx) => casposDocumentOp(env, op, ctx);
    case 'prepayment':
      return (env, ctx) => prepayment(env, op, ctx);
    case 'rollback':
      return (env, ctx) => rollback(env, op, ctx);
    case 'correction':
      return (env, ctx) => correction(env, op, ctx);
    case 'deposit_cash':
    case 'withdraw_cash':
      return (env, ctx) => cash(env, op, ctx);
    case 'print_z':
      return (env, ctx) => zReport(env, ctx);
    default:
      return null;
  }
}
