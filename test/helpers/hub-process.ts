/** Run the headless hub as a real child process (`tsx src-main/service.ts`), for crash and CLI tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface HubProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startHubProcess(dataDir: string, port: number, extraArgs: string[] = []): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/service.ts', '--data-dir', dataDir, '--port', String(port), ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, FISCOOL_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited early (${child.exitCode}): ${err}`);
    try {
      const r = await fetch(`${url}/devices/fiscal`);
      const body = (await r.json()) as { fiscal_devices: Array<{ status: string }> };
      if (body.fiscal_devices.every((d) => d.status === 'Connected' || d.status === 'Busy')) break; // Busy: recovered jobs already running
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL'); // never leave a hub running behind a failed test
      throw new Error(`hub did not start: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    url,
    stdout: () => out,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** POST /devices/operation with an Idempotency-Key; null when the hub died before answering (crash tests). */
export async function postOperation<T = any>(url: string, key: string, body: unknown): Promise<T | null> {
  try {
    const r = await fetch(`${url}/devices/operation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    return (await r.json()) as T;
  } catch {
    return null; // the hub died under us
  }
}
