/** ErpNet.FP door behaviour beyond the seed's examples: async tasks, errors in the seed's shape, settings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, patchSection, startHub, tempDataDir, type Running } from './harness.js';

const receipt = (items: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ items, ...extra });
const cheese = { text: 'Cheese', quantity: 1, unitPrice: 12, taxGroup: 2 };

describe('ErpNet.FP door', () => {
  const d = tempDataDir();
  let r: Running;
  let url = '';
  beforeAll(async () => {
    r = await startHub(d.dir);
    url = `${r.erpUrl}/printers/dt279013`;
  });
  afterAll(async () => {
    await r.stop();
    d.remove();
  });

  it('lists the register under its lower-case serial number and its aliases', async () => {
    const serial = r.hub.devices.getFiscal(r.deviceId)?.identity?.serial ?? '';
    const list = (await http('GET', `${r.erpUrl}/printers`)).json() as Record<string, { serialNumber: string }>;
    expect(list[serial.toLowerCase()]?.serialNumber).toBe(serial);
    expect(list.office1?.serialNumber).toBe(serial);
    const one = await http('GET', `${r.erpUrl}/printers/${serial.toLowerCase()}`);
    expect((one.json() as { serialNumber: string }).serialNumber).toBe(serial);
  });

  it('answers an unknown printer with 404 in the seed shape', async () => {
    const a = await http('POST', `${r.erpUrl}/printers/xx000000/receipt`, receipt([cheese]));
    expect(a.status).toBe(404);
    expect(a.json()).toMatchObject({
      ok: false,
      messages: [{ type: 'error', code: expect.stringMatching(/^E\d{3}$/), text: expect.stringContaining('xx000000') }],
    });
  });

  it('asyncTimeout=N waits for a quick task and returns its result', async () => {
    const a = (await http('POST', `${url}/receipt?asyncTimeout=5000`, receipt([cheese]))).json() as Record<
      string,
      unknown
    >;
    expect(a).toMatchObject({ ok: true, receiptAmount: 12 });
    expect(a.taskId).toBeUndefined();
  });

  it('taskinfo of an id nobody used is "unknown"', async () => {
    expect((await http('GET', `${r.erpUrl}/printers/taskinfo?id=never-used`)).json()).toEqual({
      taskStatus: 'unknown',
    });
  });

  it('a tax group the register lacks is E411 naming the item', async () => {
    const a = (
      await http('POST', `${url}/receipt`, receipt([cheese, { text: 'Wine', quantity: 1, unitPrice: 20, taxGroup: 4 }]))
    ).json();
    expect(a).toMatchObject({
      ok: false,
      messages: [{ type: 'error', code: 'E411', text: expect.stringContaining('items[1].taxGroup') }],
    });
    expect((a as { messages: Array<{ text: string }> }).messages[0]?.text).toContain('D');
  });

  it('amounts with more decimals than cents are E403, not rounded', async () => {
    const a = (await http('POST', `${url}/receipt`, receipt([{ ...cheese, unitPrice: 12.345 }]))).json();
    expect(a).toMatchObject({
      ok: false,
      messages: [{ code: 'E403', text: expect.stringContaining('items[0].unitPrice') }],
    });
  });

  it('a name longer than the register prints is E407 naming the item, or cut when truncate_text is on', async () => {
    const long = 'X'.repeat(80);
    const a = (await http('POST', `${url}/receipt`, receipt([{ ...cheese, text: long }]))).json();
    expect(a).toMatchObject({ ok: false, messages: [{ code: 'E407', text: expect.stringContaining('items[0]') }] });
    patchSection(r.hub, 'erpnet', { truncate_text: true });
    try {
      const b = (await http('POST', `${url}/receipt`, receipt([{ ...cheese, text: long }]))).json();
      expect(b).toMatchObject({ ok: true });
      const job = r.hub.operations.listJobs({ device_id: r.deviceId, limit: 1 })[0];
      const lines = (job?.operation as any).lines as Array<{ description?: string }>;
      expect(lines.find((l) => l.description)?.description?.length).toBe(72);
    } finally {
      patchSection(r.hub, 'erpnet', { truncate_text: false });
    }
  });

  it('the unique sale number is printed as a text line, or left out by setting', async () => {
    await http('POST', `${url}/receipt`, receipt([cheese], { uniqueSaleNumber: 'DT279013-DD01-0000009' }));
    let job = r.hub.operations.listJobs({ device_id: r.deviceId, limit: 1 })[0];
    expect((job?.operation as any).lines).toContainEqual({ type: 'text', text: 'Nr. unic vânzare: DT279013-DD01-0000009' });
    patchSection(r.hub, 'erpnet', { unique_sale_number: 'ignore' });
    try {
      await http('POST', `${url}/receipt`, receipt([cheese], { uniqueSaleNumber: 'DT279013-DD01-0000010' }));
      job = r.hub.operations.listJobs({ device_id: r.deviceId, limit: 1 })[0];
      expect(JSON.stringify(job?.operation)).not.toContain('DT279013-DD01-0000010');
    } finally {
      patchSection(r.hub, 'erpnet', { unique_sale_number: 'print' });
    }
  });

  it('payments: card then the rest in cash; non-cash above the total is refused', async () => {
    const a = (
      await http(
        'POST',
        `${url}/receipt`,
        receipt([cheese], { payments: [{ amount: 5, paymentType: 'card' }, { paymentType: 'cash' }] }),
      )
    ).json();
    expect(a).toMatchObject({ ok: true, receiptAmount: 12 });
    const job = r.hub.operations.listJobs({ device_id: r.deviceId, limit: 1 })[0];
    expect((job?.operation as any).payments).toEqual([
      { method: 'card', amount_cents: 500 },
      { method: 'cash', amount_cents: 700 },
    ]);
    const b = (
      await http('POST', `${url}/receipt`, receipt([cheese], { payments: [{ amount: 50, paymentType: 'card' }] }))
    ).json();
    expect(b).toMatchObject({ ok: false, messages: [{ type: 'error', code: 'E403' }] });
  });

  it('duplicate and reset run on the register', async () => {
    expect((await http('POST', `${url}/duplicate`)).json()).toMatchObject({ ok: true });
    expect((await http('POST', `${url}/reset`)).json()).toMatchObject({ ok: true });
    const types = r.hub.operations.listJobs({ device_id: r.deviceId, limit: 2 }).map((j) => j.operation.type);
    expect(types.sort()).toEqual(['cancel_receipt', 'print_duplicate']);
  });

  it('a body that is not JSON is a 400 in the seed shape; device errors are 200 with ok:false', async () => {
    const a = await http('POST', `${url}/receipt`, '{"items": [');
    expect(a.status).toBe(400);
    expect(a.json()).toMatchObject({ ok: false, messages: [{ type: 'error', code: 'E401' }] });
    const w = await http('POST', `${url}/withdraw`, JSON.stringify({ amount: 99999 }));
    expect(w.status).toBe(200);
    const body = w.json() as { ok: boolean; messages: Array<Record<string, string>> };
    expect(body.ok).toBe(false);
    expect(body.messages[0]).toMatchObject({
      type: 'error',
      code: expect.stringMatching(/^E\d{3}$/),
      text: expect.any(String),
    });
  });
});
