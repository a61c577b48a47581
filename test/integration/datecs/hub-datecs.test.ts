/**
 * A Datecs register inside the whole hub (in-process, port 0): the device shows Connected / Disconnected in
 * GET /devices/fiscal within a few seconds of a change, and receipts go through the native HTTP door, with the
 * VAT percentage mapped to the register's own group letter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatecsEmulator, type RunningDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let em: RunningDatecsEmulator;
let th: TestHub;
let deviceId: string;
const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-hub-datecs-'));

const statusOf = async (): Promise<string> => {
  const r = await th.get('/devices/fiscal');
  const d = (r.body as { fiscal_devices: Array<{ config: { id: string }; status: string }> }).fiscal_devices.find((x) => x.config.id === deviceId);
  return d?.status ?? 'missing';
};
const waitStatus = async (want: string, ms: number): Promise<number> => {
  const t0 = Date.now();
  while ((await statusOf()) !== want) {
    if (Date.now() - t0 > ms) throw new Error(`device did not become ${want} within ${ms} ms (is ${await statusOf()})`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - t0;
};

beforeAll(async () => {
  em = await startDatecsEmulator({ protocol: 'x', stateDir: path.join(dir, 'register') });
  th = await startTestHub({ dataDir: path.join(dir, 'hub'), probeMs: 200 });
  const saved = await th.post('/manage/save_fiscal_device', {
    name: 'Casa Datecs',
    manufacturer: 'Datecs',
    model: 'DP-25MX',
    connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: em.tcp?.port ?? 0 } },
    enabled: true,
    options: { reconnect_initial_ms: 50, reconnect_max_ms: 500 },
  });
  expect(saved.body.status).toBe(0);
  deviceId = saved.body.device.id as string;
});

afterAll(async () => {
  await th?.close(true);
  await em?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Datecs register in the hub', () => {
  it('shows Connected, prints a receipt through POST /devices/operation with "21%" mapped to group A', async () => {
    await waitStatus('Connected', 5000);
    const r = await th.post('/devices/operation', {
      device_id: deviceId,
      operation: {
        type: 'print_receipt',
        lines: [
          { type: 'item', description: 'Cafea', quantity_thousandths: 2000, unit_price_cents: 850, vat: '21%' },
          { type: 'item', description: 'Cornuleț', quantity_thousandths: 1000, unit_price_cents: 400, vat: '11%' },
        ],
        payments: [{ method: 'cash', amount_cents: 3000 }],
      },
    });
    expect(r.body.status).toBe(0);
    expect(r.body.total_cents).toBe(2100);
    expect(r.body.change_cents).toBe(900);
    const doc = em.register.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'fiscal_receipts' }).at(-1);
    expect(doc?.number).toBe(r.body.slip_number);
    expect(doc?.total_cents).toBe(2100);
  });

  it('goes Disconnected within a few seconds when the register drops off, Connected again when it is back', async () => {
    em.tcp?.disconnect(1500);
    const down = await waitStatus('Disconnected', 5000);
    const up = await waitStatus('Connected', 8000);
    expect(down).toBeLessThan(5000);
    expect(up).toBeLessThan(8000);
    const r = await th.post('/devices/operation', { device_id: deviceId, operation: { type: 'get_status' } });
    expect(r.body.status).toBe(0);
    expect(r.body.receipt_open).toBe(false);
  });
});
