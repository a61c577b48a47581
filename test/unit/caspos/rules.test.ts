/** Caspos validation before queueing: the VAT letter table, percentages by VAT type, advances, the arithmetic. */
import { describe, expect, it } from 'vitest';
import { CasposOperation } from '../../../src-main/domain/operations-caspos.js';
import { checkCasposOperation } from '../../../src-main/drivers/caspos/rules.js';
import { resolveCasposVat } from '../../../src-main/drivers/caspos/vat.js';
import { DEFAULT_VAT_TYPES } from '../../../src-main/protocols/caspos/tables.js';

const check = (o: unknown, table = DEFAULT_VAT_TYPES) => checkCasposOperation(CasposOperation.parse(o) as never, table);
const item = (extra: Record<string, unknown> = {}) => ({
  type: 'item',
  description: 'Un',
  quantity_thousandths: 1000,
  unit_price_cents: 100,
  vat: 'A',
  ...extra,
});

describe('Caspos VAT', () => {
  it('a letter is the table’s; a percentage is the type the law gives it, under whichever letter the table uses', () => {
    expect(resolveCasposVat('a', DEFAULT_VAT_TYPES)).toEqual({ group: 'A' });
    expect(resolveCasposVat('18%', DEFAULT_VAT_TYPES)).toEqual({ group: 'A' });
    expect(resolveCasposVat('18.00 %', { A: 2, B: 1 })).toEqual({ group: 'B' });
    expect(resolveCasposVat('0%', DEFAULT_VAT_TYPES)).toEqual({ group: 'D' }); // ƏDV 0 %, not VAT-free (C)
    expect(resolveCasposVat('2%', DEFAULT_VAT_TYPES)).toEqual({ group: 'E' });
    expect(resolveCasposVat('8,00%', DEFAULT_VAT_TYPES)).toEqual({ group: 'F' });
    expect(resolveCasposVat('19%', DEFAULT_VAT_TYPES)).toMatchObject({
      error: expect.stringMatching(/does not exist on Caspos/),
    });
    expect(resolveCasposVat('H', DEFAULT_VAT_TYPES)).toMatchObject({
      error: expect.stringMatching(/A=ƏDV 18% \(vatType 1\)/),
    });
  });

  it('validation replaces every VAT spec by the device’s letter', () => {
    const r = check({
      type: 'print_receipt',
      lines: [item({ vat: '18%' }), item({ vat: '0%' }), { type: 'text', text: 'x' }],
    });
    expect(r).toMatchObject({ ok: true, operation: { lines: [{ vat: 'A' }, { vat: 'D' }, { type: 'text' }] } });
    const rb = check({
      type: 'rollback',
      original: { document_id: 'x' },
      total_cents: 100,
      payments: [{ method: 'cash', amount_cents: 100 }],
      vat_amounts: [{ vat: '8%', amount_cents: 100 }],
    });
    expect(rb).toMatchObject({ ok: true, operation: { vat_amounts: [{ vat: 'F', amount_cents: 100 }] } });
  });
});

describe('Caspos documents', () => {
  it('an advance: an amount and a VAT, or goods of one VAT whose total it is', () => {
    const pay = [{ method: 'cash', amount_cents: 300 }];
    expect(check({ type: 'prepayment', amount_cents: 300, vat: '18%', payments: pay })).toMatchObject({
      ok: true,
      operation: { vat: 'A', amount_cents: 300 },
    });
    expect(check({ type: 'prepayment', amount_cents: 300, payments: pay })).toEqual({
      ok: false,
      path: 'operation.vat',
      message: 'is required when there are no lines',
    });
    expect(
      check({ type: 'prepayment', lines: [item(), item({ unit_price_cents: 200 })], payments: pay }),
    ).toMatchObject({ ok: true, operation: { amount_cents: 300, vat: 'A' } });
    expect(check({ type: 'prepayment', lines: [item(), item({ vat: 'C' })], payments: pay })).toMatchObject({
      ok: false,
      path: 'operation.lines',
    });
    expect(
      check({ type: 'prepayment', amount_cents: 250, lines: [item(), item({ unit_price_cents: 200 })], payments: pay }),
    ).toMatchObject({ ok: false, path: 'operation.amount_cents' });
    expect(
      check({ type: 'prepayment', amount_cents: 300, vat: 'A', payments: [{ method: 'credit', amount_cents: 300 }] }),
    ).toMatchObject({ ok: false, path: 'operation.payments[0].method' });
  });

  it('receipt arithmetic as everywhere: payments cover the total, non-cash never above it', () => {
    expect(
      check({ type: 'print_receipt', lines: [item()], payments: [{ method: 'cash', amount_cents: 50 }] }),
    ).toMatchObject({ ok: false, path: 'operation.payments' });
    expect(
      check({
        type: 'credit_sale',
        lines: [item()],
        payments: [{ method: 'credit', amount_cents: 150 }],
        credit: { contract: 'A', payer: 'B' },
      }),
    ).toMatchObject({ ok: false, path: 'operation.payments' });
    expect(
      check({
        type: 'prepaid_sale',
        prepayment_document_id: 'p',
        lines: [item()],
        payments: [{ method: 'credit', amount_cents: 100 }],
      }),
    ).toMatchObject({ ok: false, path: 'operation.payments' });
    expect(
      check({
        type: 'correction',
        first_operation_at: '2024-01-02T00:00:00Z',
        last_operation_at: '2024-01-01T00:00:00Z',
        payments: [{ method: 'cash', amount_cents: 1 }],
        vat: 'A',
      }),
    ).toMatchObject({ ok: false, path: 'operation.last_operation_at' });
    expect(check({ type: 'print_receipt', lines: [item({ code_type: 'ean13', barcode: '123' })] })).toMatchObject({
      ok: false,
      path: 'operation.lines[0].barcode',
    });
    expect(check({ type: 'print_receipt', lines: [item({ um: 'KQ' }), item({ um: 'buc' })] })).toMatchObject({
      ok: true,
    });
  });
});
