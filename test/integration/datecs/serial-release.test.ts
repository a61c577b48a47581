/**
 * Closing a serial link releases the port: after detection, after saving a device unchanged (its driver restarts)
 * and after delete + re-add, the same pty opens again — for the hub's own driver and for anybody else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDatecs } from '../../../src-main/drivers/datecs/detect.js';
import { startDatecsEmulator, type RunningDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import { openSerial } from '../../../src-main/transports/serial.js';
import { startTestHub, waitFor, type TestHub } from '../../helpers/hub.js';
import { openPtyPair, type PtyPair } from '../../helpers/pty.js';

let th: TestHub;
let pty: PtyPair;
let em: RunningDatecsEmulator;
const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-serial-release-'));

/** Open the port ourselves and close it again: fails ("Cannot lock port") while anybody still holds it. */
async function portIsFree(p: string): Promise<void> {
  const port = await openSerial({ path: p, baudRate: 115_200 });
  await new Promise<void>((resolve) => port.close(() => resolve()));
}

const device = () => ({
  name: 'Casa pe serial',
  manufacturer: 'Datecs',
  model: 'DP-25MX',
  connection_details: { type: 'Serial', details: { port: pty.b, baud_rate: 115_200 } },
  enabled: true,
  options: { timeout_ms: 150, reconnect_initial_ms: 20, reconnect_max_ms: 200 },
});

async function printsOn(id: string, tag: string): Promise<void> {
  await waitFor(() => th.hub.devices.readiness(id).ready === true, 10_000);
  const r = await th.post('/devices/operation', {
    device_id: id,
    operation: { type: 'print_receipt', lines: [{ type: 'item', description: tag, quantity_thousandths: 1000, unit_price_cents: 100, vat: 'A' }] },
  });
  expect(r.body.status).toBe(0);
  const docs = em.register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'fiscal_receipts' });
  expect(docs.filter((d) => d.lines.some((l) => l.includes(tag)))).toHaveLength(1);
}

beforeAll(async () => {
  pty = await openPtyPair();
  em = await startDatecsEmulator({ protocol: 'x', serial: pty.a, stateDir: path.join(dir, 'register') });
  th = await startTestHub({ dataDir: path.join(dir, 'hub'), probeMs: 5000 });
});
afterAll(async () => {
  await th?.close();
  await em?.close();
  await pty?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serial ports are released', () => {
  let id = '';
  it('after detection: the port opens again, and a device on it prints', async () => {
    const found = await detectDatecs({ ports: [pty.b], bauds: [115_200], timeoutMs: 200 });
    expect(found).toEqual([expect.objectContaining({ port: pty.b, protocol: 'x' })]);
    await portIsFree(pty.b);
    const saved = await th.post('/manage/save_fiscal_device', device());
    expect(saved.body.status).toBe(0);
    id = saved.body.device.id as string;
    await printsOn(id, 'dupa detectie');
  }, 30_000);

  it('after saving the device unchanged: its driver restarts on the same port and prints', async () => {
    const cfg = th.hub.devices.getFiscal(id)?.config;
    const saved = await th.post('/manage/save_fiscal_device', cfg);
    expect(saved.body.status).toBe(0);
    await printsOn(id, 'dupa salvare');
  }, 30_000);

  it('after delete: the port is free; re-added, the device prints', async () => {
    const del = await th.post('/manage/delete_fiscal_device', { id });
    expect(del.body.status).toBe(0);
    await portIsFree(pty.b);
    const saved = await th.post('/manage/save_fiscal_device', device());
    expect(saved.body.status).toBe(0);
    await printsOn(saved.body.device.id as string, 'dupa readaugare');
  }, 30_000);
});
