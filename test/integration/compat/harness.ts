/**
 * Test harness for the compatible doors: a whole hub in-process (temp data dir, port 0) with the ErpNet.FP and
 * UcsFPHub apps bound on their own real loopback sockets, the simulated register set to the seeds' VAT rates
 * (A=19%, B=5%, C=0%) and the seeds' printer ids configured as aliases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '../../../src-main/hub/create-hub.js';
import { securityMiddleware } from '../../../src-main/doors/http/security.js';
import type { CompatContext } from '../../../src-main/doors/compat-shared/context.js';
import { createErpNetApp } from '../../../src-main/doors/erpnet/app.js';
import { createUcsFpHubApp } from '../../../src-main/doors/ucsfphub/app.js';
import { SEED_VAT_RATES } from '../../../src-main/domain/vat.js';

export const ERPNET_SEED_IDS = ['dt525860', 'dt517985', 'zk126720', 'dt279013', 'office1', 'ed311662', 'dy448967'];
export const UCS_SEED_IDS = ['DT518315', 'ZK133759', 'PrinterID1', 'PrinterID2'];

export interface Running {
  hub: Hub;
  deviceId: string;
  erpUrl: string;
  ucsUrl: string;
  stop(): Promise<void>;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fiscool-compat-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function listen(app: (req: never, res: never) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(app as never);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const a = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${a.port}` };
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Start a hub on `dataDir`; the first start configures the device and aliases (later starts find them saved). */
export async function startHub(dataDir: string, opts: { options?: Record<string, unknown> } = {}): Promise<Running> {
  const hub = createHub({ dataDir, port: 0 });
  await hub.start();
  const device = hub.devices.listFiscal()[0];
  if (!device) throw new Error('the hub created no simulated register');
  const deviceId = device.config.id;
  const wantOptions = { timing: 'zero', vat_rates: SEED_VAT_RATES, ...opts.options };
  if (JSON.stringify(device.config.options) !== JSON.stringify(wantOptions)) {
    const saved = hub.devices.saveFiscal({ ...device.config, options: wantOptions });
    if (!saved.ok) throw new Error(saved.error);
  }
  await until('the register with the seed VAT rates', () => {
    const v = hub.devices.getFiscal(deviceId);
    return v?.status === 'Connected' && v.vat_rates.B === 500 && v.identity !== null;
  });
  const aliasesErp = Object.fromEntries(ERPNET_SEED_IDS.map((a) => [a, deviceId]));
  const aliasesUcs = Object.fromEntries(UCS_SEED_IDS.map((a) => [a, deviceId]));
  const patched = hub.settings.applyPatch({ erpnet: { aliases: aliasesErp }, ucsfphub: { aliases: aliasesUcs } });
  if (!patched.ok) throw new Error(patched.error);

  const ctx: CompatContext = {
    operations: hub.operations,
    devices: hub.devices,
    events: hub.events,
    settings: () => hub.settings.get(),
    logger: hub.logger,
    version: hub.version,
    guards: [securityMiddleware({ allowedHosts: () => [], allowedOrigins: () => [], token: () => null })],
  };
  const erp = await listen(createErpNetApp(ctx) as never);
  const ucs = await listen(createUcsFpHubApp(ctx) as never);
  return {
    hub,
    deviceId,
    erpUrl: erp.url,
    ucsUrl: ucs.url,
    async stop() {
      for (const s of [erp.server, ucs.server]) {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
      await hub.stop();
    },
  };
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  json(): unknown;
}

export async function http(
  method: 'GET' | 'POST',
  url: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method,
    ...(body !== undefined ? { body, headers: { 'content-type': 'application/json', ...headers } } : { headers }),
  });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text) as unknown,
  };
}

/**
 * Change some fields of the erpnet/ucsfphub settings section. The whole section is sent: SettingsService's
 * partial patch currently refills fields it is not given with their defaults (reported to the lead).
 */
export function patchSection<K extends 'erpnet' | 'ucsfphub'>(
  hub: Hub,
  section: K,
  fields: Partial<ReturnType<Hub['settings']['get']>[K]>,
): void {
  const r = hub.settings.applyPatch({ [section]: { ...hub.settings.get()[section], ...fields } });
  if (!r.ok) throw new Error(r.error);
}

/** The register's own counter of fiscal documents (receipts and refunds) closed so far. */
export async function receiptsPrinted(r: Running): Promise<number> {
  const s = r.hub.operations.submit({
    device_id: r.deviceId,
    operation: { type: 'get_device_info' },
    source: 'internal',
  });
  if (s.kind !== 'accepted') throw new Error(s.error);
  const done = await s.done;
  if (!done.outcome?.ok) throw new Error(`get_device_info failed: ${JSON.stringify(done.outcome)}`);
  return Number(done.outcome.result.last_receipt_number);
}
