/**
 * The Electron tray app through Playwright's `_electron`, where an Electron binary exists. On machines without one
 * (no download possible) the test is skipped and says why.
 */
import { test, expect, _electron as electron } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildRenderer, ROOT } from './hub-process.js';

/**
 * Where Electron's binary would be, found the way node_modules/electron/index.js finds it but without requiring
 * that module (requiring it starts a download when the binary is missing, and tests never touch the network).
 */
function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(p) ? p : null;
  }
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const p = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(p) ? p : null;
}

test('the Electron app opens its window on the hub’s GUI and the register is connected', async () => {
  const binary = electronBinary();
  if (!binary) {
    const reason = 'Electron binary not present (node_modules/electron has no dist/ and no ELECTRON_OVERRIDE_DIST_PATH): skipping the Electron app test';
    console.log(reason);
    test.skip(true, reason);
    return;
  }
  test.setTimeout(120_000);
  const main = join(ROOT, 'dist', 'main', 'electron', 'main.js');
  if (!existsSync(main)) {
    const tsc = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.main.json'], { cwd: ROOT, stdio: 'inherit' });
    expect(tsc.status).toBe(0);
  }
  await buildRenderer();
  const userData = mkdtempSync(join(tmpdir(), 'fiscool-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [ROOT],
    env: { ...process.env, FISCOOL_USER_DATA: userData, FISCOOL_PORT: '0', FISCOOL_SHOW_WINDOW: '1' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('hub-link')).toHaveClass(/online/);
    await expect(window.locator('[data-testid=fiscal-devices] .badge').first()).toHaveAttribute('data-status', 'Connected');
    const exposed = await window.evaluate(() => {
      const w = window as unknown as { fiscool?: { apiBase?: unknown }; require?: unknown; process?: unknown };
      return { apiBase: typeof w.fiscool?.apiBase, require: typeof w.require, process: typeof w.process };
    });
    expect(exposed).toEqual({ apiBase: 'string', require: 'undefined', process: 'undefined' });
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
