/**
 * The window's preload (sandboxed, so CommonJS — see package.json here — and no imports besides 'electron'; the
 * sandbox wrapper supplies `require`, `exports` and, since Electron 27, `module`, which TypeScript's CJS output uses).
 * Exposes exactly one object, `window.fiscool`: where the API is, its token, and tray commands.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeConfig, FiscoolBridge, IPC, TrayCommand } from '../../shared/bridge.js';

// Channel names repeated here because a sandboxed preload cannot load other files; `satisfies` keeps them in step.
const CHANNELS = { config: 'fiscool:config', trayCommand: 'fiscool:tray-command' } as const satisfies typeof IPC;
const TRAY_COMMANDS: readonly string[] = ['open-devices', 'open-settings', 'open-receipt', 'open-inbox'] satisfies TrayCommand[];

const config = ipcRenderer.sendSync(CHANNELS.config) as BridgeConfig | null;

const api: FiscoolBridge = {
  apiBase: config?.apiBase ?? '',
  token: config?.token ?? null,
  onTrayCommand(listener) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && TRAY_COMMANDS.includes(command)) listener(command as TrayCommand);
    };
    ipcRenderer.on(CHANNELS.trayCommand, handler);
    return () => void ipcRenderer.removeListener(CHANNELS.trayCommand, handler);
  },
};

if (config) contextBridge.exposeInMainWorld('fiscool', api);
