/**
 * A real headless hub for the browser tests: `tsx src-main/service.ts` on a temp data dir and a free port, plus the
 * renderer built once with vite so the hub serves it at /app/. Stopped with SIGTERM; the temp dir is removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..', '..');

let built: Promise<void> | null = null;

/**
 * vite build of the renderer into dist-renderer/ (once per test process). Vite sets NODE_ENV=production in this
 * process when it is unset; it is put back, so the hubs and commands the tests start later see the user's environment
 * (an `npm install` under NODE_ENV=production leaves the dev dependencies out).
 */
export function buildRenderer(): Promise<void> {
  const before = process.env.NODE_ENV;
  built ??= build({ configFile: join(ROOT, 'src-renderer', 'vite.config.ts'), logLevel: 'error' }).then(() => {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  });
  return built;
}

export interface HubProcess {
  url: string;
  port: number;
  dataDir: string;
  /** The first simulated register's id, as printed at start-up. */
  registerId: string;
  stop(): Promise<void>;
  /** Stop the process but keep the data dir (then `relaunch`). */
  kill(): Promise<void>;
  /** kill -9: the hub dies on the spot, mid-job if one runs (then `relaunch`). */
  crash(): Promise<void>;
  /** Start again on the same port and data dir. */
  relaunch(): Promise<void>;
  api<T>(path: string, body?: unknown): Promise<T>;
}

interface Started {
  child: ChildProcess;
  port: number;
  registerId: string;
}

function launch(dataDir: string, port: number): Promise<Started> {
  // node itself (not the tsx launcher, which forks): a kill -9 must hit the hub, not a parent that leaves it running
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/service.ts', '--data-dir', dataDir, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FISCOOL_LOG_LEVEL: 'warn' },
  });
  return new Promise((resolveStart, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a hub running behind a failed test
      reject(new Error(`hub did not start in 20 s:\n${out}\n${err}`));
    }, 20_000);
    child.stderr?.on('data', (d: Buffer) => void (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const api = /API: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      const reg = /fiscal device ([0-9a-f-]{36})/.exec(out);
      if (api?.[1] && reg?.[1]) {
        clearTimeout(timer);
        resolveStart({ child, port: Number(api[1]), registerId: reg[1] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${out}\n${err}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill(signal);
  });
}

export async function startHubProcess(): Promise<HubProcess> {
  await buildRenderer();
  const dataDir = mkdtempSync(join(tmpdir(), 'fiscool-e2e-'));
  let current = await launch(dataDir, 0);
  const port = current.port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    dataDir,
    registerId: current.registerId,
    async stop() {
      await stopChild(current.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      await stopChild(current.child);
    },
    async crash() {
      await stopChild(current.child, 'SIGKILL');
    },
    async relaunch() {
      current = await launch(dataDir, port);
    },
    async api<T>(path: string, body?: unknown): Promise<T> {
      const res = await fetch(url + path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as T;
    },
  };
}
