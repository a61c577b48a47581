/**
 * A first run as a new user makes it, from the README alone: a fresh `git clone` of this repository (its committed
 * HEAD) into a temporary directory, the README's first command run there as written, the GUI address it prints
 * opened in Chromium, and a receipt printed on the simulated register.
 *
 * To save the network and several minutes, node_modules is provided by hard-linking this checkout's (`cp -al`, a
 * copy where hard links are impossible) before the command runs; its `npm install` then finds everything installed.
 * The environment points the hub at a temporary data directory and a free port (FISCOOL_DATA_DIR, FISCOOL_PORT=0):
 * the command itself is the README's.
 */
import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './hub-process.js';

/** The README's first set-up command: the first line of its first sh block. */
export function readmeFirstCommand(readme: string): string {
  const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const line = block.split('\n')[0] ?? '';
  return line.replace(/\s+#.*$/, '').trim();
}

test('fresh clone → README’s first command → GUI in Chromium → a receipt', async ({ page }) => {
  test.setTimeout(300_000);
  const command = readmeFirstCommand(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  expect(command).toBe('npm install && npm run hub');
  const work = mkdtempSync(join(tmpdir(), 'fiscool-first-run-'));
  const clone = join(work, 'fiscool');
  execFileSync('git', ['clone', '--quiet', ROOT, clone]);
  try {
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(clone, 'node_modules')]);
  } catch {
    execFileSync('cp', ['-a', join(ROOT, 'node_modules'), join(clone, 'node_modules')]);
  }
  // npm rewrites its own record of the tree: give the clone a file of its own rather than a link to ours.
  const hidden = join(clone, 'node_modules', '.package-lock.json');
  if (existsSync(hidden)) {
    rmSync(hidden);
    copyFileSync(join(ROOT, 'node_modules', '.package-lock.json'), hidden);
  }
  expect(existsSync(join(clone, 'dist'))).toBe(false); // nothing built yet: the command must build the GUI

  const child = spawn('bash', ['-c', command], {
    cwd: clone,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FISCOOL_DATA_DIR: join(work, 'data'), FISCOOL_PORT: '0', FISCOOL_LOG_LEVEL: 'warn', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  try {
    const gui = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no GUI address in 240 s:\n${out}`)), 240_000);
      const look = () => {
        const m = /^GUI: (http:\/\/\S+)/m.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout!.on('data', look);
      child.once('exit', (code) => reject(new Error(`exited ${code} before printing the GUI address:\n${out}`)));
    });
    console.log(`README's first command printed ${gui}`);
    await page.goto(gui);
    await page.getByTestId('hub-link').and(page.locator('.online')).waitFor();
    await expect(page.locator('[data-testid=fiscal-devices] .badge').first()).toHaveAttribute('data-status', 'Connected');
    await page.getByLabel('Descriere 1').fill('Cafea espresso');
    await page.getByLabel('Preț 1').fill('8,50');
    await page.getByTestId('print-button').click();
    await expect(page.getByTestId('receipt-printed')).toContainText('Total 8,50 lei');
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    rmSync(work, { recursive: true, force: true });
  }
});
