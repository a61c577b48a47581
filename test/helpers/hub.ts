/** Start a whole hub in-process on a free port with a temp data dir; small HTTP helpers for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '../../src-main/hub/create-hub.js';

export interface TestHub {
  hub: Hub;
  url: string;
  dataDir: string;
  fiscalId: string;
  posId: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string }>;
  /** Stop the hub (keeps the data dir unless `remove`). */
  close(remove?: boolean): Promise<void>;
}

export function tempDir(prefix = 'fiscool-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function request(url: string, init: RequestInit): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // plain text answers stay text
  }
  return { status: res.status, body, text };
}

export async function startTestHub(opts: { dataDir?: string; vatRates?: Record<string, number>; probeMs?: number } = {}): Promise<TestHub> {
  const dataDir = opts.dataDir ?? tempDir();
  const hub = createHub({ dataDir, port: 0, host: '127.0.0.1', probeMs: opts.probeMs ?? 200 });
  await hub.start();
  const addr = hub.addresses().native!;
  const url = `http://127.0.0.1:${addr.port}`;
  const t: TestHub = {
    hub,
    url,
    dataDir,
    fiscalId: hub.devices.listFiscal()[0]?.config.id ?? '',
    posId: hub.devices.listPos()[0]?.config.id ?? '',
    post: (path, body, headers = {}) =>
      request(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path, headers = {}) => request(url + path, { headers }),
    close: async (remove = false) => {
      await hub.stop();
      if (remove) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (opts.vatRates && t.fiscalId) {
    const cfg = hub.devices.getFiscal(t.fiscalId)!.config;
    const saved = await t.post('/manage/save_fiscal_device', { ...cfg, options: { ...cfg.options, vat_rates: opts.vatRates } });
    if (saved.status !== 200) throw new Error(`cannot set VAT rates: ${saved.text}`);
    await waitFor(async () => {
      const dev = (await t.get('/devices/fiscal')).body.fiscal_devices[0];
      return dev.status === 'Connected' && dev.vat_rates.A === opts.vatRates!.A;
    });
  } else {
    await waitFor(async () => (await t.get('/devices/fiscal')).body.fiscal_devices.every((d: any) => d.status === 'Connected'));
  }
  return t;
}

export async function waitFor(cond: () => Promise<boolean> | boolean, timeoutMs = 10_000, stepMs = 25): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
