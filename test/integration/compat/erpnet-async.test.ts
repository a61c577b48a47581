/** ErpNet.FP tasks on a register with realistic timing: asyncTimeout turns a slow print into a task. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, receiptsPrinted, startHub, tempDataDir, type Running } from './harness.js';

const items = Array.from({ length: 12 }, (_, i) => ({ text: `Item ${i + 1}`, quantity: 1, unitPrice: 1, taxGroup: 1 }));

describe('ErpNet.FP asyncTimeout on a slow register', () => {
  const d = tempDataDir();
  let r: Running;
  beforeAll(async () => {
    r = await startHub(d.dir, { options: { timing: 'realistic' } });
  });
  afterAll(async () => {
    await r.stop();
    d.remove();
  });

  it('returns the task id after asyncTimeout ms, then taskinfo follows the task to its result', async () => {
    const t0 = Date.now();
    const a = (
      await http('POST', `${r.erpUrl}/printers/dt279013/receipt?asyncTimeout=20`, JSON.stringify({ items }))
    ).json() as { taskId?: string };
    expect(Date.now() - t0).toBeLessThan(2000); // not the 29 s synchronous limit
    expect(typeof a.taskId).toBe('string');
    const seen = new Set<string>();
    let info: { taskStatus: string; result?: Record<string, unknown> } = { taskStatus: 'unknown' };
    for (let i = 0; i < 1000 && info.taskStatus !== 'finished'; i++) {
      info = (await http('GET', `${r.erpUrl}/printers/taskinfo?id=${a.taskId}`)).json() as typeof info;
      seen.add(info.taskStatus);
      await new Promise((res) => setTimeout(res, 5));
    }
    expect(seen.has('running') || seen.has('enqueued')).toBe(true);
    expect(info).toMatchObject({ taskStatus: 'finished', result: { ok: true, receiptAmount: 12 } });
    expect(await receiptsPrinted(r)).toBe(1);
  });

  it('without asyncTimeout the request waits for the register and answers the receipt', async () => {
    const t0 = Date.now();
    const a = (await http('POST', `${r.erpUrl}/printers/dt279013/receipt`, JSON.stringify({ items }))).json();
    expect(a).toMatchObject({ ok: true, receiptNumber: '0000002', receiptAmount: 12 });
    expect(Date.now() - t0).toBeGreaterThan(100);
  });
});
