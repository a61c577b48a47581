/** Test rig: a Caspos emulator (in-process, real HTTP on port 0, its own state dir) and a Caspos driver on it. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FiscalDeviceConfig } from '../../../src-main/domain/device-config.js';
import type { ExecContext, FiscalDriver } from '../../../src-main/domain/driver-contract.js';
import { DeviceError } from '../../../src-main/domain/error-codes.js';
import { CasposDriver } from '../../../src-main/drivers/caspos/driver.js';
import {
  startCasposEmulator,
  type RunningCasposEmulator,
  type StartCasposEmulatorOptions,
} from '../../../src-main/emulators/caspos/start.js';

export interface CasposRig {
  em: RunningCasposEmulator;
  driver: CasposDriver;
  config: FiscalDeviceConfig;
  dir: string;
  /** A new driver on the same device (another options set). */
  newDriver(options?: Record<string, unknown>): CasposDriver;
  /** POST a raw body to the device (strictness tests). */
  raw(body: string, contentType?: string): Promise<{ status: number; json: any }>;
  control(route: string, body?: unknown): Promise<any>;
  /** Restart the emulator on the same state dir and port (a device switched off and on). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const ctx = (jobId: string = randomUUID(), extra: Partial<ExecContext> = {}): ExecContext => ({
  jobId,
  language: 'en',
  ...extra,
});

export async function startCasposRig(
  opts: { emulator?: StartCasposEmulatorOptions; driverOptions?: Record<string, unknown> } = {},
): Promise<CasposRig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-caspos-'));
  const emOpts = { stateDir: dir, ...opts.emulator };
  let em = await startCasposEmulator(emOpts);
  const port = em.port;
  const configOf = (options: Record<string, unknown> = {}): FiscalDeviceConfig => ({
    id: randomUUID(),
    name: 'Kassa 1',
    manufacturer: 'Caspos',
    model: 'Caspos Mobile',
    enabled: true,
    connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port } },
    options: { username: 'username', password: 'password', timeout_ms: 3000, ...opts.driverOptions, ...options },
  });
  const config = configOf();
  const drivers: CasposDriver[] = [];
  const newDriver = (options?: Record<string, unknown>) => {
    const d = new CasposDriver(options ? configOf(options) : config);
    drivers.push(d);
    return d;
  };
  const driver = newDriver();
  const rig: CasposRig = {
    get em() {
      return em;
    },
    driver,
    config,
    dir,
    newDriver,
    raw: async (body, contentType = 'application/json; charset=utf-8') => {
      const r = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      return { status: r.status, json: await r.json() };
    },
    control: async (route, body) => {
      const r = await fetch(`http://127.0.0.1:${port}/_emulator/${route}`, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
      return r.json();
    },
    restart: async () => {
      await em.close();
      em = await startCasposEmulator({ ...emOpts, port });
    },
    close: async () => {
      for (const d of drivers) await d.disconnect().catch(() => undefined);
      await em.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** A validated-looking receipt (VAT as the device's letter). */
export const receipt = (
  lines: Array<
    Partial<{ description: string; quantity_thousandths: number; unit_price_cents: number; vat: string }> &
      Record<string, unknown>
  >,
  extra: Record<string, unknown> = {},
) => ({
  type: 'print_receipt' as const,
  lines: lines.map((l) => ({
    type: 'item' as const,
    description: 'Çay',
    quantity_thousandths: 1000,
    unit_price_cents: 100,
    vat: 'A',
    ...l,
  })),
  ...extra,
});

/** Run an operation (already validated) on a driver; results are read as the JSON they become. */
export const exec = (d: FiscalDriver, op: unknown, jobId?: string) =>
  d.execute(op as never, ctx(jobId)) as Promise<any>;

/** The DeviceError a promise is refused with (the test fails if it resolves). */
export async function refused(p: Promise<unknown>): Promise<DeviceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DeviceError) return e;
    throw e;
  }
  throw new Error('expected a DeviceError');
}
