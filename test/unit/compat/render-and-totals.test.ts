import { describe, expect, it } from 'vitest';
import type { FiscalJobOperation, JobOutcome, JobRecord } from '../../../src-main/domain/jobs.js';
import { journalTotals } from '../../../src-main/doors/compat-shared/journal-totals.js';
import {
  buildReceiptOperation,
  mapOperationPath,
  stripOperationPath,
  type ReceiptDraft,
} from '../../../src-main/doors/compat-shared/receipt-draft.js';
import {
  ERPNET_ERROR_CODES,
  renderErpOutcome,
  statusMessages,
  taskStatus,
} from '../../../src-main/doors/erpnet/render.js';
import { failureText, totalsBody } from '../../../src-main/doors/ucsfphub/render.js';
import { DEVICE_ERRORS } from '../../../src-main/domain/error-codes.js';

let seq = 0;
function job(
  operation: Record<string, unknown> & { type: string },
  outcome: JobOutcome,
  state: JobRecord['state'] = outcome.ok ? 'succeeded' : 'failed',
): JobRecord & { outcome: JobOutcome } {
  seq++;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString();
  return {
    id: `job-${String(seq).padStart(4, '0')}`,
    device_id: 'd',
    device_kind: 'fiscal',
    source: 'erpnet',
    operation: operation as FiscalJobOperation,
    state,
    outcome,
    idempotency_key: null,
    attempts: 1,
    created_at: at,
    started_at: at,
    finished_at: at,
  };
}
const notSupported: JobOutcome = {
  ok: false,
  status: -509,
  code: 'NOT_SUPPORTED',
  error: DEVICE_ERRORS.NOT_SUPPORTED.ro,
};

describe('a reversal the register cannot do', () => {
  it("answers ErpNet.FP's error shape with a clear text (E412)", () => {
    const r = renderErpOutcome(job({ type: 'print_refund', lines: [] }, notSupported), 'ro');
    expect(r).toEqual({
      ok: false,
      messages: [{ type: 'error', code: 'E412', text: expect.stringContaining('nu poate tipări bonuri de retur') }],
    });
    expect(renderErpOutcome(job({ type: 'print_refund', lines: [] }, notSupported), 'en').messages[0]?.text).toContain(
      'cannot print reversal',
    );
  });

  it("answers UcsFPHub's Ok:false ErrorText with the same clear text", () => {
    expect(failureText(notSupported as Extract<JobOutcome, { ok: false }>, 'ro', true)).toContain(
      'nu poate tipări bonuri de retur',
    );
    // Not a reversal: the pipeline's own text, unchanged.
    expect(failureText(notSupported as Extract<JobOutcome, { ok: false }>, 'en', false)).toBe(
      DEVICE_ERRORS.NOT_SUPPORTED.ro,
    );
  });
});

describe('ErpNet.FP answers', () => {
  it('every FisCool device error has an ErpNet.FP code', () => {
    for (const code of Object.keys(DEVICE_ERRORS))
      expect(ERPNET_ERROR_CODES[code as keyof typeof DEVICE_ERRORS]).toMatch(/^E\d{3}$/);
  });

  it('receipts carry number (7 digits), date-time, amount and fiscal memory', () => {
    const j = job(
      { type: 'print_receipt' },
      {
        ok: true,
        msg: 'x',
        result: {
          slip_number: 85,
          total_cents: 3000,
          change_cents: 0,
          receipt_datetime: '2019-05-17T13:55:18',
          fiscal_serial: 'SIM1',
        },
      },
    );
    expect(renderErpOutcome(j, 'en', { fiscalMemoryId: '02517985' })).toEqual({
      ok: true,
      messages: [{ type: 'info', code: '', text: 'Receipt printed' }],
      receiptNumber: '0000085',
      receiptDateTime: '2019-05-17T13:55:18',
      receiptAmount: 30,
      fiscalMemorySerialNumber: '02517985',
    });
  });

  it("device errors keep the register's own code as an info message", () => {
    const r = renderErpOutcome(
      job(
        { type: 'print_x' },
        { ok: false, status: -500, code: 'PAPER_OUT', error: 'no paper', device_error: { code: -111, text: 'paper' } },
      ),
      'en',
    );
    expect(r).toEqual({
      ok: false,
      messages: [
        { type: 'error', code: 'E301', text: 'no paper' },
        { type: 'info', code: '', text: 'Register: -111 paper' },
      ],
    });
  });

  it("status: warnings and blocking conditions in the seed's code style", () => {
    const m = statusMessages(
      { paper: 'near_end', cover_open: true, receipt_open: false, hours_since_z: 25, fiscal_memory_free: 10, raw: {} },
      'en',
    );
    expect(m.map((x) => `${x.type}:${x.code ?? ''}`)).toEqual([
      'warning:W301',
      'error:E302',
      'error:E502',
      'warning:W201',
      'info:',
    ]);
  });

  it('task states', () => {
    expect(
      [undefined, 'queued', 'running', 'in_doubt', 'succeeded', 'failed'].map((s) => taskStatus(s as never)),
    ).toEqual(['unknown', 'enqueued', 'running', 'running', 'finished', 'finished']);
  });
});

