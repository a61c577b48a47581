/**
 * Receipts paid by card on a register linked to a Viva terminal (the emulator over a real port), through the
 * whole hub: charge first, print with the approval, decline prints nothing, a failed print voids the charge or
 * leaves a pending void, refunds go back to the card, a payment in progress can be aborted.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from '../../helpers/hub.js';
import { cardReceipt, saleReference, startLinkedHub, type LinkedHub } from './linked-hub.js';

let h: LinkedHub;
const terminalDir = tempDir('fiscool-viva-log-');
beforeAll(async () => {
  h = await startLinkedHub({ terminalStateDir: terminalDir });
});
afterAll(async () => {
  await h.close();
  rmSync(terminalDir, { recursive: true, force: true });
});
beforeEach(() => {
  h.emu!.setFaults({ hang: false, drop: false, busy: false, answer_lost_ms: 3000 });
  h.emu!.setDelays({ card_ms: 0, pin_ms: 0, auth_ms: 0 });
  h.register().loadPaper();
});

const post = (body: unknown, key?: string) => h.t.post('/devices/operation', body, key ? { 'idempotency-key': key } : {});
const receiptsOf = (jobId: string) => h.receipts().filter((d) => d.tag === jobId);
const chargeOf = (jobId: string) => h.terminalLog().filter((t) => t.merchant_reference === saleReference(jobId));
const reversed = (jobId: string) => {
  const sale = chargeOf(jobId).find((t) => t.state === 'approved');
  return sale ? h.emu!.terminal.isReversed(sale.txid) : false;
};

describe('card payments on a linked Viva terminal', () => {
  it('charges the card first, then prints the receipt with the card and its approval', async () => {
    const r = await post(cardReceipt(h.fiscalId, 12_345));
    expect(r.body).toMatchObject({ status: 0, pos: { approved: true, amount_cents: 12_345, kind: 'sale' } });
    const [sale] = chargeOf(r.body.job_id);
    expect(sale).toMatchObject({ state: 'approved', amount_cents: 12_345, rrn: r.body.pos.rrn });
    const [doc, ...more] = receiptsOf(r.body.job_id);
    expect(more).toEqual([]);
    const text = doc!.lines.join('\n');
    expect(text).toContain(`RRN ${sale!.rrn}`);
    expect(text).toContain(`AUT ${sale!.auth_code}`);
    expect(text).toMatch(/PLATA CARD (VISA|MASTERCARD) \*\*\*\*\d{4}/);
  });

  it('a declined card prints nothing and answers POS_DECLINED with the terminal answer', async () => {
    const before = h.receipts().length;
    const r = await post(cardReceipt(h.fiscalId, 10_051));
    expect(r.body).toMatchObject({ status: -510, code: 'POS_DECLINED', pos: { approved: false, outcome: 'declined' } });
    expect(r.body.device_error.text).toMatch(/insufficient/i);
    expect(h.receipts().length).toBe(before);
  });

  it('cancelled by the customer, no card presented in time, a busy terminal: the matching code, nothing printed', async () => {
    const before = h.receipts().length;
    expect((await post(cardReceipt(h.fiscalId, 10_053))).body.code).toBe('POS_CANCELLED');
    expect((await post(cardReceipt(h.fiscalId, 10_054))).body.code).toBe('POS_TIMEOUT');
    h.emu!.setFaults({ busy: true });
    expect((await post(cardReceipt(h.fiscalId, 1000))).body.code).toBe('POS_BUSY');
    expect(h.receipts().length).toBe(before);
  });

  it('an approval whose answer was lost is found by the status inquiry and the receipt prints once', async () => {
    h.emu!.setFaults({ answer_lost_ms: 1000 });
    const r = await post(cardReceipt(h.fiscalId, 10_055));
    expect(r.body).toMatchObject({ status: 0, pos: { approved: true, reconciled: true } });
    expect(receiptsOf(r.body.job_id)).toHaveLength(1);
    expect(chargeOf(r.body.job_id).map((t) => t.state)).toEqual(['approved']);
  });

  it('the terminal does not confirm in time: nothing printed, POS_NOT_CONFIRMED; when it answers, the charge is voided', async () => {
    await h.setPosOptions({ in_doubt_wait_ms: 300 });
    try {
      h.emu!.setFaults({ answer_lost_ms: 4000 });
      const r = await post(cardReceipt(h.fiscalId, 20_055));
      expect(r.body).toMatchObject({ status: -517, code: 'POS_NOT_CONFIRMED' });
      expect(receiptsOf(r.body.job_id)).toEqual([]);
      const listed = (await h.t.get('/pos/pending-voids')).body.pending_voids;
      expect(listed).toEqual([expect.objectContaining({ receipt_job_id: r.body.job_id, state: 'checking' })]);
      await waitFor(() => reversed(r.body.job_id), 20_000);
      await waitFor(async () => (await h.t.get('/pos/pending-voids')).body.pending_voids.length === 0, 10_000);
    } finally {
      await h.setPosOptions({ in_doubt_wait_ms: 6000 });
    }
  }, 40_000);

  it('paper out after the approval: the charge is voided on the terminal and the answer says so', async () => {
    h.register().injectFaults({ paper_out_at_line: 2 });
    const r = await post(cardReceipt(h.fiscalId, 777));
    expect(r.body).toMatchObject({ status: -500, code: 'PAPER_OUT', pos: { approved: true }, pos_void: { state: 'voided', amount_cents: 777 } });
    expect(reversed(r.body.job_id)).toBe(true);
    expect(receiptsOf(r.body.job_id)).toEqual([]);
    h.register().loadPaper();
    expect((await post(cardReceipt(h.fiscalId, 500))).body.status).toBe(0);
  });

  it('paper out and the void cannot reach the terminal: a pending void (journal, API, event), retried once the terminal is back', async () => {
    const events: any[] = [];
    const off = h.t.hub.events.on('pos_pending_void', (e) => events.push(e));
    try {
      h.register().injectFaults({ paper_out_at_line: 2 });
      // The hub learns the approval, then the terminal stops answering before the void.
      const offJob = h.t.hub.events.on('job', (e) => {
        if (e.operation_type === 'sale' && e.state === 'succeeded') h.emu!.setFaults({ hang: true });
      });
      const r = await post(cardReceipt(h.fiscalId, 888));
      offJob();
      expect(r.body).toMatchObject({ code: 'PAPER_OUT', pos_void: { state: 'pending', amount_cents: 888 } });
      expect(r.body.error).toContain('Anulări în așteptare');
      const pending = async () => (await h.t.get('/pos/pending-voids')).body.pending_voids as any[];
      expect(await pending()).toEqual([
        expect.objectContaining({ receipt_job_id: r.body.job_id, kind: 'sale', amount_cents: 888, rrn: r.body.pos.rrn, state: 'failed' }),
      ]);
      expect(events.some((e) => e.receipt_job_id === r.body.job_id && e.state === 'failed')).toBe(true);
      expect(reversed(r.body.job_id)).toBe(false);
      // Retried while the terminal is still silent: fails again, stays listed.
      const again = await h.t.post(`/pos/pending-voids/${r.body.job_id}/retry`, {});
      expect(again.status).toBe(200);
      await waitFor(async () => (await pending())[0]?.void_job_id === again.body.void_job_id && (await pending())[0]?.state === 'failed', 10_000);
      h.emu!.setFaults({ hang: false });
      h.register().loadPaper();
      const retried = await h.t.post(`/pos/pending-voids/${r.body.job_id}/retry`, {});
      expect(retried.status).toBe(200);
      await waitFor(() => reversed(r.body.job_id), 10_000);
      await waitFor(async () => (await pending()).length === 0, 10_000);
      expect(h.t.hub.jobs.get(retried.body.void_job_id)?.idempotency_key).toBe(`job:${r.body.job_id}:pos-void:3`);
      expect(receiptsOf(r.body.job_id)).toEqual([]);
    } finally {
      off();
    }
  }, 60_000);

  it('the terminal loses power in the middle of the void: asked when it is back, it voided nothing; FisCool voids again by itself', async () => {
    h.register().injectFaults({ paper_out_at_line: 2 });
    // The hub learns the approval; the void that follows is cut short by a power loss of the terminal (back in 1.5 s).
    const offJob = h.t.hub.events.on('job', (e) => {
      if (e.operation_type === 'sale' && e.state === 'succeeded') h.emu!.setFaults({ power_cut_at: 'processing', power_down_ms: 1500 });
    });
    const r = await post(cardReceipt(h.fiscalId, 1212));
    offJob();
    expect(r.body).toMatchObject({ code: 'PAPER_OUT', pos: { approved: true } });
    await waitFor(() => reversed(r.body.job_id), 30_000);
    const pending = async () => (await h.t.get('/pos/pending-voids')).body.pending_voids as any[];
    await waitFor(async () => (await pending()).length === 0, 10_000);
    // The first void: the terminal's own record says interrupted (nothing done); the second one voided the sale.
    const voidJob = (key: string) => h.t.hub.jobs.list({ limit: 200 }).find((j) => j.idempotency_key === key);
    expect(voidJob(`job:${r.body.job_id}:pos-void`)).toMatchObject({ state: 'failed', outcome: { code: 'POS_UNREACHABLE', pos: { approved: false } } });
    expect(voidJob(`job:${r.body.job_id}:pos-void:2`)?.state).toBe('succeeded');
    const sale = chargeOf(r.body.job_id).find((t) => t.state === 'approved')!;
    expect(h.terminalLog().filter((t) => t.original_txid === sale.txid).map((t) => t.state)).toEqual(['interrupted', 'approved']);
    expect(receiptsOf(r.body.job_id)).toEqual([]);
  }, 60_000);

  it('a pending void settled by hand on the terminal is marked resolved and leaves the list', async () => {
    h.register().injectFaults({ paper_out_at_line: 2 });
    const offJob = h.t.hub.events.on('job', (e) => {
      if (e.operation_type === 'sale' && e.state === 'succeeded') h.emu!.setFaults({ hang: true });
    });
    const r = await post(cardReceipt(h.fiscalId, 999));
    offJob();
    h.emu!.setFaults({ hang: false });
    expect(r.body.pos_void).toMatchObject({ state: 'pending' });
    expect((await h.t.post(`/pos/pending-voids/${r.body.job_id}/resolve`, { note: 42 })).status).toBe(400);
    expect((await h.t.post(`/pos/pending-voids/${r.body.job_id}/resolve`, { note: 'anulat de pe terminal' })).status).toBe(200);
    expect((await h.t.get('/pos/pending-voids')).body.pending_voids).toEqual([]);
    expect((await h.t.post(`/pos/pending-voids/${r.body.job_id}/retry`, {})).status).toBe(404);
  });

  it('a refund receipt paid by card refunds that card payment on the terminal, then prints', async () => {
    const sold = await post(cardReceipt(h.fiscalId, 5000));
    const r = await post({
      device_id: h.fiscalId,
      operation: {
        type: 'print_refund',
        lines: [{ type: 'item', description: 'Cizme', quantity_thousandths: 1000, unit_price_cents: 2000, vat: 'A' }],
        payments: [{ method: 'card', amount_cents: 2000 }],
        original: { slip_number: sold.body.slip_number },
      },
    });
    expect(r.body).toMatchObject({ status: 0, pos: { approved: true, kind: 'refund', amount_cents: 2000 } });
    const saleTx = h.terminalLog().find((t) => t.rrn === sold.body.pos.rrn)!;
    const refund = h.terminalLog().find((t) => t.merchant_reference === `refund-${r.body.job_id}`);
    expect(refund).toMatchObject({ kind: 'refund', state: 'approved', amount_cents: 2000, original_txid: saleTx.txid });
    expect(h.receipts().filter((d) => d.tag === r.body.job_id && d.kind === 'refund')).toHaveLength(1);
  });

  it('a card refund without the original payment: Viva cannot, so nothing is refunded and nothing printed', async () => {
    const before = h.terminalLog().length;
    const r = await post({
      device_id: h.fiscalId,
      operation: {
        type: 'print_refund',
        lines: [{ type: 'item', description: 'Cizme', quantity_thousandths: 1000, unit_price_cents: 900, vat: 'A' }],
        payments: [{ method: 'card', amount_cents: 900 }],
      },
    });
    expect(r.body).toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(r.body.error).toContain('original.slip_number');
    expect(h.terminalLog().length).toBe(before);
    expect(h.receipts().filter((d) => d.tag === r.body.job_id)).toEqual([]);
  });

  it('a payment in progress is aborted from the till: the receipt answers POS_CANCELLED; status shows the terminal busy meanwhile', async () => {
    h.emu!.setDelays({ card_ms: 5000 });
    const running = post(cardReceipt(h.fiscalId, 1900));
    await h.emu!.waitForStage('waiting_for_card');
    expect((await post({ device_id: h.posId, operation: { type: 'get_status' } })).body).toMatchObject({ status: 0, online: true, busy: true });
    const abort = await post({ device_id: h.posId, operation: { type: 'abort' } });
    expect(abort.body).toMatchObject({ status: 0, requested: true, in_progress: true });
    const r = await running;
    expect(r.body).toMatchObject({ code: 'POS_CANCELLED' });
    expect(receiptsOf(r.body.job_id)).toEqual([]);
  });
});

describe('terminal operations through the API', () => {
  it('sale, status inquiry by reference, void of the last payment (named from the journal), refusal of settlement', async () => {
    const sale = await post({ device_id: h.posId, operation: { type: 'sale', amount: 4200, reference: 'till-7-0042' } });
    expect(sale.body).toMatchObject({ status: 0, approved: true, reference: 'till-7-0042' });
    const q = await post({ device_id: h.posId, operation: { type: 'transaction_status', reference: 'till-7-0042' } });
    expect(q.body).toMatchObject({ status: 0, state: 'approved', transaction: { rrn: sale.body.rrn } });
    const v = await post({ device_id: h.posId, operation: { type: 'void' } });
    expect(v.body).toMatchObject({ status: 0, approved: true, voided: { rrn: sale.body.rrn } });
    const tx = h.terminalLog().find((t) => t.rrn === sale.body.rrn)!;
    expect(h.emu!.terminal.isReversed(tx.txid)).toBe(true);
    const s = await post({ device_id: h.posId, operation: { type: 'settlement' } });
    expect(s.body).toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(s.body.error).toContain('settlement');
    expect((await post({ device_id: h.posId, operation: { type: 'refund', amount: 100 } })).body.code).toBe('NOT_SUPPORTED');
  });
});
