/**
 * auto_send_card_to_pos with the built-in simulated terminal (in-process): the linked charge, declines and a
 * silent terminal print nothing, a failed print voids the charge; card refunds without an original are
 * unreferenced (this terminal can), a refund whose receipt fails is voided; terminal operations through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardReceipt, startLinkedHub, type LinkedHub } from './linked-hub.js';

let h: LinkedHub;
beforeAll(async () => {
  h = await startLinkedHub({ family: 'simulated', posOptions: { timeout_ms: 300 } });
});
afterAll(async () => {
  await h.close();
});

const post = (body: unknown) => h.t.post('/devices/operation', body);
const posJobs = async (): Promise<any[]> => (await h.t.get(`/jobs?device_id=${h.posId}&limit=200`)).body.jobs;
const refundReceipt = (cents: number, original?: number) => ({
  device_id: h.fiscalId,
  operation: {
    type: 'print_refund',
    lines: [{ type: 'item', description: 'Cizme', quantity_thousandths: 1000, unit_price_cents: cents, vat: 'A' }],
    payments: [{ method: 'card', amount_cents: cents }],
    ...(original !== undefined ? { original: { slip_number: original } } : {}),
  },
});

describe('card payments through the simulated terminal', () => {
  it('an approved card prints the receipt and returns the card result', async () => {
    const r = await post(cardReceipt(h.fiscalId, 12_345));
    expect(r.body).toMatchObject({ status: 0, pos: { approved: true, amount_cents: 12_345 } });
  });

  it('a declined card answers POS_DECLINED and prints nothing', async () => {
    const before = h.receipts().length;
    const r = await post(cardReceipt(h.fiscalId, 10_051));
    expect(r.body).toMatchObject({ status: -510, code: 'POS_DECLINED' });
    expect(r.body.error).toContain('Bonul nu a fost tipărit');
    expect(h.receipts().length).toBe(before);
  });

  it('a terminal that never answers: POS_UNREACHABLE, nothing printed, and the sale is not retried', async () => {
    const before = h.receipts().length;
    const salesBefore = (await posJobs()).filter((j) => j.operation.type === 'sale').length;
    const r = await post(cardReceipt(h.fiscalId, 10_052));
    expect(r.body).toMatchObject({ status: -511, code: 'POS_UNREACHABLE' });
    expect(h.receipts().length).toBe(before);
    expect((await posJobs()).filter((j) => j.operation.type === 'sale').length).toBe(salesBefore + 1);
  });

  it('paper out after the card was charged: the charge is voided and the caller is told PAPER_OUT', async () => {
    h.register().injectFaults({ paper_out_at_line: 2 });
    const r = await post(cardReceipt(h.fiscalId, 777));
    h.register().loadPaper();
    expect(r.body).toMatchObject({ status: -500, code: 'PAPER_OUT', pos_void: { state: 'voided' } });
    const voids = (await posJobs()).filter((j) => j.operation.type === 'void' && j.idempotency_key === `job:${r.body.job_id}:pos-void`);
    expect(voids).toHaveLength(1);
    expect(voids[0].state).toBe('succeeded');
    expect((await post(cardReceipt(h.fiscalId, 500))).body.status).toBe(0);
  });

  it('card refunds: referenced to the original receipt, or unreferenced (this terminal can); a failed refund receipt voids the refund', async () => {
    const sold = await post(cardReceipt(h.fiscalId, 6000));
    const ref = await post(refundReceipt(1500, sold.body.slip_number));
    expect(ref.body).toMatchObject({ status: 0, pos: { approved: true, kind: 'refund', amount_cents: 1500 } });
    expect(h.terminalLog().find((t) => t.reference === `refund-${ref.body.job_id}`)).toMatchObject({ original_rrn: sold.body.pos.rrn });
    const unref = await post(refundReceipt(900));
    expect(unref.body).toMatchObject({ status: 0, pos: { approved: true, kind: 'refund' } });
    expect(h.terminalLog().find((t) => t.reference === `refund-${unref.body.job_id}`)?.original_rrn).toBeUndefined();
    h.register().injectFaults({ paper_out_at_line: 2 });
    const failed = await post(refundReceipt(800));
    h.register().loadPaper();
    expect(failed.body).toMatchObject({ code: 'PAPER_OUT', pos_void: { state: 'voided' } });
  });

  it('terminal operations: void of the last payment, status inquiry, settlement with the batch totals', async () => {
    const sale = await post({ device_id: h.posId, operation: { type: 'sale', amount: 2000 } });
    expect(sale.body).toMatchObject({ status: 0, approved: true, reference: sale.body.job_id });
    expect((await post({ device_id: h.posId, operation: { type: 'transaction_status', reference: sale.body.job_id } })).body).toMatchObject({ state: 'approved', reversed: false });
    expect((await post({ device_id: h.posId, operation: { type: 'void' } })).body).toMatchObject({ status: 0, approved: true });
    expect((await post({ device_id: h.posId, operation: { type: 'transaction_status', reference: sale.body.job_id } })).body).toMatchObject({ state: 'approved', reversed: true });
    const s = await post({ device_id: h.posId, operation: { type: 'settlement' } });
    expect(s.body).toMatchObject({ status: 0, batch_number: 1 });
    expect(s.body.count).toBeGreaterThan(0);
    expect((await post({ device_id: h.posId, operation: { type: 'transaction_status' } })).status).toBe(400);
  });
});
