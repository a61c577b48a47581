/**
 * "Test connection" of the device editor: connect to the register a (possibly unsaved) configuration describes, read
 * who it is, disconnect. Nothing is saved and nothing is printed. A configuration that matches a running device is
 * answered from that device (its port is already open); a port another running device holds is refused.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FiscalDeviceConfig } from '../domain/device-config.js';
import { DeviceError } from '../domain/error-codes.js';
import { formatZodError } from '../domain/validation.js';
import type { DeviceRegistry } from './registry.js';
import { createFiscalDriver, findModel } from './catalogue.js';

export type ConnectionTestResult =
  | {
      ok: true;
      serial: string;
      model: string;
      firmware: string | null;
      vat_rates: Record<string, number>;
      via: 'running' | 'probe';
    }
  | { ok: false; status: 400; error: string }
  | { ok: false; status: 200; code: string; error: string };

const TEST_TIMEOUT_MS = 15_000;

function sameLink(a: FiscalDeviceConfig['connection_details'], b: FiscalDeviceConfig['connection_details']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function portOf(c: FiscalDeviceConfig['connection_details']): string | null {
  if (c.type === 'Serial') return c.details.port;
  if (c.type === 'Network') return `${c.details.ip_address}:${c.details.port}`;
  return null;
}

function failure(e: unknown): ConnectionTestResult {
  const code = e instanceof DeviceError ? e.code : 'DEVICE_UNREACHABLE';
  return { ok: false, status: 200, code, error: e instanceof Error ? e.message : String(e) };
}

export async function testFiscalConnection(input: unknown, registry: DeviceRegistry): Promise<ConnectionTestResult> {
  const raw =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? { ...(input as Record<string, unknown>) }
      : null;
  if (!raw) return { ok: false, status: 400, error: 'device: must be a JSON object' };
  raw.id = typeof raw.id === 'string' && raw.id ? raw.id : randomUUID();
  raw.enabled ??= true;
  const parsed = FiscalDeviceConfig.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, error: formatZodError(parsed.error, 'device') };
  const c = parsed.data;
  if (!findModel('fiscal', c.manufacturer, c.model))
    return { ok: false, status: 400, error: `device.model: ${c.manufacturer} ${c.model} is not supported` };

  const running = registry.getFiscal(c.id);
  if (running && running.status !== 'Disabled' && sameLink(running.config.connection_details, c.connection_details)) {
    if (running.identity && (running.status === 'Connected' || running.status === 'Busy')) {
      const i = running.identity;
      return {
        ok: true,
        serial: i.serial,
        model: i.model,
        firmware: i.firmware ?? null,
        vat_rates: i.vat_rates,
        via: 'running',
      };
    }
    return {
      ok: false,
      status: 200,
      code: 'DEVICE_UNREACHABLE',
      error: running.last_error ?? 'the device is not connected',
    };
  }
  const port = portOf(c.connection_details);
  const holder = port
    ? registry
        .listFiscal()
        .find((d) => d.config.id !== c.id && d.config.enabled && portOf(d.config.connection_details) === port)
    : undefined;
  if (holder) {
    return {
      ok: false,
      status: 200,
      code: 'DEVICE_REJECTED',
      error: `${port} is already used by the device "${holder.config.name}"`,
    };
  }

  // A throw-away data dir: a simulated register tested here must not leave state behind.
  const dataDir = mkdtempSync(join(tmpdir(), 'fiscool-conntest-'));
  let timer: NodeJS.Timeout | undefined;
  try {
    const driver = createFiscalDriver(c, { dataDir });
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new DeviceError('DEVICE_UNREACHABLE', `no answer within ${TEST_TIMEOUT_MS / 1000} s`)),
          TEST_TIMEOUT_MS,
        );
      });
      const i = await Promise.race([driver.connect(), timeout]);
      return {
        ok: true,
        serial: i.serial,
        model: i.model,
        firmware: i.firmware ?? null,
        vat_rates: i.vat_rates,
        via: 'probe',
      };
    } finally {
      await driver.disconnect().catch(() => undefined);
    }
  } catch (e) {
    return failure(e);
  } finally {
    if (timer) clearTimeout(timer);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
