/** Connection changes reported by the driver, reconnect with back-off, and serial auto-detection over socat ptys. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../src-main/domain/driver-contract.js';
import { DeviceError } from '../../../src-main/domain/error-codes.js';
import { DatecsDriver } from '../../../src-main/drivers/datecs/driver.js';
import { detectDatecs } from '../../../src-main/drivers/datecs/detect.js';
import { serveSerial } from '../../../src-main/emulators/endpoints/serial-endpoint.js';
import { startDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import { backoffDelay } from '../../../src-main/transports/byte-link.js';
import { openPtyPair } from '../../helpers/pty.js';
import { ctx, startRig } from './harness.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const waitFor = async (cond: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('Datecs connection handling', () => {
  it('back-off doubles from the initial delay up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, { initialMs: 100, maxMs: 1000 }))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('reports disconnected when the register drops the link and connected again after reconnecting; jobs work again', async () => {
    const rig = await startRig({ protocol: 'x', transport: 'tcp' });
    cleanups.push(() => rig.close());
    await rig.driver.connect();
    const states: ConnectionState[] = [];
    rig.driver.onConnectionChange?.((s) => states.push(s));
    rig.em.tcp?.disconnect(300);
    await waitFor(() => states.includes('disconnected'), 2000);
    await waitFor(() => states.at(-1) === 'connected', 3000);
    expect(states[0]).toBe('disconnected');
    const r = await rig.driver.execute({ type: 'get_status' }, ctx);
    expect(r).toMatchObject({ receipt_open: false });
  });

  it('a register that is switched off: DEVICE_UNREACHABLE, then connected once it is back on the same port', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const driver = new DatecsDriver({
      id: randomUUID(),
      name: 'off',
      manufacturer: 'Datecs',
      model: 'DP-25MX',
      enabled: true,
      connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port } },
      options: { protocol: 'x', timeout_ms: 100, max_attempts: 2, reconnect_initial_ms: 20, reconnect_max_ms: 100 },
    });
    cleanups.push(() => driver.disconnect());
    const states: ConnectionState[] = [];
    driver.onConnectionChange?.((s) => states.push(s));
    const e = await driver.connect().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeviceError);
    expect((e as DeviceError).code).toBe('DEVICE_UNREACHABLE');
    const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-dt-off-'));
    const em = await startDatecsEmulator({ protocol: 'x', tcpPort: port, stateDir: dir });
    cleanups.push(async () => {
      await em.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await waitFor(() => states.at(-1) === 'connected', 3000);
    const id = await driver.connect();
    expect(id.serial).toBe(em.register.identity().serial);
  });
});

describe('Datecs auto-detection over serial ports', () => {
  it('finds an X register and a classic register on two pty ports and skips a silent port', async () => {
    const [p1, p2, p3] = await Promise.all([openPtyPair(), openPtyPair(), openPtyPair()]);
    if (!p1 || !p2 || !p3) throw new Error('no pty');
    cleanups.push(() => p1.close(), () => p2.close(), () => p3.close());
    const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-dt-detect-'));
    const x = await startDatecsEmulator({ protocol: 'x', serial: p1.a, baud: 115_200, stateDir: path.join(dir, 'x') });
    const c = await startDatecsEmulator({ protocol: 'classic', serial: p2.a, baud: 9600, stateDir: path.join(dir, 'c') });
    cleanups.push(async () => {
      await x.close();
      await c.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const found = await detectDatecs({ ports: [p1.b, p2.b, p3.b], bauds: [115_200], timeoutMs: 150 });
    const byPort = new Map(found.map((f) => [f.port, f]));
    expect(byPort.get(p1.b)).toEqual({ port: p1.b, baud_rate: 115_200, protocol: 'x', model: 'DP-25MX', serial: x.register.identity().serial });
    // A pty has no real line speed: the classic one answers at the first baud tried.
    expect(byPort.get(p2.b)).toMatchObject({ protocol: 'classic', model: 'FP-2000', serial: c.register.identity().serial });
    expect(byPort.has(p3.b)).toBe(false);
  });
});

describe('Datecs over serial: the cable is unplugged and plugged back in', () => {
  it('reports disconnected when the port vanishes and connected when it is back; the register kept its state', async () => {
    const pty = await openPtyPair();
    const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-dt-unplug-'));
    const em = await startDatecsEmulator({ protocol: 'x', serial: pty.a, stateDir: dir });
    let pty2: Awaited<ReturnType<typeof openPtyPair>> | null = null;
    let endpoint2: Awaited<ReturnType<typeof serveSerial>> | null = null;
    const driver = new DatecsDriver({
      id: randomUUID(),
      name: 'usb',
      manufacturer: 'Datecs',
      model: 'DP-25MX',
      enabled: true,
      connection_details: { type: 'Serial', details: { port: pty.b, baud_rate: 115_200 } },
      options: { protocol: 'x', timeout_ms: 150, max_attempts: 3, reconnect_initial_ms: 50, reconnect_max_ms: 200 },
    });
    cleanups.push(async () => {
      await driver.disconnect();
      await endpoint2?.close();
      await em.close();
      await pty2?.close();
      await pty.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await driver.connect();
    em.register.openFiscalReceipt({});
    const states: ConnectionState[] = [];
    driver.onConnectionChange?.((s) => states.push(s));
    await em.serial?.close();
    await pty.close(true);
    await waitFor(() => states.includes('disconnected'), 3000);
    pty2 = await openPtyPair({ a: pty.a, b: pty.b });
    endpoint2 = await serveSerial(em.emulator, { path: pty2.a });
    await waitFor(() => states.at(-1) === 'connected', 5000);
    expect((await driver.readCounters()).receipt_open).toBe(true);
    expect(await driver.execute({ type: 'cancel_receipt' }, ctx)).toEqual({ cancelled: true });
  });
});
