/**
 * The API additions the GUI stands on: device health, the per-request language header, journal filters and CSV,
 * the receipt preview, the options schemas of the catalogue, the serial-port list, the connection test and the
 * folder picker — all over real HTTP against a real hub.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import { startTestHub, tempDir, waitFor, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
const register = (): VirtualRegister =>
  (t.hub.devices.fiscalRuntime(t.fiscalId)!.driver as unknown as { register: VirtualRegister }).register;
const device = async () =>
  (await t.get('/devices/fiscal')).body.fiscal_devices.find((d: any) => d.config.id === t.fiscalId);
const op = (operation: unknown, headers: Record<string, string> = {}) =>
  t.post('/devices/operation', { device_id: t.fiscalId, operation }, headers);
const item = (price: number, extra: Record<string, unknown> = {}) => ({
  type: 'item',
  description: 'Pâine',
  quantity_thousandths: 1000,
  unit_price_cents: price,
  vat: 'A',
  ...extra,
});

beforeAll(async () => {
  t = await startTestHub({ probeMs: 100 });
});
afterAll(async () => {
  await t.close(true);
});

describe('device health', () => {
  it('paper out is in the device view and pushed with device_status before the next receipt; loading paper clears it', async () => {
    const pushed: any[] = [];
    const off = t.hub.events.on('device_status', (e) => pushed.push(e));
    try {
      expect((await device()).health).toMatchObject({ level: 'ok', problems: [] });
      register().injectFaults({ paper_out_at_line: 1 });
      expect((await op({ type: 'print_x' })).body).toMatchObject({ code: 'PAPER_OUT' });
      const h = (await device()).health;
      expect(h.level).toBe('error');
      expect(h.problems[0]).toEqual({ code: 'PAPER_OUT', severity: 'error' });
      expect(
        pushed.some((e) => e.device_id === t.fiscalId && e.health?.problems.some((p: any) => p.code === 'PAPER_OUT')),
      ).toBe(true);
      register().loadPaper();
      await waitFor(async () => (await device()).health.level === 'ok', 5000);
      expect(pushed.at(-1)).toMatchObject({ device_id: t.fiscalId, status: 'Connected', health: { level: 'ok' } });
    } finally {
      off();
    }
  });

  it('an open cover is read by the status probe without any job', async () => {
    register().injectFaults({ cover_open: true });
    await waitFor(async () => (await device()).health.problems.some((p: any) => p.code === 'COVER_OPEN'), 5000);
    register().closeCover();
    await waitFor(async () => (await device()).health.level === 'ok', 5000);
  });
});

describe('X-FisCool-Language', () => {
  it('renders device errors, success messages and status words in the asked language; without it the hub’s own', async () => {
    register().injectFaults({ paper_out_at_line: 1 });
    const key = { 'Idempotency-Key': `lang-${Date.now()}` };
    const ro = await op({ type: 'print_x' }, key);
    expect(ro.body).toMatchObject({ status: -500, code: 'PAPER_OUT', error: expect.stringMatching(/^Lipsă hârtie/) });
    const en = await op({ type: 'print_x' }, { ...key, 'X-FisCool-Language': 'en' });
    expect(en.body).toMatchObject({
      status: -500,
      job_id: ro.body.job_id,
      error: expect.stringMatching(/^The printer is out of paper/),
    });
    const az = await op({ type: 'print_x' }, { ...key, 'X-FisCool-Language': 'az' });
    expect(az.body.error).toMatch(/^Printerdə kağız qurtarıb/);
    // the replay without the header is still the first answer, byte for byte
    expect((await op({ type: 'print_x' }, key)).text).toBe(ro.text);
    const job = await t.get(`/jobs/${ro.body.job_id}`, { 'X-FisCool-Language': 'en' });
    expect(job.body.outcome.error).toMatch(/^The printer is out of paper/);
    expect(job.body.result.error).toMatch(/^The printer is out of paper/);
    expect((await t.get('/jobs?limit=1', { 'X-FisCool-Language': 'az' })).body.jobs[0].outcome.error).toMatch(
      /^Printerdə/,
    );
    register().loadPaper();
    await waitFor(async () => (await device()).health.level === 'ok', 5000);
    const ok = await op({ type: 'print_x' }, { 'X-FisCool-Language': 'en' });
    expect(ok.body).toMatchObject({ status: 0, msg: 'X report printed' });
    const list = await t.get('/devices/fiscal', { 'X-FisCool-Language': 'az' });
    expect(list.body.fiscal_devices[0].status_text).toBe('Qoşulub');
    expect((await t.get('/devices/fiscal')).body.fiscal_devices[0].status_text).toBe('Conectat');
    expect((await t.get('/manage/settings')).body.settings.language).toBe('ro');
  });

  it('a language it does not know is a 400 naming the header, and nothing runs', async () => {
    const before = (await t.get('/jobs?limit=1000')).body.jobs.length;
    const r = await op({ type: 'print_x' }, { 'X-FisCool-Language': 'de' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/^X-FisCool-Language: must be ro, en or az/);
    expect((await t.get('/jobs?limit=1000')).body.jobs.length).toBe(before);
  });

  it('a refused field comes back with its path', async () => {
    const r = await op({ type: 'print_receipt', lines: [item(100, { quantity_thousandths: 0 })] });
    expect(r.status).toBe(400);
    expect(r.body.path).toBe('operation.lines[0].quantity_thousandths');
  });
});

describe('journal filters and CSV', () => {
  it('filters by door, state and period, and exports the same rows as CSV', async () => {
    await op({ type: 'print_receipt', lines: [item(1234)] });
    const all = (await t.get(`/jobs?device_id=${t.fiscalId}&limit=1000`)).body.jobs;
    const http = (await t.get('/jobs?source=http&state=succeeded&limit=1000')).body.jobs;
    expect(http.length).toBeGreaterThan(0);
    expect(http.every((j: any) => j.source === 'http' && j.state === 'succeeded')).toBe(true);
    expect((await t.get('/jobs?source=inp')).body.jobs).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await t.get(`/jobs?from=${today}&limit=1000`)).body.jobs.length).toBe(all.length);
    expect((await t.get('/jobs?to=2000-01-01')).body.jobs).toEqual([]);
    expect((await t.get('/jobs?source=fax')).body.error).toMatch(/^source: must be one of/);
    expect((await t.get('/jobs?from=yesterday')).body.error).toMatch(/^from: must be a date/);
    const csv = await t.get(`/jobs/export.csv?device_id=${t.fiscalId}&state=succeeded`);
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'job_id,created_at,started_at,finished_at,device_id,device_name,source,operation,state,receipt_number,total,code,message',
    );
    const receiptRow = lines.find((l) => l.includes(',print_receipt,'))!;
    expect(receiptRow).toContain(',12.34,');
    expect(receiptRow).toContain('Casă de marcat simulată');
    expect(lines.length - 1).toBe(all.filter((j: any) => j.state === 'succeeded').length);
  });
});

describe('POST /devices/preview', () => {
  it('gives the hub’s totals with discounts, what is still due and the change, queueing nothing', async () => {
    const before = (await t.get('/jobs?limit=1000')).body.jobs.length;
    const operation = {
      type: 'print_receipt',
      lines: [
        item(1000, { quantity_thousandths: 2000, discount: { kind: 'percent', basis_points: 1000 } }),
        item(550, { vat: 'B' }),
        { type: 'subtotal', discount: { kind: 'amount', amount_cents: 50 } },
      ],
      payments: [{ method: 'card', amount_cents: 1000 }],
    };
    const p = await t.post('/devices/preview', { device_id: t.fiscalId, operation });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({
      status: 0,
      total_cents: 2300,
      paid_cents: 1000,
      due_cents: 1300,
      change_cents: 0,
      non_cash_exceeds_total: false,
    });
    const cash = await t.post('/devices/preview', {
      device_id: t.fiscalId,
      operation: { ...operation, payments: [...operation.payments, { method: 'cash', amount_cents: 2000 }] },
    });
    expect(cash.body).toMatchObject({ due_cents: 0, change_cents: 700 });
    const bad = await t.post('/devices/preview', {
      device_id: t.fiscalId,
      operation: { type: 'print_receipt', lines: [item(100, { vat: 'H' })] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.path).toBe('operation.lines[0].vat');
    expect((await t.get('/jobs?limit=1000')).body.jobs.length).toBe(before);
  });
});

describe('device editor support', () => {
  it('the catalogue carries each family’s options schema and a wrong option is refused naming it', async () => {
    const cat = (await t.get('/manage/get_supported_devices')).body;
    const dp25 = cat.fiscal
      .find((m: any) => m.manufacturer === 'Datecs')
      .models.find((m: any) => m.model === 'DP-25MX');
    expect(dp25.options.properties).toMatchObject({
      protocol: { enum: ['auto', 'x', 'classic'] },
      operator: { type: 'integer', minimum: 1, maximum: 30 },
      operator_password: { type: 'string' },
      till: { type: 'integer' },
      text_width: { type: 'integer', minimum: 16, maximum: 64 },
    });
    const sim = cat.fiscal.find((m: any) => m.manufacturer === 'FisCool').models[0];
    expect(sim.options.properties.timing).toBeDefined();
    const r = await t.post('/manage/save_fiscal_device', {
      name: 'Datecs lată',
      manufacturer: 'Datecs',
      model: 'DP-25MX',
      connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: 1 } },
      options: { text_width: 200 },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/^device\.options\.text_width:/);
  });

  it('lists the machine’s serial ports', async () => {
    const r = await t.get('/manage/serial_ports');
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body.ports)).toBe(true);
    for (const p of r.body.ports) expect(typeof p.path).toBe('string');
  });

  it('tests a connection: the running register, an unsaved simulated one, and a Datecs that is not there', async () => {
    const cfg = (await device()).config;
    expect((await t.post('/manage/test_connection', cfg)).body).toMatchObject({
      status: 0,
      via: 'running',
      serial: expect.any(String),
    });
    const fresh = await t.post('/manage/test_connection', {
      name: 'Nouă',
      manufacturer: 'FisCool',
      model: 'Simulated',
      connection_details: { type: 'None' },
      options: { serial: 'SIM0000042' },
    });
    expect(fresh.body).toMatchObject({ status: 0, via: 'probe', serial: 'SIM0000042', vat_rates: { A: 2100 } });
    const absent = await t.post('/manage/test_connection', {
      name: 'Lipsă',
      manufacturer: 'Datecs',
      model: 'DP-25MX',
      connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: 9 } },
    });
    expect(absent.body).toMatchObject({ status: -1, code: 'DEVICE_UNREACHABLE' });
    expect((await t.post('/manage/test_connection', { name: '' })).status).toBe(400);
    expect((await t.get('/devices/fiscal')).body.fiscal_devices).toHaveLength(1);
  }, 30_000);

  it('the folder picker lists sub-folders only, and refuses a path that is not a folder', async () => {
    const root = tempDir('fiscool-folders-');
    mkdirSync(join(root, 'Bonuri'));
    mkdirSync(join(root, 'Arhiva'));
    const r = await t.get(`/manage/folders?path=${encodeURIComponent(root)}`);
    expect(r.body).toMatchObject({ status: 0, path: root, folders: [{ name: 'Arhiva' }, { name: 'Bonuri' }] });
    expect(r.body.parent).toBeTruthy();
    const missing = await t.get(`/manage/folders?path=${encodeURIComponent(join(root, 'nu-exista'))}`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/^path: cannot open/);
  });
});
