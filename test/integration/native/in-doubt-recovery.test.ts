/**
 * Deterministic recovery cases behind the crash test: a job left `running` by a dead hub is settled with the
 * register's counters at the next start — re-run when provably not printed, finished without printing when it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bodyHash } from '../../../src-main/pipeline/body-hash.js';
import { startTestHub, waitFor, type TestHub } from '../../helpers/hub.js';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close(true);
  t = null;
});

interface Reg {
  counters(): { receipt_number: number; z_number: number; receipt_open: boolean };
  openFiscalReceipt(o: object): unknown;
  sell(i: object): unknown;
  pay(m: string): unknown;
  closeReceipt(): unknown;
  readJournal(q: object): Array<{ kind: string; tag?: string }>;
}
const reg = (h: TestHub) => (h.hub.devices.fiscalRuntime(h.fiscalId)!.driver as unknown as { register: Reg }).register;

const op = {
  type: 'print_receipt',
  lines: [{ type: 'item', description: 'Lapte', quantity_thousandths: 1000, unit_price_cents: 650, vat: 'A' }],
};

/** Journal a job as the dead hub would have: queued, then running with the counters read just before. */
async function leaveRunningJob(h: TestHub, id: string): Promise<void> {
  const store = h.hub.jobs;
  store.insert({ id, device_id: h.fiscalId, device_kind: 'fiscal', source: 'http', operation: op, idempotency_key: `native:${id}`, body_hash: bodyHash(h.fiscalId, op) });
  const c = reg(h).counters();
  await store.markRunning(id, { ...c, cash_in_cents: 0, cash_out_cents: 0 });
}

async function restart(h: TestHub): Promise<TestHub> {
  const dir = h.dataDir;
  await h.close(false);
  return startTestHub({ dataDir: dir });
}

describe('jobs in doubt after a crash', () => {
  it('receipt half-printed (still open): cancelled, then printed exactly once', async () => {
    t = await startTestHub();
    await leaveRunningJob(t, 'job-open-1');
    reg(t).openFiscalReceipt({ tag: 'job-open-1' });
    reg(t).sell({ description: 'Lapte', quantity_thousandths: 1000, unit_price_cents: 650, vat_group: 'A' });
    const before = reg(t).counters().receipt_number;
    t = await restart(t);
    await waitFor(async () => (await t!.get('/jobs/job-open-1')).body.state === 'succeeded');
    expect(reg(t).counters()).toMatchObject({ receipt_number: before + 1, receipt_open: false });
    const docs = reg(t).readJournal({ range: { type: 'z_number', start: 1, end: 99 }, doc_type: 'all' });
    expect(docs.filter((d) => d.kind === 'fiscal_receipt' && d.tag === 'job-open-1')).toHaveLength(1);
    expect(docs.filter((d) => d.kind === 'voided')).toHaveLength(1);
  });

  it('receipt printed just before the crash: the counter moved, so it is finished without printing again', async () => {
    t = await startTestHub();
    await leaveRunningJob(t, 'job-done-1');
    const r = reg(t);
    r.openFiscalReceipt({ tag: 'job-done-1' });
    r.sell({ description: 'Lapte', quantity_thousandths: 1000, unit_price_cents: 650, vat_group: 'A' });
    r.pay('cash');
    r.closeReceipt();
    const after = r.counters().receipt_number;
    t = await restart(t);
    await waitFor(async () => (await t!.get('/jobs/job-done-1')).body.state === 'succeeded');
    const job = (await t.get('/jobs/job-done-1')).body;
    expect(job.result).toMatchObject({ status: 0, slip_number: after, total_cents: 650, reconciled: true });
    expect(reg(t).counters().receipt_number).toBe(after);
    // The client retrying with its key gets that outcome, and nothing prints.
    const retry = await t.post('/devices/operation', { device_id: t.fiscalId, operation: op }, { 'Idempotency-Key': 'job-done-1' });
    expect(retry.body).toMatchObject({ status: 0, slip_number: after });
  });

  it('nothing reached the register: the job simply runs', async () => {
    t = await startTestHub();
    await leaveRunningJob(t, 'job-none-1');
    const before = reg(t).counters().receipt_number;
    t = await restart(t);
    await waitFor(async () => (await t!.get('/jobs/job-none-1')).body.state === 'succeeded');
    expect(reg(t).counters().receipt_number).toBe(before + 1);
    expect((await t.get('/jobs/job-none-1')).body.attempts).toBe(2);
  });
});
