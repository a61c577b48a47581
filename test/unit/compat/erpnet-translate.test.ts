import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLenientJson } from '../../../src-main/doors/compat-shared/lenient-json.js';
import { buildReceiptOperation } from '../../../src-main/doors/compat-shared/receipt-draft.js';
import { erpCashOperation, erpDateTimeOperation, erpReceiptDraft } from '../../../src-main/doors/erpnet/translate.js';

const seed = readFileSync(
  join(import.meta.dirname, '..', '..', 'fixtures', 'compat', 'seeds', '002_55f09abe3d26f641.txt'),
  'utf8',
);
const blocks = [...seed.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2] ?? '');
const opts: { reversal: boolean; uniqueSaleNumber: 'print' | 'ignore'; language: 'ro' | 'en' } = {
  reversal: false,
  uniqueSaleNumber: 'print',
  language: 'ro',
};
const build = (body: string, o = opts) => {
  const d = erpReceiptDraft(parseLenientJson(body), o);
  if (!d.ok) throw new Error(`${d.code} ${d.path}: ${d.error}`);
  const b = buildReceiptOperation(d.draft, null, false);
  if (!b.ok) throw new Error(b.error);
  return b.operation;
};

describe('ErpNet.FP receipt → print_receipt', () => {
  it("translates the seed's receipt exactly", () => {
    expect(build(blocks[7] ?? '')).toEqual({
      type: 'print_receipt',
      lines: [
        { type: 'text', text: 'Nr. unic vânzare: DT279013-DD01-0000001' },
        { type: 'item', description: 'Cheese', quantity_thousandths: 1000, unit_price_cents: 1200, vat: 'B' },
        { type: 'text', text: 'Additional comment to the cheese...' },
        {
          type: 'item',
          description: 'Milk',
          quantity_thousandths: 2000,
          unit_price_cents: 1000,
          vat: 'B',
          discount: { kind: 'percent', basis_points: 1000 },
        },
      ],
      payments: [{ method: 'cash', amount_cents: 3000 }],
    });
  });

  it('the operator-credentials example gives the same operation (credentials are not sent to Romanian registers)', () => {
    expect(build(blocks[12] ?? '')).toEqual(build(blocks[7] ?? ''));
  });

  it('maps modifiers, footer comments, subtotal modifiers and payment types', () => {
    const op = build(
      JSON.stringify({
        items: [
          { text: 'A', unitPrice: 10, taxGroup: 1, priceModifierType: 'surcharge-amount', priceModifierValue: 1.5 },
          { type: 'footer-comment', text: 'Bye' },
          { type: 'discount-amount', amount: 2 },
        ],
        payments: [
          { paymentType: 'card', amount: 5 },
          { paymentType: 'coupons' },
          { paymentType: 'change', amount: -1 },
        ],
      }),
    );
    expect(op.lines).toEqual([
      {
        type: 'item',
        description: 'A',
        quantity_thousandths: 1000,
        unit_price_cents: 1000,
        vat: 'A',
        discount: { kind: 'amount', amount_cents: 150, is_surcharge: true },
      },
      { type: 'subtotal', discount: { kind: 'amount', amount_cents: 200 } },
      { type: 'text', text: 'Bye' },
    ]);
    expect(op.payments).toEqual([
      { method: 'card', amount_cents: 500 },
      { method: 'voucher', amount_cents: 450 },
    ]);
  });

  it('leaves the unique sale number out when the setting says so', () => {
    expect(JSON.stringify(build(blocks[7] ?? '', { ...opts, uniqueSaleNumber: 'ignore' }))).not.toContain(
      'DT279013-DD01',
    );
  });

  it.each([
    ['{"items": []}', 'E410', 'items'],
    ['{"items": [{"text": "", "unitPrice": 1, "taxGroup": 1}]}', 'E407', 'items[0].text'],
    ['{"items": [{"text": "A", "unitPrice": 1, "taxGroup": 9}]}', 'E411', 'items[0].taxGroup'],
    ['{"items": [{"text": "A", "unitPrice": 1.001, "taxGroup": 1}]}', 'E403', 'items[0].unitPrice'],
    ['{"items": [{"text": "A", "unitPrice": 1, "taxGroup": 1, "quantity": -1}]}', 'E403', 'items[0].quantity'],
    [
      '{"items": [{"text": "A", "unitPrice": 1, "taxGroup": 1, "priceModifierType": "discount-everything", "priceModifierValue": 1}]}',
      'E403',
      'items[0].priceModifierType',
    ],
    [
      '{"items": [{"text": "A", "unitPrice": 1, "taxGroup": 1}], "payments": [{"paymentType": "bitcoin"}]}',
      'E406',
      'payments[0].paymentType',
    ],
    ['{"items": [{"type": "weird", "text": "A"}]}', 'E407', 'items[0].type'],
  ])('%s → %s at %s', (body, code, path) => {
    const d = erpReceiptDraft(parseLenientJson(body), opts);
    expect(d).toMatchObject({ ok: false, code, path });
  });
});

describe('ErpNet.FP reversal receipt → print_refund', () => {
  it("keeps the original receipt's number, date and fiscal memory, and the reason", () => {
    const body = JSON.parse(blocks[7] ?? '{}') as Record<string, unknown>;
    const op = build(
      JSON.stringify({
        ...body,
        receiptNumber: '0000085',
        receiptDateTime: '2019-05-17T13:55:18',
        fiscalMemorySerialNumber: '02517985',
        reason: 'refund',
      }),
      { ...opts, reversal: true },
    );
    expect(op.type).toBe('print_refund');
    expect(op.original).toEqual({ slip_number: 85, document_id: '02517985/0000085', datetime: '2019-05-17T13:55:18' });
    expect(op.reason).toBe('refund');
  });

  it('requires the original receipt number and fiscal memory', () => {
    const d = erpReceiptDraft(parseLenientJson(blocks[7] ?? ''), { ...opts, reversal: true });
    expect(d).toMatchObject({ ok: false, code: 'E405', path: 'receiptNumber' });
  });
});

describe('ErpNet.FP cash and clock', () => {
  it('deposit/withdraw amounts in cents, positive only', () => {
    expect(erpCashOperation(parseLenientJson(blocks[18] ?? ''), 'deposit_cash')).toEqual({
      ok: true,
      operation: { type: 'deposit_cash', amount: 1234 },
    });
    expect(erpCashOperation(parseLenientJson('{"amount": 0}'), 'withdraw_cash')).toMatchObject({
      ok: false,
      code: 'E403',
      path: 'amount',
    });
  });

  it('datetime: local text kept, zoned text converted, empty = the hub clock', () => {
    expect(erpDateTimeOperation(parseLenientJson(blocks[24] ?? ''), new Date())).toEqual({
      ok: true,
      operation: { type: 'set_datetime', datetime: '2019-05-31T18:06:00' },
    });
    const now = new Date(2024, 0, 2, 3, 4, 5);
    expect(erpDateTimeOperation(parseLenientJson('{}'), now)).toEqual({
      ok: true,
      operation: { type: 'set_datetime', datetime: '2024-01-02T03:04:05' },
    });
    const zoned = erpDateTimeOperation(parseLenientJson(`{"deviceDateTime": "${now.toISOString()}"}`), new Date());
    expect(zoned).toEqual({ ok: true, operation: { type: 'set_datetime', datetime: '2024-01-02T03:04:05' } });
    expect(erpDateTimeOperation(parseLenientJson('{"deviceDateTime": "tomorrow"}'), now)).toMatchObject({
      ok: false,
      code: 'E403',
    });
  });
});
