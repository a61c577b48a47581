/**
 * The emulator's other documents: correction (a period the register was not working, one VAT type), rollback
 * (cancels a sale or correction of the current shift only, with the parent's very amounts), deposit and withdraw.
 */
import { RegisterError } from '../virtual-register/register-api.js';
import {
  GROUP_OF_VAT,
  newDocument,
  printReceipt,
  readCurrency,
  readPayments,
  registerRefusal,
  settle,
  vatTypeOf,
} from './doc-common.js';
import { findDocument, type DocContext, type DocResult } from './doc-context.js';
import type { DocPayments } from './ledger.js';
import { refuse } from './request-reader.js';

function utc(c: DocContext, key: string): number {
  const t = c.data.text(key, { required: true, code: 642 }) as string;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(t) ? Date.parse(t) : NaN;
  return Number.isFinite(ms) ? ms : refuse(642, `${key} "${t}"`);
}

export function correction(c: DocContext): DocResult {
  const d = c.data;
  readCurrency(d, c.top);
  const first = utc(c, 'firstOperationAtUtc');
  const last = utc(c, 'lastOperationAtUtc');
  if (first > last || last > Date.parse(c.now)) refuse(642, 'the period must end before now, after it starts');
  const vat = vatTypeOf(d);
  const tendered = readPayments(d);
  if (tendered.credit + tendered.deposit + tendered.bonus > 0) refuse(607, 'a correction takes cash and card only');
  const sum = tendered.cash + tendered.card;
  if (sum <= 0) refuse(607, 'nothing to correct');
  d.text('note', { max: 500 });
  const receipt = printReceipt(c.register, {
    refund: false,
    tag: c.tag,
    lines: [{ name: 'Korreksiya', quantity_thousandths: 1000, price_cents: sum, total_cents: sum, vat_type: vat }],
    tendered,
  });
  const doc = newDocument(c.state, 'correction', c.now, {
    uuid: c.uuid,
    total_cents: sum,
    payments: settle(tendered, sum, true),
    vat: [{ vat_type: vat, sum_cents: sum }],
    register_receipt: receipt,
  });
  return { doc, bank: null };
}

const samePayments = (a: DocPayments, b: DocPayments) =>
  (Object.keys(a) as Array<keyof DocPayments>).every((k) => a[k] === b[k]);

export function rollBack(c: DocContext): DocResult {
  const d = c.data;
  readCurrency(d, c.top);
  const pid = d.text('parentDocumentId', { required: true, code: 627 }) as string;
  const parent = findDocument(c.state, pid);
  // Only inside the current shift; receipts of earlier shifts take a money back.
  if (
    !parent ||
    (parent.kind !== 'sale' && parent.kind !== 'correction') ||
    parent.shift_number !== c.state.shift.number
  ) {
    return refuse(627, 'no sale or correction with that id in the current shift');
  }
  if (parent.rolled_back) refuse(639);
  if (parent.refunded_cents > 0) refuse(638, 'part of it was already returned');
  const sum = d.money('sum', { required: true });
  if (sum !== parent.total_cents) refuse(638, `the document's total is ${parent.total_cents} cents`);
  const tendered = readPayments(d);
  if (!samePayments(tendered, parent.payments)) refuse(607, 'the payments must be those of the document');
  const amounts = d
    .objects('vatAmounts')
    .map((v) => ({ vat_type: vatTypeOf(v), sum_cents: v.money('vatSum', { required: true }) }));
  const key = (xs: Array<{ vat_type: number; sum_cents: number }>) =>
    xs
      .map((x) => `${x.vat_type}:${x.sum_cents}`)
      .sort()
      .join(',');
  if (key(amounts) !== key(parent.vat)) refuse(613, 'vatAmounts must be those of the document');
  const receipt = printReceipt(c.register, {
    refund: true,
    tag: c.tag,
    lines: parent.vat.map((v) => ({
      name: `Ləğv ${GROUP_OF_VAT[v.vat_type]}`,
      quantity_thousandths: 1000,
      price_cents: v.sum_cents,
      total_cents: v.sum_cents,
      vat_type: v.vat_type,
    })),
    tendered,
  });
  parent.rolled_back = true;
  const doc = newDocument(c.state, 'rollback', c.now, {
    uuid: c.uuid,
    total_cents: sum,
    payments: { ...tendered },
    vat: parent.vat.map((v) => ({ ...v })),
    parent_id: parent.id,
    register_receipt: receipt,
  });
  return { doc, bank: { rrn: null, approval_code: null, transaction_id: null, transaction_number: null } };
}

export function cash(c: DocContext, direction: 'deposit' | 'withdraw', sumOverride?: number): DocResult {
  const sum = sumOverride ?? c.data.money('sum', { required: true });
  if (sumOverride === undefined) readCurrency(c.data);
  if (sum <= 0) refuse(607, 'sum must be positive');
  try {
    if (direction === 'deposit') c.register.cashIn(sum);
    else c.register.cashOut(sum);
  } catch (e) {
    if (e instanceof RegisterError && e.code === 'CASH_NOT_ENOUGH')
      refuse(999, `not enough cash in the drawer (${e.message})`);
    registerRefusal(e);
  }
  const doc = newDocument(c.state, direction, c.now, {
    uuid: c.uuid,
    total_cents: sum,
    payments: { cash: sum, card: 0, credit: 0, deposit: 0, bonus: 0 },
  });
  return { doc, bank: null };
}
