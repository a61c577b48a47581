/** `npm run serve -- --data-dir DIR --port P`: the README's first command works on an empty data dir. */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/hub.js';
import { freePort, startHubProcess } from '../../helpers/hub-process.js';

const dataDir = tempDir('fiscool-serve-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run serve', () => {
  it('starts with a simulated register that prints at once, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn('npm', ['run', '--silent', 'serve', '--', '--data-dir', dataDir, '--port', String(port)], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, FISCOOL_LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exit = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    const url = `http://127.0.0.1:${port}`;
    try {
      let banner = '';
      for (let i = 0; i < 400 && banner === ''; i++) {
        try {
          banner = await (await fetch(url + '/')).text();
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      expect(banner).toBe('FisCool API Server running.');
      const devices = (await (await fetch(url + '/devices/fiscal')).json()) as { fiscal_devices: Array<{ config: { id: string } }> };
      const id = devices.fiscal_devices[0]!.config.id;
      expect(out).toContain(id); // the device id is shown at start-up
      const r = await fetch(url + '/devices/operation', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          device_id: id,
          operation: {
            type: 'print_receipt',
            lines: [{ type: 'item', description: 'Test', quantity_thousandths: 1000, unit_price_cents: 100, vat: '21%' }],
            payments: [{ method: 'cash', amount_cents: 100 }],
          },
        }),
      });
      const body = (await r.json()) as { status: number; slip_number: number };
      expect(body.status).toBe(0);
      expect(body.slip_number).toBeGreaterThan(0);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
    await exit; // npm itself ends by the signal; the hub's own exit code is checked below
  }, 60_000);

  it('the service exits 0 on SIGTERM after closing the journal', async () => {
    const port = await freePort();
    const hub = await startHubProcess(dataDir, port);
    expect(await hub.kill('SIGTERM')).toBe(0);
    // The journal was closed cleanly: a new instance opens it and sees the earlier receipt.
    const again = await startHubProcess(dataDir, port);
    const jobs = (await (await fetch(`${again.url}/jobs?state=succeeded`)).json()) as { jobs: Array<{ operation: { type: string } }> };
    expect(jobs.jobs.some((j) => j.operation.type === 'print_receipt')).toBe(true);
    expect(await again.kill('SIGTERM')).toBe(0);
  }, 60_000);
});
