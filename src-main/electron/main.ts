/**
 * The Electron tray app's composition root: one instance, the hub (settings on electron-store in userData), the
 * tray, the window on the hub's own GUI, and a clean stop on quit. Features live in the files next to this one.
 *
 * Environment (tests, portable installs): FISCOOL_USER_DATA overrides the data dir, FISCOOL_PORT the API port.
 * `--hidden` (autostart) starts in the tray without showing the window.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createHub, type Hub } from '../hub/create-hub.js';
import { createLogger } from '../hub/logger.js';
import { registerBridge, sendTrayCommand } from './bridge-ipc.js';
import { createMainWindow } from './main-window.js';
import { createElectronSettingsStore } from './settings-store-electron.js';
import { createAppTray, type AppTray } from './tray.js';
import { trayStatusText } from './tray-status.js';

const assets = (name: string) => join(app.getAppPath(), 'assets', name);

if (process.env.FISCOOL_USER_DATA) app.setPath('userData', process.env.FISCOOL_USER_DATA);

let hub: Hub | null = null;
let win: BrowserWindow | null = null;
let tray: AppTray | null = null;
let quitting = false;

function showWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function refreshTray(h: Hub): void {
  const lang = h.settings.get().language;
  const devices = h.devices.listFiscal().map((d) => ({ name: d.config.name, enabled: d.config.enabled, status: d.status }));
  tray?.update(trayStatusText(devices, lang), lang);
}

async function startApp(): Promise<void> {
  const dataDir = app.getPath('userData');
  const port = process.env.FISCOOL_PORT ? Number(process.env.FISCOOL_PORT) : undefined;
  const h = createHub({
    dataDir,
    logger: createLogger(),
    settingsStore: createElectronSettingsStore(dataDir),
    guiDir: join(app.getAppPath(), 'dist-renderer'),
    ...(port !== undefined && Number.isInteger(port) ? { port } : {}),
  });
  hub = h;
  await h.start();
  const address = h.addresses().native;
  if (!address) throw new Error('the API did not start');
  const apiBase = `http://127.0.0.1:${address.port}`;
  const appUrl = `${apiBase}/app/`;
  registerBridge(() => ({ apiBase, token: h.settings.get().api.token }), appUrl);

  tray = createAppTray(assets('tray.png'), {
    open: showWindow,
    devices: () => {
      showWindow();
      sendTrayCommand(win, 'open-settings');
    },
    quit: () => app.quit(),
  });
  refreshTray(h);
  h.events.on('device_status', () => refreshTray(h));
  h.events.on('devices_changed', () => refreshTray(h));

  win = createMainWindow({
    appUrl,
    preloadPath: join(import.meta.dirname, 'preload', 'preload.js'),
    iconPath: assets('icon.png'),
    show: !process.argv.includes('--hidden'),
  });
  win.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    win?.hide();
  });
}

/** Shown to the cashier when the hub cannot start (most often: the port is taken by a FisCool service). */
function startFailureText(why: string): string {
  return [
    `FisCool nu a putut porni: ${why}`,
    'Verificați că serviciul FisCool (npm run serve) nu rulează deja pe acest calculator, apoi porniți din nou aplicația.',
    '',
    `FisCool could not start: ${why}`,
    'Check that the FisCool service (npm run serve) is not already running on this computer, then start the app again.',
  ].join('\n');
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => undefined); // stays in the tray
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (!hub) return;
    event.preventDefault();
    const h = hub;
    hub = null;
    tray?.destroy();
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
      dialog.showErrorBox('FisCool', startFailureText(why));
      app.exit(1);
    });
}
