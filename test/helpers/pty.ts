/**
 * A real pseudo-terminal pair through socat: two linked /dev/pts paths (exposed as symlinks in a temp dir).
 * One end is opened by the emulator, the other by the driver, both through `serialport`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PtyPair {
  a: string;
  b: string;
  /** Stop socat (both ends vanish, like an unplugged USB cable); `keepDir` to plug the same paths back in. */
  close(keepDir?: boolean): Promise<void>;
}

/** `at`: reuse the link paths of an earlier pair (a cable plugged back in); its directory must exist. */
export async function openPtyPair(at?: { a: string; b: string }): Promise<PtyPair> {
  const dir = at ? path.dirname(at.a) : mkdtempSync(path.join(tmpdir(), 'fiscool-pty-'));
  const a = at?.a ?? path.join(dir, 'a');
  const b = at?.b ?? path.join(dir, 'b');
  const child: ChildProcess = spawn('socat', ['-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(existsSync(a) && existsSync(b))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error('socat did not create the pty pair (is socat installed?)');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    a,
    b,
    close: async (keepDir = false) => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
