import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLenientJson } from '../../../src-main/doors/compat-shared/lenient-json.js';
import { buildReceiptOperation } from '../../../src-main/doors/compat-shared/receipt-draft.js';
import {
  paymentNumbering,
  readPaymentType,
  readReceiptType,
  readReportType,
  readReversalType,
} from '../../../src-main/doors/ucsfphub/enums.js';
import { ucsReceiptRequest } from '../../../src-main/doors/ucsfphub/translate-receipt.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'compat', 'seeds');
const blocks = (f: string) =>
  [...readFileSync(join(dir, f), 'utf8').matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2] ?? '');
const v1 = blocks('001_957c671f79283717.txt');
const v2 = blocks('003_963be5d2d35a8fd3.txt');
const opts = { uniqueSaleNumber: 'ignore' as const, language: 'ro' as const };
const op = (body: string) => {
  const t = ucsReceiptRequest(parseLenientJson(body), opts);
  if (!t.ok || t.kind !== 'receipt') throw new Error(JSON.stringify(t));
  const b = buildReceiptOperation(t.draft, null, false);
  if (!b.ok) throw new Error(b.error);
  return b.operation;
};

const sale = [
  { type: 'item', description: 'Продукт 1', quantity_thousandths: 1000, unit_price_cents: 1234, vat: 'B' },
  {
    type: 'item',
    description: 'Продукт 2',
    quantity_thousandths: 3500,
    unit_price_cents: 567,
    vat: 'B',
    discount: { kind: 'percent', basis_points: 1500 },
  },
];

