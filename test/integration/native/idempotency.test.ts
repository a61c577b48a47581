/** Idempotency-Key semantics of spec/native-api.md: replay, wait-for-running, 422, survives a restart. */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close(true);
  t = null;
});

function receiptsFor(hub: TestHub): number {
  const reg = (hub.hub.devices.fiscalRuntime(hub.fiscalId)!.driver as unknown as { register: { counters(): { receipt_number: number } } }).register;
  return reg.counters().receipt_number;
}

const body = (id: string, price = 100) => ({
  device_id: id,
  operation: { type: 'print_receipt', lines: [{ type: 'item', description: 'Apă plată', quantity_thousandths: 1000, unit_price_cents: price, vat: 'A' }] },
});

describe('Idempotency-Key', () => {
  it('64 parallel duplicates print once and all get the byte-identical answer', async () => {
    t = await startTestHub();
    const hub = t;
    // A slow register makes the duplicates arrive while the first is still running.
    const cfg = hub.hub.devices.getFiscal(hub.fiscalId)!.config;
    await hub.post('/manage/save_fiscal_device', { ...cfg, options: { ...cfg.options, timing: { baud: 0, per_line_ms: 5, per_command_ms: 1 } } });
    await new Promise((r) => setTimeout(r, 300));
    const before = receiptsFor(hub);
    const answers = await Promise.all(Array.from({ length: 64 }, () => hub.post('/devices/operation', body(hub.fiscalId), { 'Idempotency-Key': 'dup-1' })));
    expect(answers.every((a) => a.status === 200 && a.text === answers[0]!.text)).toBe(true);
    expect(answers[0]!.body.status).toBe(0);
    expect(receiptsFor(hub) - before).toBe(1);
  });

  it('the same key with a different body is a 422 and prints nothing', async () => {
    t = await startTestHub();
    const a = await t.post('/devices/operation', body(t.fiscalId, 100), { 'Idempotency-Key': 'k-422' });
    expect(a.body.status).toBe(0);
    const before = receiptsFor(t);
    const b = await t.post('/devices/operation', body(t.fiscalId, 200), { 'Idempotency-Key': 'k-422' });
    expect(b.status).toBe(422);
    expect(b.body).toMatchObject({ status: 422, error: expect.stringContaining('different') });
    expect(receiptsFor(t)).toBe(before);
  });

  it('keys survive a restart of the hub: the replay is byte-identical and the register is not touched', async () => {
    t = await startTestHub();
    const dataDir = t.dataDir;
    const first = await t.post('/devices/operation', body(t.fiscalId), { 'Idempotency-Key': 'restart-1' });
    expect(first.body.status).toBe(0);
    await t.close(false);
    t = await startTestHub({ dataDir });
    const before = receiptsFor(t);
    const again = await t.post('/devices/operation', body(t.fiscalId), { 'Idempotency-Key': 'restart-1' });
    expect(again.text).toBe(first.text);
    expect(receiptsFor(t)).toBe(before);
    const job = await t.get(`/jobs/${first.body.job_id}`);
    expect(job.body).toMatchObject({ state: 'succeeded', idempotency_key: 'native:restart-1' });
  });

  it('a request without a key runs every time', async () => {
    t = await startTestHub();
    const before = receiptsFor(t);
    await t.post('/devices/operation', body(t.fiscalId));
    await t.post('/devices/operation', body(t.fiscalId));
    expect(receiptsFor(t) - before).toBe(2);
  });
});
