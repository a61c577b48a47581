/**
 * A device emulator as integrators run it (`npm run emulator -- <family> …`): its entry `src-main/emulator-cli.ts`
 * as a child process of node itself, so a kill reaches the emulator and not a launcher.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function spawnCli(args: string[]): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/emulator-cli.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  return { child, stderr: () => err };
}

export interface EmulatorProcess {
  child: ChildProcess;
  /** The JSON line it prints when ready (ports, protocol, …). */
  ready: any;
}

/** Start it and wait for its ready line; rejects (with its stderr) when it exits first or is not ready in 20 s. */
export function startEmulatorCli(args: string[], started?: (child: ChildProcess) => void): Promise<EmulatorProcess> {
  const { child, stderr } = spawnCli(args);
  started?.(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${stderr()}`)), 20_000);
    child.stdout?.on('data', (d) => {
      out += d;
      const line = out
        .split('\n')
        .slice(0, -1)
        .find((l) => l.startsWith('{')); // complete lines only
      if (line) {
        clearTimeout(timer);
        resolve({ child, ready: JSON.parse(line) });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}): ${stderr()}`));
    });
  });
}

/** Run it with arguments it must refuse: its exit code and what it printed on stderr. */
export function emulatorCliRefusal(args: string[]): Promise<{ code: number; stderr: string }> {
  const { child, stderr } = spawnCli(args);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? -1, stderr: stderr() })));
}
