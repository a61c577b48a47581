import { openSync } from 'node:fs';
/**
 * The chaos run's processes: a Datecs emulator (`npm run emulator -- datecs …`, own state dir, control port, TCP or
 * one end of a socat pty pair) and the headless hub (`src-main/service.ts` with the ErpNet.FP and UcsFPHub
 * listeners), which the monkey SIGKILLs and restarts on the same data dir and ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { controlRequest } from '../../src-main/emulators/datecs/control-channel.js';
import { openPtyPair, type PtyPair } from '../helpers/pty.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface EmulatorProcess {
  /** TCP port of the register, or null on a pty. */
  tcpPort: number | null;
  /** The pty end the hub opens, or null over TCP. */
  serialPath: string | null;
  controlPort: number;
  control(line: string): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startEmulator(o: {
  framing: 'x' | 'classic';
  transport: 'tcp' | 'pty';
  stateDir: string;
  timing: 'zero' | 'realistic';
  cancelAfterPayment: 'refuse' | 'allow';
}): Promise<EmulatorProcess> {
  let pty: PtyPair | null = null;
  const where = o.transport === 'tcp' ? ['--tcp', '0'] : ['--serial', (pty = await openPtyPair()).a];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/emulator-cli.ts', 'datecs', '--protocol', o.framing, ...where, '--control', '0', '--timing', o.timing, '--state', o.stateDir, '--cancel-after-payment', o.cancelAfterPayment],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', (d) => (err += String(d)));
  const ready = await new Promise<{ tcp_port: number | null; control_port: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${err}`)), 30_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { tcp_port: number | null; control_port: number });
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${err}`)));
  });
  const controlPort = ready.control_port;
  return {
    tcpPort: ready.tcp_port,
    serialPath: pty?.b ?? null,
    controlPort,
    control: async (line) => {
      const r = await controlRequest(controlPort, line);
      if (!r.ok) throw new Error(`emulator control "${line.slice(0, 60)}": ${r.error ?? '?'}`);
      return r.result;
    },
    stop: async () => {
      await stopChild(child);
      await pty?.close();
    },
  };
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill(signal);
  await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export interface HubPorts {
  native: number;
  erpnet: number;
  ucsfphub: number;
}

/** One life of the hub process. `ready` resolves once its API answers (rejects if it dies first). */
export interface HubLife {
  child: ChildProcess;
  ready: Promise<void>;
  readonly alive: boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnHub(dataDir: string, ports: HubPorts): HubLife {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/service.ts',
      '--data-dir',
      dataDir,
      '--port',
      String(ports.native),
      '--erpnet-port',
      String(ports.erpnet),
      '--ucsfphub-port',
      String(ports.ucsfphub),
    ],
    // FISCOOL_CHAOS_HUB_LOG=<file>: keep every hub's log (debug level), appended, to follow a finding.
    {
      cwd: ROOT,
      env: { ...process.env, FISCOOL_LOG_LEVEL: process.env.FISCOOL_CHAOS_HUB_LOG ? 'debug' : 'error' },
      stdio: ['ignore', 'ignore', process.env.FISCOOL_CHAOS_HUB_LOG ? openSync(process.env.FISCOOL_CHAOS_HUB_LOG, 'a') : 'pipe'],
    },
  );
  let err = '';
  child.stderr?.on('data', (d) => (err = (err + String(d)).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const ready = (async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!alive()) throw new Error(`hub exited (${child.exitCode ?? child.signalCode}): ${err}`);
      try {
        const r = await fetch(`http://127.0.0.1:${ports.native}/health`, { signal: AbortSignal.timeout(2000) });
        if (r.ok) return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`hub did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  ready.catch(() => undefined);
  return {
    child,
    ready,
    get alive() {
      return alive();
    },
    kill: async (signal = 'SIGKILL') => {
      if (alive()) child.kill(signal);
      await exited;
    },
  };
}