describe('journal totals', () => {
  it('sum receipts, refunds, payments and cash since the last Z, up to a given job', () => {
    const item = (price: number, vat: string) => ({
      type: 'item',
      description: 'x',
      quantity_thousandths: 1000,
      unit_price_cents: price,
      vat,
    });
    const jobs = [
      job({ type: 'print_receipt', lines: [item(1000, 'A')] }, { ok: true, msg: '', result: {} }),
      job({ type: 'print_z' }, { ok: true, msg: '', result: { z_number: 1 } }),
      job({ type: 'deposit_cash', amount: 5000 }, { ok: true, msg: '', result: { cash_in_drawer_cents: 5000 } }),
      job(
        {
          type: 'print_receipt',
          lines: [item(1000, 'A'), item(500, 'B')],
          payments: [
            { method: 'card', amount_cents: 500 },
            { method: 'cash', amount_cents: 2000 },
          ],
        },
        { ok: true, msg: '', result: {} },
      ),
      job({ type: 'print_refund', lines: [item(300, 'B')] }, { ok: true, msg: '', result: {} }),
      job({ type: 'print_receipt', lines: [item(999, 'A')] }, notSupported),
      job({ type: 'withdraw_cash', amount: 1000 }, { ok: true, msg: '', result: { cash_in_drawer_cents: 5700 } }),
    ];
    const t = journalTotals(jobs);
    expect(t).toMatchObject({
      receipts: 2,
      sales_by_group: { A: 1000, B: 500 },
      refunds_by_group: { B: 300 },
      sales_cents: 1500,
      refunds_cents: 300,
      by_payment: { card: 500, cash: 1000 - 300 },
      deposits_cents: 5000,
      withdraws_cents: 1000,
      cash_cents: 5700,
      last_z_at: jobs[1]?.finished_at,
    });
    const upTo = journalTotals(jobs, jobs[3]);
    expect(upTo).toMatchObject({ receipts: 1, cash_cents: 5000 + 1000, withdraws_cents: 0 });
    const body = totalsBody(t, { A: 1900, B: 500 }, null, 'ro', '2026-01-01 00:00:02');
    expect(body.NumReceipts).toBe(2);
    expect((body.TotalsByTaxGroups as Array<Record<string, unknown>>)[1]).toEqual({
      TaxGroup: 2,
      VatRate: 5,
      VatPercent: 5,
      Amount: 5,
      Reversal: 3,
    });
    expect((body.TotalsByTaxGroups as Array<Record<string, unknown>>)[3]).toEqual({
      TaxGroup: 4,
      VatPercent: 0,
      Amount: 0,
      Reversal: 0,
    });
  });
});

describe('receipt drafts', () => {
  const draft = (texts: string[]): ReceiptDraft => ({
    refund: false,
    lines: [
      {
        type: 'item',
        path: 'Rows[0]',
        description: texts[0] ?? 'A',
        quantity_thousandths: 1000,
        unit_price_cents: 100,
        group: 'A',
      },
      ...texts.slice(1).map((t, i) => ({ type: 'text' as const, path: `Rows[${i + 1}]`, text: t })),
    ],
    payments: [],
  });

  it('refuse a text longer than the device prints, naming the row; cut it when asked', () => {
    const limits = { item_name: 10, text_line: 12 };
    expect(buildReceiptOperation(draft(['ABCDEFGHIJK']), limits, false)).toMatchObject({
      ok: false,
      path: 'Rows[0]',
      error: expect.stringContaining('at most 10'),
    });
    expect(buildReceiptOperation(draft(['A', 'x'.repeat(13)]), limits, false)).toMatchObject({
      ok: false,
      path: 'Rows[1]',
    });
    const cut = buildReceiptOperation(draft(['ABCDEFGHIJK', 'x'.repeat(13)]), limits, true);
    expect(cut.ok && cut.operation.lines).toEqual([
      { type: 'item', description: 'ABCDEFGHIJ', quantity_thousandths: 1000, unit_price_cents: 100, vat: 'A' },
      { type: 'text', text: 'x'.repeat(12) },
    ]);
  });

  it('a payment without an amount pays the rest; a second one is dropped', () => {
    const d = {
      ...draft(['A']),
      payments: [
        { path: 'p0', method: 'card' as const, amount_cents: 40 },
        { path: 'p1', method: 'cash' as const },
        { path: 'p2', method: 'other' as const },
      ],
    };
    const b = buildReceiptOperation(d, null, false);
    expect(b.ok && b.operation.payments).toEqual([
      { method: 'card', amount_cents: 40 },
      { method: 'cash', amount_cents: 60 },
    ]);
    expect(b.ok && b.paymentPaths).toEqual(['p0', 'p1']);
  });

  it("pipeline paths become the protocol's paths", () => {
    const built = { linePaths: ['UniqueSaleNo', 'Rows[0]', 'Rows[2]'], paymentPaths: ['Rows[3]'] };
    const names = { vat: 'TaxGroup', amount_cents: 'Amount' };
    expect(mapOperationPath('operation.lines[2].vat', built, names)).toBe('Rows[2].TaxGroup');
    expect(mapOperationPath('operation.payments[0].amount_cents', built, names)).toBe('Rows[3].Amount');
    expect(mapOperationPath('operation.payments', built, names)).toBe('payments');
    expect(stripOperationPath('operation.lines[2].vat: VAT group D is not programmed')).toBe(
      'VAT group D is not programmed',
    );
  });
});
