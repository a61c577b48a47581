/**
 * The emulator's sale-like documents: sale (with credit: creditPayment + contract; advance pay: depositPayment
 * against a prepayment), money back against its parent (type 0 sale, 6 advance, 7 credit payment; quantities and
 * amounts checked unless `isManual`), credit pay against a credit sale (residue checked), advances with or
 * without their goods. Each validates everything first, prints on the register, then records the document.
 */
import type { CasposDoc } from './ledger.js';
import { refuse } from './request-reader.js';
import {
  newDocument,
  printReceipt,
  readBank,
  readClient,
  readCurrency,
  readItems,
  readPayments,
  settle,
  vatOfItems,
  vatTypeOf,
  type ReadItem,
} from './doc-common.js';
import type { DocContext, DocResult } from './doc-context.js';
import { findDocument } from './doc-context.js';

const total = (items: ReadItem[]) => items.reduce((s, i) => s + i.total_cents, 0);

function readCredit(c: DocContext, required: boolean): { contract: string; payer: string } | null {
  const contract = c.data.text('creditContract', { max: 50, code: 630 });
  const payer = c.data.text('creditPayer', { max: 100, code: 631 });
  if (!required && contract === undefined && payer === undefined) return null;
  if (!contract?.trim()) refuse(630, 'creditContract is required');
  if (!payer?.trim()) refuse(631, 'creditPayer is required');
  return { contract: contract as string, payer: payer as string };
}

export function sale(c: DocContext): DocResult {
  const d = c.data;
  readCurrency(d);
  readClient(d);
  const items = readItems(d, 'sale');
  const sum = total(items);
  const tendered = readPayments(d);
  const kept = settle(tendered, sum);
  const bank = readBank(d, tendered.card);
  const credit = tendered.credit > 0 ? readCredit(c, true) : null;
  let advance: CasposDoc | null = null;
  if (tendered.deposit > 0) {
    // The seed's table spells it "prepymentDocumentId", its example "prepaymentDocumentId": both are read.
    const pid = d.text('prepaymentDocumentId', { max: 64 }) ?? d.text('prepymentDocumentId', { max: 64 });
    if (!pid) refuse(628, 'prepaymentDocumentId is required with depositPayment');
    advance = findDocument(c.state, pid as string);
    if (!advance || advance.kind !== 'prepayment') return refuse(628, 'not an advance (prepayment) document');
    if (advance.rolled_back) refuse(639);
    if (tendered.deposit > advance.open_cents) refuse(632, `the advance has ${advance.open_cents} cents left`);
    const vat = advance.vat[0]?.vat_type;
    if (items.some((i) => i.vat_type !== vat)) refuse(616, 'an advance pays for goods of its own VAT type only');
  }
  const receipt = printReceipt(c.register, { refund: false, tag: c.tag, lines: items, tendered });
  if (advance) advance.open_cents -= tendered.deposit;
  const doc = newDocument(c.state, 'sale', c.now, {
    uuid: c.uuid,
    total_cents: sum,
    payments: kept,
    vat: vatOfItems(items),
    items,
    open_cents: tendered.credit,
    credit_contract: credit?.contract ?? null,
    parent_id: advance?.id ?? null,
    register_receipt: receipt,
  });
  return { doc, bank };
}

const MONEY_BACK_KIND = {
  0: { parent: 'sale', kind: 'money_back' },
  6: { parent: 'prepayment', kind: 'prepayment_return' },
  7: { parent: 'credit', kind: 'credit_return' },
} as const;

/** Match each returned line to the parent's line (by parentItemUuid, else code and name) and check what is left. */
function checkQuantities(parent: CasposDoc, items: ReadItem[]): Array<[number, number]> {
  const take = new Map<number, number>();
  for (const [n, i] of items.entries()) {
    const idx = parent.items.findIndex((p) =>
      i.parent_item_uuid ? p.item_uuid === i.parent_item_uuid : p.code === i.code && p.name === i.name,
    );
    if (idx < 0) refuse(641, `items[${n}] is not on the parent document`);
    const p = parent.items[idx] as CasposDoc['items'][number];
    const want = (take.get(idx) ?? 0) + i.quantity_thousandths;
    if (want > p.quantity_thousandths - p.returned_thousandths)
      refuse(
        641,
        `items[${n}]: only ${p.quantity_thousandths - p.returned_thousandths} thousandths are left to return`,
      );
    take.set(idx, want);
  }
  return [...take];
}

