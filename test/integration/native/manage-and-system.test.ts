/** /manage/*, /jobs, /health, /metrics, /openapi.json */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, waitFor, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close(true);
});

describe('/manage', () => {
  it('lists supported devices with models and connection types', async () => {
    const r = await t.get('/manage/get_supported_devices');
    const datecs = r.body.fiscal.find((m: any) => m.manufacturer === 'Datecs');
    expect(datecs.models.map((m: any) => m.model)).toEqual(expect.arrayContaining(['DP-25MX', 'FP-2000']));
    expect(r.body.pos[0].models[0].model).toBe('Simulated Terminal');
  });

  it('creates, updates and deletes a fiscal device; model names match loosely', async () => {
    const created = await t.post('/manage/save_fiscal_device', {
      name: 'Casa 2',
      manufacturer: 'fiscool',
      model: 'simulated',
      connection_details: { type: 'None' },
      options: { timing: 'zero', serial: 'SIM7654321' },
    });
    expect(created.body).toMatchObject({ status: 0, device: { id: expect.any(String), enabled: true } });
    const id = created.body.device.id;
    await waitFor(async () => (await t.get('/devices/fiscal')).body.fiscal_devices.some((d: any) => d.config.id === id && d.status === 'Connected'));
    const dev = (await t.get('/devices/fiscal')).body.fiscal_devices.find((d: any) => d.config.id === id);
    expect(dev.connected_device_id).toBe('SIM7654321');
    const printed = await t.post('/devices/operation', { device_id: id, operation: { type: 'print_x' } });
    expect(printed.body.status).toBe(0);
    const renamed = await t.post('/manage/save_fiscal_device', { ...created.body.device, name: 'Casa 2 bis' });
    expect(renamed.body.device.name).toBe('Casa 2 bis');
    expect((await t.post('/manage/delete_fiscal_device', { id })).body.status).toBe(0);
    expect((await t.get('/devices/fiscal')).body.fiscal_devices.some((d: any) => d.config.id === id)).toBe(false);
    expect((await t.post('/manage/delete_fiscal_device', { id })).status).toBe(404);
  });

  it('refuses bad device configs naming the field, and changes nothing', async () => {
    const before = (await t.get('/devices/fiscal')).body.fiscal_devices.length;
    const cases: Array<[unknown, RegExp]> = [
      [{ name: 'X', manufacturer: 'Acme', model: 'Z1', connection_details: { type: 'None' } }, /device\.model/],
      [{ name: 'X', manufacturer: 'Datecs', model: 'DP-25MX', connection_details: { type: 'None' } }, /connection_details\.type/],
      [{ name: 'X', manufacturer: 'Datecs', model: 'DP-25MX', connection_details: { type: 'Serial', details: { port: 'COM3', baud_rate: 7 } } }, /baud_rate/],
      [{ name: '', manufacturer: 'FisCool', model: 'Simulated', connection_details: { type: 'None' } }, /device\.name/],
      [{ name: 'X', manufacturer: 'FisCool', model: 'Simulated', connection_details: { type: 'None' }, linked_pos_device_id: '00000000-0000-4000-8000-000000000000' }, /linked_pos_device_id/],
    ];
    for (const [body, re] of cases) {
      const r = await t.post('/manage/save_fiscal_device', body);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatch(re);
    }
    expect((await t.get('/devices/fiscal')).body.fiscal_devices.length).toBe(before);
  });

  it('will not delete a terminal that a register is linked to', async () => {
    const r = await t.post('/manage/delete_pos_terminal', { id: t.posId });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('linked');
  });

  it('reads and saves settings, refusing unknown fields', async () => {
    const s = await t.get('/manage/settings');
    expect(s.body.settings).toMatchObject({ language: 'ro', api: { port: 10123, host: '127.0.0.1' } });
    expect((await t.post('/manage/save_settings', { language: 'en' })).body.settings.language).toBe('en');
    const dev = (await t.get('/devices/fiscal')).body.fiscal_devices[0];
    expect(dev.status_text).toBe('Connected');
    expect((await t.post('/manage/save_settings', { language: 'ro' })).body.status).toBe(0);
    const bad = await t.post('/manage/save_settings', { api: { port: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('settings.api.port');
    const unknown = await t.post('/manage/save_settings', { colour: 'blue' });
    expect(unknown.body.error).toContain('colour');
  });
});

describe('jobs, health, metrics, openapi', () => {
  it('GET /jobs and /jobs/:id show the journal', async () => {
    const r = await t.post('/devices/operation', { device_id: t.fiscalId, operation: { type: 'get_status' } });
    const job = await t.get(`/jobs/${r.body.job_id}`);
    expect(job.body).toMatchObject({ id: r.body.job_id, state: 'succeeded', device_id: t.fiscalId, result: { status: 0 } });
    const list = await t.get(`/jobs?device_id=${t.fiscalId}&state=succeeded&limit=5`);
    expect(list.body.jobs[0].id).toBe(r.body.job_id);
    expect((await t.get('/jobs?state=flying')).status).toBe(400);
    expect((await t.get('/jobs/nope')).status).toBe(404);
  });

  it('GET /health reports version, uptime, devices and journal size', async () => {
    const h = await t.get('/health');
    expect(h.body).toMatchObject({ version: expect.any(String), uptime_s: expect.any(Number), journal_bytes: expect.any(Number) });
    expect(h.body.devices.length).toBeGreaterThanOrEqual(2);
  });

  it('GET /metrics is Prometheus text with jobs, latencies and device status', async () => {
    const m = await t.get('/metrics');
    expect(m.text).toMatch(/^# HELP/m);
    expect(m.text).toMatch(new RegExp(`fiscool_jobs\\{device_id="${t.fiscalId}",state="succeeded"\\} \\d+`));
    expect(m.text).toMatch(/fiscool_operation_duration_seconds_bucket\{.*operation="get_status".*le="\+Inf"\} \d+/);
    expect(m.text).toMatch(/fiscool_device_status\{.*status="Connected"\} 1/);
  });

  it('GET /openapi.json documents the operations from the same schemas', async () => {
    const o = await t.get('/openapi.json');
    expect(o.body.openapi).toBe('3.1.0');
    const text = JSON.stringify(o.body.components.schemas.FiscalOperation);
    for (const type of ['print_receipt', 'print_z', 'je_report', 'get_device_info']) expect(text).toContain(type);
    expect(o.body.paths['/devices/operation'].post).toBeDefined();
  });

  it('unknown endpoints answer a JSON 404', async () => {
    const r = await t.get('/nope');
    expect(r.status).toBe(404);
    expect(r.body.status).toBe(404);
  });
});
