/**
 * Every example request of seeds/000_77b54842978e0afd.txt (the FisCool HTTP API) against the simulated register,
 * checked against the seed's response shapes. The seed's own VAT table (A=19%, B=5%, C=0%) is programmed first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_VAT_RATES } from '../../../src-main/domain/vat.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ vatRates: SEED_VAT_RATES });
});
afterAll(async () => {
  await t.close(true);
});

const op = (operation: unknown, device_id = t.fiscalId) => t.post('/devices/operation', { device_id, operation });

describe('seed 000 — system information endpoints', () => {
  it('GET / answers the plain-text banner', async () => {
    const r = await t.get('/');
    expect(r.status).toBe(200);
    expect(r.text).toBe('FisCool API Server running.');
  });

  it('GET /devices/fiscal has the seed shape', async () => {
    const r = await t.get('/devices/fiscal');
    expect(r.status).toBe(200);
    const d = r.body.fiscal_devices[0];
    // The seed's fields, plus FisCool's `health` (paper, cover, Z due, … — docs/api.md).
    expect(Object.keys(d).sort()).toEqual(['config', 'connected_device_id', 'health', 'status', 'status_text', 'vat_rates']);
    expect(d.health).toMatchObject({ level: 'ok', problems: [] });
    expect(d.config).toMatchObject({
      id: t.fiscalId,
      name: expect.any(String),
      manufacturer: expect.any(String),
      model: expect.any(String),
      connection_details: { type: expect.any(String) },
      enabled: true,
      auto_send_card_to_pos: true,
      linked_pos_device_id: t.posId,
    });
    expect(d.status).toBe('Connected');
    expect(d.status_text).toBe('Conectat');
    expect(d.vat_rates).toEqual({ A: 1900, B: 500, C: 0 });
    expect(typeof d.connected_device_id).toBe('string');
  });

  it('GET /devices/pos has the seed shape', async () => {
    const r = await t.get('/devices/pos');
    const p = r.body.pos_terminals[0];
    expect(p.config).toMatchObject({ id: t.posId, name: expect.any(String), manufacturer: 'FisCool', enabled: true });
    expect(p.status).toBe('Connected');
    expect(p.status_text).toBe('Conectat');
    expect(typeof p.connected_device_id).toBe('string');
  });
});

describe('seed 000 — complete examples', () => {
  it('Example 1: print a simple receipt', async () => {
    const r = await op({
      type: 'print_receipt',
      lines: [
        { type: 'item', description: 'Cafea Espresso', quantity_thousandths: 1000, unit_price_cents: 850, vat: '19%', um: 'buc' },
        { type: 'text', text: 'Mulțumim pentru cumpărături!' },
      ],
      payments: [{ method: 'cash', amount_cents: 850 }],
      flags: { is_invoice: false },
      close_action: 'close',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 0, msg: expect.any(String), slip_number: expect.any(Number), total_cents: 850, change_cents: 0 });
    expect(r.body.slip_number).toBeGreaterThan(0);
    expect(r.body.fiscal_serial).toBe((await t.get('/devices/fiscal')).body.fiscal_devices[0].connected_device_id);
  });

  it('Example 2 as written: the buyer code RO12345678 fails its check digit and nothing is charged or printed', async () => {
    const before = (await t.get('/jobs?limit=1000')).body.jobs.length;
    const r = await op({
      type: 'print_receipt',
      lines: [{ type: 'item', description: 'Servicii Consultanță IT', quantity_thousandths: 1000, unit_price_cents: 120000, vat: '19%' }],
      payments: [{ method: 'card', amount_cents: 120000 }],
      buyer: { vat_number: 'RO12345678' },
      flags: { is_invoice: true },
      close_action: 'close',
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ status: 400, error: expect.stringContaining('operation.buyer.vat_number') });
    expect((await t.get('/jobs?limit=1000')).body.jobs.length).toBe(before);
  });

  it('Example 2 with a valid CUI: the linked terminal is charged, then the invoice receipt prints', async () => {
    const r = await op({
      type: 'print_receipt',
      lines: [{ type: 'item', description: 'Servicii Consultanță IT', quantity_thousandths: 1000, unit_price_cents: 120000, vat: '19%' }],
      payments: [{ method: 'card', amount_cents: 120000 }],
      buyer: { vat_number: 'RO12345674' },
      flags: { is_invoice: true },
      close_action: 'close',
    });
    expect(r.body).toMatchObject({ status: 0, total_cents: 120000, slip_number: expect.any(Number) });
    expect(r.body.pos).toMatchObject({ approved: true, auth_code: expect.any(String), rrn: expect.any(String) });
  });

  it('Example 3: print Z report', async () => {
    const r = await op({ type: 'print_z' });
    expect(r.body).toMatchObject({ status: 0, z_number: expect.any(Number) });
    expect(r.body.totals.by_vat_group).toBeTypeOf('object');
  });

  it('Example 4: cash deposit (amount in cents)', async () => {
    const r = await op({ type: 'deposit_cash', amount: 5000 });
    expect(r.body).toMatchObject({ status: 0, cash_in_drawer_cents: expect.any(Number) });
    expect(r.body.cash_in_drawer_cents).toBeGreaterThanOrEqual(5000);
  });

  it('Example 5: POS sale', async () => {
    const r = await op({ type: 'sale', amount: 2500 }, t.posId);
    expect(r.body).toMatchObject({ status: 0, approved: true, rrn: expect.any(String), terminal_id: expect.any(String) });
  });

  it('Example 6: JE report by date, read line by line', async () => {
    const r = await op({
      type: 'je_report',
      range: { type: 'date', start: '2024-01-01', end: '2024-01-31' },
      doc_type: 'fiscal_receipts',
      output_mode: 'read_line_by_line',
    });
    expect(r.body).toMatchObject({ status: 0, lines: [] });
    const today = new Date().toISOString().slice(0, 10);
    const r2 = await op({ type: 'je_report', range: { type: 'date', start: '2024-01-01', end: today }, doc_type: 'fiscal_receipts', output_mode: 'read_line_by_line' });
    expect(r2.body.status).toBe(0);
    expect(r2.body.lines.join('\n')).toContain('Cafea Espresso');
  });

  it('the cURL / JavaScript / Python example receipt', async () => {
    const r = await op({
      type: 'print_receipt',
      lines: [{ type: 'item', description: 'Test', quantity_thousandths: 1000, unit_price_cents: 100, vat: '19%' }],
      payments: [{ method: 'cash', amount_cents: 100 }],
      flags: { is_invoice: false },
      close_action: 'close',
    });
    expect(r.body).toMatchObject({ status: 0, slip_number: expect.any(Number) });
    const coffee = await op({
      type: 'print_receipt',
      lines: [{ type: 'item', description: 'Coffee', quantity_thousandths: 1000, unit_price_cents: 250, vat: '19%' }],
      payments: [{ method: 'cash', amount_cents: 250 }],
      flags: { is_invoice: false },
      close_action: 'close',
    });
    expect(coffee.body.slip_number).toBe(r.body.slip_number + 1);
  });
});

describe('seed 000 — response formats', () => {
  it('device error: paper out answers HTTP 200 with status -500 and the seed text', async () => {
    const driver = t.hub.devices.fiscalRuntime(t.fiscalId)!.driver as unknown as { register: { injectFaults(f: object): void; loadPaper(): void } };
    driver.register.injectFaults({ paper_out_at_line: 1 });
    const r = await op({
      type: 'print_receipt',
      lines: [{ type: 'item', description: 'Test', quantity_thousandths: 1000, unit_price_cents: 100, vat: '19%' }],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: -500, code: 'PAPER_OUT', error: expect.stringContaining('Lipsă hârtie în imprimantă') });
    driver.register.loadPaper();
    const after = await op({ type: 'get_status' });
    expect(after.body).toMatchObject({ status: 0, paper: 'ok', receipt_open: false });
  });

  it('404 for an unknown device', async () => {
    const r = await op({ type: 'print_z' }, 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ status: 404, error: 'Device not found: a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' });
  });

  it('400 for a missing or mistyped device_id', async () => {
    const r = await t.post('/devices/operation', { device_id: 42, operation: { type: 'print_z' } });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('device_id');
  });

  it('Idempotency-Key: the original result is returned without re-executing', async () => {
    const body = {
      device_id: t.fiscalId,
      operation: {
        type: 'print_receipt',
        lines: [{ type: 'item', description: 'Test', quantity_thousandths: 1000, unit_price_cents: 100, vat: '19%' }],
      },
    };
    const a = await t.post('/devices/operation', body, { 'Idempotency-Key': 'receipt-2024-01-15-001' });
    const b = await t.post('/devices/operation', body, { 'Idempotency-Key': 'receipt-2024-01-15-001' });
    expect(a.body.status).toBe(0);
    expect(b.text).toBe(a.text);
  });
});
