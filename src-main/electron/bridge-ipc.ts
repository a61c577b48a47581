/**
 * The only ipcMain code: hands the preload the API address and token (synchronously, once per page load) — but only
 * to a frame showing the hub's own GUI — and forwards tray commands to the window.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { IPC, type BridgeConfig, type TrayCommand } from '../shared/bridge.js';

export function registerBridge(getConfig: () => BridgeConfig, appUrl: string): () => void {
  const handler = (event: Electron.IpcMainEvent) => {
    const from = event.senderFrame?.url ?? '';
    event.returnValue = from.startsWith(appUrl) ? getConfig() : null;
  };
  ipcMain.on(IPC.config, handler);
  return () => ipcMain.off(IPC.config, handler);
}

export function sendTrayCommand(win: BrowserWindow | null, command: TrayCommand): void {
  win?.webContents.send(IPC.trayCommand, command);
}
