/**
 * The scan-folder inbox (issue 4), side by side in one run:
 *  - a burst of 500 INP files into one folder: files per second through the whole lifecycle (settle, claim, parse,
 *    pipeline, answer, move) ÷ the simulated register's own rate for the same receipts (driver called directly),
 *    with zero register timing (pure overhead), a fast printer model (1 ms a line) and — 100 files — the realistic
 *    Datecs model (115200 baud, 25 ms a line);
 *  - pickup latency: file closed → first command to the device (the job turns `running`) minus the settle delay,
 *    median and p99, one file at a time on an idle inbox.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulatedFiscalDriver } from '../src-main/drivers/simulated/index.js';
import type { FiscalDeviceConfig } from '../src-main/domain/device-config.js';
import type { FiscalOperation } from '../src-main/domain/operations.js';
import { parseInp } from '../src-main/doors/inbox/parser/parse-inp.js';
import { tempDir, waitFor } from '../test/helpers/hub.js';
import { ls, startInboxHub, type InboxHub } from '../test/integration/inbox/harness.js';

const H = ',1,______,_,__;';
const FAST = { baud: 0, per_line_ms: 1, per_command_ms: 1 };

function content(n: number): string {
  const items = Array.from(
    { length: 3 },
    (_, i) => `S${H}Produs ${n}-${i};${(1 + (n % 40)).toFixed(2)};1.000;1;1;${1 + (i % 2)};0;0;buc`,
  );
  return [...items, `T${H}0;`].join('\r\n') + '\r\n';
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const f = (x: number, d = 3) => x.toFixed(d);

/** The register's own rate: the same receipts on the simulated driver, no hub, receipts per second. */
async function registerRate(timing: unknown, n: number): Promise<number> {
  const dir = tempDir('fiscool-bench-inbox-reg-');
  const config: FiscalDeviceConfig = {
    id: randomUUID(),
    name: 'bench',
    manufacturer: 'FisCool',
    model: 'Simulated',
    connection_details: { type: 'None' },
    enabled: true,
    options: { timing },
  };
  const driver = createSimulatedFiscalDriver(config, { dataDir: dir });
  await driver.connect();
  const ops = Array.from({ length: n }, (_, i) => {
    const r = parseInp(Buffer.from(content(i)));
    if (!r.ok) throw new Error('bench file does not parse');
    return r.file.documents[0]!.operation as unknown as FiscalOperation;
  });
  const t0 = performance.now();
  for (const op of ops) await driver.execute(op, { jobId: randomUUID(), language: 'ro' });
  const s = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return n / s;
}

async function setTiming(h: InboxHub, timing: unknown): Promise<void> {
  const cfg = h.hub.devices.getFiscal(h.deviceId)!.config;
  await h.t.post('/manage/save_fiscal_device', { ...cfg, options: { ...cfg.options, timing } });
  await waitFor(
    () => h.hub.devices.readiness(h.deviceId).ready === true && h.inbox.folders()[h.deviceId] !== undefined,
  );
}

/** Drop `n` files at once; files per second from the first write to the last file in BonOK. */
async function burst(h: InboxHub, n: number, tag: string): Promise<number> {
  const before = ls(h.folder, 'BonOK').length;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) writeFileSync(join(h.folder, `${tag}-${String(i).padStart(4, '0')}.inp`), content(i));
  await waitFor(() => ls(h.folder, 'BonOK').length === before + n, 600_000, 20);
  return n / ((performance.now() - t0) / 1000);
}

async function pickup(h: InboxHub, n: number): Promise<number[]> {
  const settle = h.hub.settings.get().inbox.settle_ms;
  const running = new Map<string, number>();
  const off = h.hub.events.on('job', (e) => {
    if (e.state === 'running') running.set(e.job_id, performance.now());
  });
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const name = `lat-${i}.inp`;
    writeFileSync(join(h.folder, name), content(i));
    const closed = performance.now();
    await waitFor(() => ls(h.folder, 'BonOK').includes(name), 10_000, 2);
    const rec = h.inbox.list({ limit: 5 }).find((r) => r.name === name);
    const at = rec?.job_id ? running.get(rec.job_id) : undefined;
    if (at !== undefined) out.push(at - closed - settle);
  }
  off();
  return out;
}

export async function run(): Promise<void> {
  const h = await startInboxHub();
  try {
    const rows: string[] = [];
    for (const [label, timing, n] of [
      ['zero timing', 'zero', 500],
      ['fast printer (1 ms/line)', FAST, 500],
      ['realistic (25 ms/line)', 'realistic', 100],
    ] as const) {
      await setTiming(h, timing);
      // The register's own rate is measured before and after the burst (the machine's load drifts).
      const before = await registerRate(timing, Math.min(n, 200));
      const inbox = await burst(h, n, label.slice(0, 1));
      const after = await registerRate(timing, Math.min(n, 200));
      const own = (before + after) / 2;
      rows.push(
        `${label.padEnd(26)} ${String(n)} files   register alone ${f(own, 1).padStart(7)} receipts/s   inbox ${f(inbox, 1).padStart(6)} files/s   ratio ${f(inbox / own)}`,
      );
    }
    await setTiming(h, 'zero');
    const lat = await pickup(h, 60);
    console.log('burst of INP files into one folder (3 items + cash each):');
    for (const r of rows) console.log('  ' + r);
    console.log(
      `pickup latency (file closed → first device command) minus settle (${h.hub.settings.get().inbox.settle_ms} ms), ${lat.length} files:`,
    );
    console.log(`  median ${f(pct(lat, 0.5), 1)} ms   p99 ${f(pct(lat, 0.99), 1)} ms`);
  } finally {
    await h.close();
  }
}
