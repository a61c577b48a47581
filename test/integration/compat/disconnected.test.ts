/** A register that stops answering: both doors say so in their own shapes, quickly, and print nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, startHub, tempDataDir, type Running } from './harness.js';

type FaultPanel = { register: { injectFaults(p: { disconnected?: boolean }): void } };

describe('a disconnected register', () => {
  const d = tempDataDir();
  let r: Running;
  const panel = () => r.hub.devices.fiscalRuntime(r.deviceId)?.driver as unknown as FaultPanel;
  const connected = () => r.hub.devices.readiness(r.deviceId).ready;
  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 500 && !ok(); i++) await new Promise((res) => setTimeout(res, 10));
    expect(ok()).toBe(true);
  };
  beforeAll(async () => {
    r = await startHub(d.dir);
    panel().register.injectFaults({ disconnected: true });
    await until(() => !connected());
  });
  afterAll(async () => {
    await r.stop();
    d.remove();
  });

  it('ErpNet.FP status answers E101 with the reason, UcsFPHub DeviceStatusCode "failed"', async () => {
    const t0 = Date.now();
    const e = (await http('GET', `${r.erpUrl}/printers/dt525860/status`)).json();
    expect(e).toMatchObject({
      ok: false,
      messages: [{ type: 'error', code: 'E101', text: expect.stringContaining('nu răspunde') }],
    });
    const u = (await http('GET', `${r.ucsUrl}/printers/DT518315/status`)).json();
    expect(u).toMatchObject({
      Ok: false,
      DeviceStatusCode: 'failed',
      ErrorText: expect.stringContaining('nu răspunde'),
    });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("a receipt sent meanwhile is refused at once in each protocol's shape, and nothing is queued to print later", async () => {
    const t0 = Date.now();
    const u = await http('POST', `${r.ucsUrl}/printers/DT518315/receipt`, '{ "Rows": [ ["Pâine", 3.5] ] }');
    expect(u.json()).toMatchObject({ Ok: false, ErrorText: expect.stringContaining('nu răspunde') });
    const e = await http(
      'POST',
      `${r.erpUrl}/printers/dt279013/receipt`,
      JSON.stringify({ items: [{ text: 'Pâine', unitPrice: 3.5, taxGroup: 1 }] }),
    );
    const eb = e.json() as { ok: boolean; messages: Array<Record<string, string>> };
    expect(eb.ok).toBe(false);
    expect(eb.messages[0]).toMatchObject({ type: 'error', code: 'E101' });
    expect(Date.now() - t0).toBeLessThan(5000);
    const open = r.hub.operations
      .listJobs({ device_id: r.deviceId, limit: 50 })
      .filter((j) => j.state === 'queued' || j.state === 'running');
    expect(open).toEqual([]);
  });

  it('comes back when the register answers again', async () => {
    panel().register.injectFaults({ disconnected: false });
    await until(connected);
    const u = (await http('GET', `${r.ucsUrl}/printers/DT518315/status`)).json();
    expect(u).toMatchObject({ Ok: true, DeviceStatusCode: 'ready', DeviceStatus: '' });
  });
});
