/**
 * The Electron tray app's composition root (a thin shell: decisions live in model/, tested without Electron): one
 * instance, the hub on the machine's one data directory (shared with the headless service, hub/data-dir.ts), the
 * tray, the window on the hub's own GUI, start at login, and a clean stop on quit.
 *
 * Flags: `--hidden` (the login item) starts in the tray without the window; `--headless` runs the hub alone (no
 * tray, no window: the Windows background-task install). Environment (tests, portable installs):
 * `--data-dir DIR`, FISCOOL_USER_DATA or FISCOOL_DATA_DIR set the data dir, FISCOOL_PORT the API port, FISCOOL_SHOW_WINDOW=1 shows
 * the window even with --hidden.
 */
import { app, dialog, Notification, type BrowserWindow } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '../hub/create-hub.js';
import { defaultDataDir } from '../hub/data-dir.js';
import { createLogger } from '../hub/logger.js';
import type { TrayCommand } from '../shared/bridge.js';
import { createAutostart } from './autostart.js';
import { registerBridge, sendTrayCommand } from './bridge-ipc.js';
import { createMainWindow } from './main-window.js';
import { launchMode, onWindowClose, trayHintText } from './model/window-policy.js';
import { createElectronSettingsStore } from './settings-store-electron.js';
import { createAppTray } from './tray.js';
import { startTrayController } from './tray-controller.js';

const assets = (name: string) => join(app.getAppPath(), 'assets', name);
const mode = launchMode(process.argv, process.env);

app.setPath('userData', mode.dataDir ?? process.env.FISCOOL_USER_DATA ?? defaultDataDir({ platform: process.platform, home: homedir(), env: process.env }));

let hub: Hub | null = null;
let win: BrowserWindow | null = null;
let stopTray: (() => void) | null = null;
let quitting = false;
let toldAboutTray = false;

const PAGE_COMMAND: Record<string, TrayCommand> = { devices: 'open-devices', jobs: 'open-receipt', inbox: 'open-inbox', cash: 'open-receipt' };

function showWindow(page?: string): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  const command = page ? PAGE_COMMAND[page] : undefined;
  if (command) sendTrayCommand(win, command);
}

async function startApp(): Promise<void> {
  const dataDir = app.getPath('userData');
  const port = process.env.FISCOOL_PORT ? Number(process.env.FISCOOL_PORT) : undefined;
  const { logger, file } = createLogger({ dataDir });
  const h = createHub({
    dataDir,
    logger,
    logFile: file,
    settingsStore: createElectronSettingsStore(dataDir),
    guiDir: join(app.getAppPath(), 'dist-renderer'),
    ...(port !== undefined && Number.isInteger(port) ? { port } : {}),
  });
  hub = h;
  await h.start();
  const address = h.addresses().native;
  if (!address) throw new Error('the API did not start');
  if (mode.headless) return;

  const apiBase = `http://127.0.0.1:${address.port}`;
  const appUrl = `${apiBase}/app/`;
  registerBridge(() => ({ apiBase, token: h.settings.get().api.token }), appUrl);

  const autostart = createAutostart(dataDir);
  autostart.apply();
  stopTray = startTrayController({
    hub: h,
    makeTray: (run) => createAppTray(assets, run),
    autostart,
    showWindow,
    quit: () => app.quit(),
  });

  win = createMainWindow({ appUrl, preloadPath: join(import.meta.dirname, 'preload', 'preload.js'), iconPath: assets('icon.png'), show: mode.showWindow });
  win.on('close', (event) => {
    const decision = onWindowClose({ quitting, toldAboutTray });
    if (decision.action === 'close') return;
    event.preventDefault();
    win?.hide();
    if (decision.tellUser && Notification.isSupported()) {
      toldAboutTray = true;
      new Notification(trayHintText(h.settings.get().language)).show();
    }
  });
}

/** Shown to the cashier when the hub cannot start (most often: the port is taken by a FisCool service). */
function startFailureText(why: string): string {
  return [
    `FisCool nu a putut porni: ${why}`,
    'Verificați că serviciul FisCool nu rulează deja pe acest calculator, apoi porniți din nou aplicația.',
    '',
    `FisCool could not start: ${why}`,
    'Check that the FisCool service is not already running on this computer, then start the app again.',
  ].join('\n');
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('window-all-closed', () => undefined); // stays in the tray
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (!hub) return;
    event.preventDefault();
    const h = hub;
    hub = null;
    stopTray?.();
    h.stop()
      .catch(() => undefined)
      .finally(() => app.exit(0));
  });
  app
    .whenReady()
    .then(startApp)
    .catch((e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      process.stderr.write(`FisCool could not start: ${why}\n`);
      if (!mode.headless) dialog.showErrorBox('FisCool', startFailureText(why));
      app.exit(1);
    });
}
