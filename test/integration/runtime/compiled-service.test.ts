/**
 * The production start: `npm run build`, then plain `node dist/service/fiscool-service.mjs` — no tsx, no npm. It
 * prints the API and GUI addresses, serves the GUI and an OpenAPI document naming the address actually served,
 * logs into the data directory, backs up while it runs (`backup` command), stops cleanly on SIGTERM, and a
 * restored data directory starts with the same journal.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/hub.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BUNDLE = join(ROOT, 'dist', 'service', 'fiscool-service.mjs');
const dirs: string[] = [];

interface Started {
  child: ChildProcess;
  out: () => string;
  api: string;
  gui: string;
  exit: Promise<number | null>;
}

function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: tempDir('fiscool-cwd-'), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FISCOOL_LOG_LEVEL: 'info' } });
  let out = '';
  let err = '';
  const exit = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 20 s:\n${out}\n${err}`)), 20_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const api = /^API: (\S+)$/m.exec(out);
      const gui = /^GUI: (\S+)/m.exec(out);
      if (api?.[1] && gui?.[1] && /fiscal device/.test(out)) {
        clearTimeout(timer);
        resolveStart({ child, out: () => out, api: api[1], gui: gui[1], exit });
      }
    });
    void exit.then((c) => reject(new Error(`exited ${c}:\n${out}\n${err}`)));
  });
}

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
}, 240_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the compiled service', () => {
  it('runs under plain node with the GUI, logs, openapi, backup and a clean stop', async () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const dataDir = tempDir('fiscool-compiled-');
    dirs.push(dataDir);
    const s = await start(['--data-dir', dataDir, '--port', '0']);
    const port = Number(new URL(s.api).port);
    expect(s.gui).toBe(`http://127.0.0.1:${port}/app/`);
    const page = await fetch(s.gui);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const openapi = (await (await fetch(`${s.api}openapi.json`)).json()) as { servers: Array<{ url: string }> };
    expect(openapi.servers).toEqual([{ url: `http://127.0.0.1:${port}` }]);
    const devices = (await (await fetch(`${s.api}devices/fiscal`)).json()) as { fiscal_devices: Array<{ config: { id: string } }> };
    const id = devices.fiscal_devices[0]!.config.id;
    const r = await fetch(`${s.api}devices/operation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'compiled-1' },
      body: JSON.stringify({ device_id: id, operation: { type: 'print_x' } }),
    });
    expect(((await r.json()) as { status: number }).status).toBe(0);
    expect(readFileSync(join(dataDir, 'logs', 'fiscool.log'), 'utf8')).toContain('FisCool API listening');

    // A backup by a second process while the hub runs.
    const backupDir = join(tempDir('fiscool-backup-'), 'b');
    dirs.push(backupDir);
    execFileSync(process.execPath, [BUNDLE, 'backup', '--data-dir', dataDir, '--to', backupDir]);
    expect(JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'))).toMatchObject({ kind: 'fiscool-backup', files: expect.arrayContaining(['journal.sqlite', 'settings.json']) });

    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);

    const restoredDir = join(tempDir('fiscool-restore-'), 'data');
    dirs.push(restoredDir);
    execFileSync(process.execPath, [BUNDLE, 'restore', '--from', backupDir, '--data-dir', restoredDir]);
    const again = await start(['--data-dir', restoredDir, '--port', '0']);
    try {
      expect(again.out()).toContain(id); // the same register, from the restored settings
      const jobs = (await (await fetch(`${again.api}jobs?limit=10`)).json()) as { jobs: Array<{ idempotency_key: string }> };
      expect(jobs.jobs.map((j) => j.idempotency_key)).toContain('native:compiled-1');
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exit).toBe(0);
    }
  }, 90_000);

  it('refuses unknown commands and bad ports with a message, as the development entry does', () => {
    const run = (args: string[]) => {
      try {
        execFileSync(process.execPath, [BUNDLE, ...args], { stdio: 'pipe' });
        return { code: 0, err: '' };
      } catch (e: any) {
        return { code: e.status as number, err: String(e.stderr) };
      }
    };
    expect(run(['--port', '70000'])).toMatchObject({ code: 2, err: expect.stringContaining('--port: "70000" is not a port number') });
    expect(run(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command: frobnicate') });
    expect(execFileSync(process.execPath, [BUNDLE, '--help']).toString()).toContain('backup --to DIR');
  });
});
