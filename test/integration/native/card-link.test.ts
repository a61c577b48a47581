/** auto_send_card_to_pos: the linked terminal is charged first; declines print nothing; failed prints void the charge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, waitFor, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  // A short answer timeout for the simulated terminal's "never answers" rule.
  const pos = t.hub.devices.getPos(t.posId)!.config;
  await t.post('/manage/save_pos_terminal', { ...pos, options: { ...pos.options, timeout_ms: 300 } });
  await waitFor(async () => (await t.get('/devices/pos')).body.pos_terminals[0].status === 'Connected');
});
afterAll(async () => {
  await t.close(true);
});

const register = () =>
  (t.hub.devices.fiscalRuntime(t.fiscalId)!.driver as unknown as {
    register: { counters(): { receipt_number: number }; injectFaults(f: object): void; loadPaper(): void };
  }).register;

const cardReceipt = (cents: number) => ({
  device_id: t.fiscalId,
  operation: {
    type: 'print_receipt',
    lines: [{ type: 'item', description: 'Cizme', quantity_thousandths: 1000, unit_price_cents: cents, vat: 'A' }],
    payments: [{ method: 'card', amount_cents: cents }],
  },
});

async function posJobs(): Promise<any[]> {
  return (await t.get(`/jobs?device_id=${t.posId}&limit=100`)).body.jobs;
}

describe('card payments through the linked terminal', () => {
  it('an approved card prints the receipt and returns the card result', async () => {
    const r = await t.post('/devices/operation', cardReceipt(12_345));
    expect(r.body).toMatchObject({ status: 0, pos: { approved: true, amount_cents: 12_345 } });
  });

  it('a declined card answers POS_DECLINED and prints nothing', async () => {
    const before = register().counters().receipt_number;
    const r = await t.post('/devices/operation', cardReceipt(10_051));
    expect(r.body).toMatchObject({ status: -510, code: 'POS_DECLINED' });
    expect(r.body.error).toContain('Bonul nu a fost tipărit');
    expect(register().counters().receipt_number).toBe(before);
  });

  it('a terminal that never answers: POS_UNREACHABLE, nothing printed, and the sale is not retried', async () => {
    const before = register().counters().receipt_number;
    const salesBefore = (await posJobs()).filter((j) => j.operation.type === 'sale').length;
    const r = await t.post('/devices/operation', cardReceipt(10_052));
    expect(r.body).toMatchObject({ status: -511, code: 'POS_UNREACHABLE' });
    expect(register().counters().receipt_number).toBe(before);
    expect((await posJobs()).filter((j) => j.operation.type === 'sale').length).toBe(salesBefore + 1);
  });

  it('paper out after the card was charged: the charge is voided and the caller is told PAPER_OUT', async () => {
    register().injectFaults({ paper_out_at_line: 2 });
    const r = await t.post('/devices/operation', cardReceipt(777));
    register().loadPaper();
    expect(r.body).toMatchObject({ status: -500, code: 'PAPER_OUT' });
    const jobs = await posJobs();
    const voids = jobs.filter((j) => j.operation.type === 'void' && j.idempotency_key === `job:${r.body.job_id}:pos-void`);
    expect(voids).toHaveLength(1);
    expect(voids[0].state).toBe('succeeded');
    // The next receipt prints normally (the open one was cleared).
    expect((await t.post('/devices/operation', cardReceipt(500))).body.status).toBe(0);
  });
});