export function moneyBack(c: DocContext): DocResult {
  const d = c.data;
  readCurrency(d);
  readClient(d);
  const manual = d.bool('isManual');
  const type = d.int('moneyBackType', { required: true });
  const rule = MONEY_BACK_KIND[type as 0 | 6 | 7];
  if (!rule) return refuse(633, `moneyBackType = ${type}`);
  const pid = d.text('parentDocumentId', { required: true, code: 615 }) as string;
  if (pid.trim() === '' || pid.length > 64) refuse(615);
  const items = readItems(d, 'sale');
  const sum = total(items);
  const tendered = readPayments(d);
  const kept = settle(tendered, sum, true);
  const bank = readBank(d, tendered.card);
  let parent: CasposDoc | null = null;
  let taken: Array<[number, number]> = [];
  if (!manual) {
    parent = findDocument(c.state, pid);
    if (!parent || parent.kind !== rule.parent) return refuse(628, `not a ${rule.parent} document`);
    if (parent.rolled_back) refuse(639);
    if (parent.items.length > 0) taken = checkQuantities(parent, items);
    if (sum > parent.total_cents - parent.refunded_cents)
      refuse(638, `${parent.total_cents - parent.refunded_cents} cents are left to return`);
  }
  const receipt = printReceipt(c.register, { refund: true, tag: c.tag, lines: items, tendered });
  if (parent) {
    parent.refunded_cents += sum;
    for (const [idx, q] of taken) (parent.items[idx] as CasposDoc['items'][number]).returned_thousandths += q;
  }
  const doc = newDocument(c.state, rule.kind, c.now, {
    uuid: c.uuid,
    total_cents: sum,
    payments: kept,
    vat: vatOfItems(items),
    items,
    parent_id: parent?.id ?? null,
    register_receipt: receipt,
  });
  return { doc, bank };
}

export function creditPay(c: DocContext): DocResult {
  const d = c.data;
  readCurrency(d);
  readClient(d);
  const pid = d.text('parentDocumentId', { required: true, code: 615 }) as string;
  const parent = findDocument(c.state, pid);
  if (!parent || parent.kind !== 'sale' || parent.credit_contract === null) return refuse(628, 'not a credit sale');
  const items = readItems(d, 'credit_pay');
  const sum = total(items);
  const tendered = readPayments(d);
  if (tendered.credit + tendered.deposit + tendered.bonus > 0)
    refuse(607, 'a credit payment is paid in cash or by card');
  const kept = settle(tendered, sum);
  if (sum > parent.open_cents) refuse(632, `${parent.open_cents} cents are owed`);
  const residue = d.money('residue', { required: true });
  if (residue !== parent.open_cents - sum) refuse(634, `residue must be ${parent.open_cents - sum} cents`);
  const credit = readCredit(c, true);
  if (credit && credit.contract !== parent.credit_contract) refuse(630, 'not the credit sale’s contract');
  const bank = readBank(d, tendered.card);
  const receipt = printReceipt(c.register, { refund: false, tag: c.tag, lines: items, tendered });
  parent.open_cents -= sum;
  const doc = newDocument(c.state, 'credit', c.now, {
    uuid: c.uuid,
    total_cents: sum,
    payments: kept,
    vat: vatOfItems(items),
    items,
    parent_id: parent.id,
    register_receipt: receipt,
  });
  return { doc, bank };
}

export function prepayment(c: DocContext, withItems: boolean): DocResult {
  const d = c.data;
  readCurrency(d);
  readClient(d);
  const sum = d.money('sum', { required: true });
  if (sum <= 0) refuse(607, 'sum must be positive');
  const vat = vatTypeOf(d);
  const tendered = readPayments(d);
  if (tendered.credit + tendered.deposit > 0) refuse(632);
  const kept = settle(tendered, sum);
  const bank = readBank(d, tendered.card);
  const items = withItems ? readItems(d, 'prepayment') : [];
  if (items.some((i) => i.vat_type !== vat)) refuse(616, 'every item of an advance has its vatType');
  if (withItems && total(items) !== sum) refuse(611, `the items add up to ${total(items)} cents, sum is ${sum}`);
  const lines = withItems
    ? items
    : [{ name: 'Avans', quantity_thousandths: 1000, price_cents: sum, total_cents: sum, vat_type: vat }];
  const receipt = printReceipt(c.register, { refund: false, tag: c.tag, lines, tendered });
  const doc = newDocument(c.state, 'prepayment', c.now, {
    uuid: c.uuid,
    total_cents: sum,
    payments: kept,
    vat: [{ vat_type: vat, sum_cents: sum }],
    items,
    open_cents: sum,
    register_receipt: receipt,
  });
  return { doc, bank };
}
