/**
 * The one BrowserWindow: the hub's GUI over http://127.0.0.1:<port>/app/, with Electron's secure defaults
 * (context isolation, sandbox, no Node), no navigation away from the GUI, no new windows, no permissions.
 */
import { BrowserWindow, shell } from 'electron';

export interface MainWindowOptions {
  appUrl: string;
  preloadPath: string;
  iconPath: string;
  show: boolean;
}

export function createMainWindow(o: Readonly<MainWindowOptions>): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: o.show,
    title: 'FisCool',
    icon: o.iconPath,
    autoHideMenuBar: true,
    webPreferences: {
      preload: o.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(o.appUrl)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  win.webContents.session.setPermissionCheckHandler(() => false);
  void win.loadURL(o.appUrl);
  return win;
}
