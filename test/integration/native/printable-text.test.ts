/**
 * Text a register cannot print is refused before anything is queued, naming the field: real Romanian registers
 * print Windows-1250 only. The simulated register prints any Unicode (so the Bulgarian seed examples run on it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
let datecsId: string;
beforeAll(async () => {
  t = await startTestHub();
  // Nothing listens on this port: validation must refuse before the (unreachable) register is involved.
  const port = await freePort();
  const saved = await t.post('/manage/save_fiscal_device', {
    name: 'Casa Datecs',
    manufacturer: 'Datecs',
    model: 'DP-25MX',
    connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port } },
  });
  datecsId = saved.body.device.id;
});
afterAll(async () => {
  await t.close(true);
});

const receipt = (device_id: string, description: string) => ({
  device_id,
  operation: { type: 'print_receipt', lines: [{ type: 'item', description, quantity_thousandths: 1000, unit_price_cents: 100, vat: 'A' }] },
});

describe('printable text', () => {
  it('an emoji on a Datecs register: 400 naming the field and the character; no job', async () => {
    const before = (await t.get('/jobs?limit=1000')).body.jobs.length;
    const r = await t.post('/devices/operation', receipt(datecsId, 'Cafea ☕'));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/operation\.lines\[0\]\.description: "☕" \(U\+2615\) cannot be printed/);
    expect((await t.get('/jobs?limit=1000')).body.jobs.length).toBe(before);
  });

  it('Cyrillic in non-fiscal text on a Datecs register: 400 naming the line', async () => {
    const r = await t.post('/devices/operation', { device_id: datecsId, operation: { type: 'print_non_fiscal', lines: ['ok', 'Привет'] } });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('operation.lines[1]');
  });

  it('Romanian text in either ș/ț form passes validation (the register is then simply unreachable)', async () => {
    const r = await t.post('/devices/operation', receipt(datecsId, 'Pâine și țuică, ş/ţ'));
    expect(r.status).toBe(200);
    expect(r.body.code).toBe('DEVICE_UNREACHABLE');
  });

  it('the simulated register prints any Unicode', async () => {
    const r = await t.post('/devices/operation', receipt(t.fiscalId, 'Продукт ☕'));
    expect(r.body.status).toBe(0);
  });
});