describe('UcsFPHub receipts', () => {
  it('v1 sale (numeric enums): card 10.00 then the rest in cash, the free text after the items', () => {
    expect(op(v1[16] ?? '')).toEqual({
      type: 'print_receipt',
      lines: [...sale, { type: 'text', text: 'Клиентска карта: 12345' }],
      payments: [
        { method: 'card', amount_cents: 1000 },
        { method: 'cash', amount_cents: 1921 },
      ],
    });
  });

  it('v2 sale (named enums) is the same receipt', () => {
    expect(op(v2[16] ?? '')).toEqual(op(v1[16] ?? ''));
  });

  it('v1 reversal: positive quantities, the original receipt and the reversal type', () => {
    expect(op(v1[19] ?? '')).toEqual({
      type: 'print_refund',
      lines: [sale[0]],
      original: { slip_number: 56, document_id: '02518315/0000056', datetime: '2019-07-19 14:05:18' },
      reason: 'Refund',
    });
  });

  it('v2 reversal prints the barcode row as text', () => {
    const o = op(v2[19] ?? '');
    expect(o.lines).toEqual([sale[0], { type: 'text', text: '180/2019-11-12' }]);
    expect(o.original).toEqual({ slip_number: 180, document_id: '02518315/180', datetime: '2019-11-12 14:05:17' });
  });

  it("invoice: compact rows with defaults, a Bulgarian EIK printed as buyer text lines, PaymentType 2 by the request's numbering", () => {
    const o1 = op(v1[22] ?? '');
    expect(o1.lines).toEqual([
      { type: 'text', text: 'Cumpărător: Униконт Софт ООД' },
      { type: 'text', text: 'Cod fiscal: BG130395814' },
      ...sale,
      {
        type: 'item',
        description: 'Продукт 3',
        quantity_thousandths: 3500,
        unit_price_cents: 567,
        vat: 'B',
        discount: { kind: 'percent', basis_points: 1500 },
      },
      { type: 'item', description: 'Продукт 4', quantity_thousandths: 1000, unit_price_cents: 200, vat: 'B' },
    ]);
    expect(o1.buyer).toBeUndefined();
    expect(o1.payments).toEqual([{ method: 'card', amount_cents: 4808 }]);
    const o2 = op(v2[22] ?? '');
    expect(o2.lines).toEqual(o1.lines);
    expect(o2.payments).toEqual([{ method: 'other', amount_cents: 4808 }]); // v2: 2 = Cheque
  });

  it("a valid Romanian CUI becomes the receipt's buyer", () => {
    const o = op(
      '{ "ReceiptType": "Invoice", "Invoice": { "CgVatNo": "RO18547290", "CgName": "Client SRL" }, "Rows": [ ["A", 1] ] }',
    );
    expect(o.buyer).toEqual({ vat_number: 'RO18547290', name: 'Client SRL' });
    expect(o.flags).toEqual({ is_invoice: true });
  });

  it('duplicates: the last receipt yes, an older one by number is not available', () => {
    expect(ucsReceiptRequest(parseLenientJson('{ "PrintDuplicate": true }'), opts)).toEqual({
      ok: true,
      kind: 'duplicate',
    });
    expect(
      ucsReceiptRequest(parseLenientJson('{ "PrintDuplicate": true, "Invoice": { "DocNo": 57 } }'), opts),
    ).toMatchObject({ ok: false, unsupported: true, path: 'Invoice.DocNo' });
  });

  it.each([
    ['{ "Rows": [ { "ItemName": "A", "Price": 1.005 } ] }', 'Rows[0].Price'],
    ['{ "Rows": [ { "ItemName": "A", "Price": 1, "TaxGroup": "Й" } ] }', 'Rows[0].TaxGroup'],
    ['{ "Rows": [ { "ItemName": "A", "Price": 1, "Quantity": -1 } ] }', 'Rows[0].Quantity'],
    ['{ "Rows": [ [ "A", "x" ] ] }', 'Rows[0][1]'],
    ['{ "Rows": [ { "Foo": 1 } ] }', 'Rows[0]'],
    ['{ "ReceiptType": "Kitchen" }', 'ReceiptType'],
    ['{ "Rows": [ ["A", 1], { "PaymentType": 99 } ] }', 'Rows[1].PaymentType'],
  ])('%s is refused at %s', (body, path) => {
    expect(ucsReceiptRequest(parseLenientJson(body), opts)).toMatchObject({ ok: false, path });
  });

  it('prints the unique sale number when asked', () => {
    const t = ucsReceiptRequest(parseLenientJson(v1[16] ?? ''), { uniqueSaleNumber: 'print', language: 'en' });
    expect(t.ok && t.kind === 'receipt' && t.draft.lines[0]).toEqual({
      type: 'text',
      path: 'UniqueSaleNo',
      text: 'Unique sale no.: DT518315-0001-1234567',
      cut: true,
    });
  });
});

describe('UcsFPHub enums', () => {
  it('accepts numbers, names, prefixed names, any case', () => {
    expect(readReceiptType(parseLenientJson('3'))).toMatchObject({ ok: true, value: 'Invoice', named: false });
    expect(readReceiptType('ucsFscRcpCreditNote')).toMatchObject({ ok: true, value: 'CreditNote', named: true });
    expect(readReversalType('refund')).toMatchObject({ ok: true, value: 'Refund' });
    expect(readReportType('MonthlyByDate')).toMatchObject({ ok: true, value: 'Date' });
    expect(readPaymentType(parseLenientJson('-2'), 'v1')).toMatchObject({ ok: true, value: 'Custom2' });
    expect(readPaymentType(parseLenientJson('12'), 'v2')).toMatchObject({ ok: true, value: 'EUR' });
    expect(readPaymentType(parseLenientJson('12'), 'v1').ok).toBe(false);
  });

  it('chooses v2 numbering as soon as an enum is written by name', () => {
    expect(paymentNumbering(parseLenientJson(v1[16] ?? ''))).toBe('v1');
    expect(paymentNumbering(parseLenientJson(v2[16] ?? ''))).toBe('v2');
    expect(paymentNumbering(parseLenientJson(v2[19] ?? ''))).toBe('v2');
  });
});
