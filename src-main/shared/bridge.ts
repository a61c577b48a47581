/**
 * The one object the Electron preload exposes to the GUI as `window.fiscool`. In a plain browser it is absent and
 * the GUI talks to the page's own origin without a token (loopback needs none).
 */
export type TrayCommand = 'open-devices' | 'open-settings' | 'open-receipt' | 'open-inbox';

export interface FiscoolBridge {
  /** e.g. "http://127.0.0.1:10123" (no trailing slash). */
  readonly apiBase: string;
  /** The API token when one is configured, else null. */
  readonly token: string | null;
  /** Commands chosen in the tray menu; returns the unsubscribe function. */
  onTrayCommand(listener: (command: TrayCommand) => void): () => void;
}

export const TRAY_COMMANDS: readonly TrayCommand[] = ['open-devices', 'open-settings', 'open-receipt', 'open-inbox'];

/** IPC channel names shared by main and preload (the only two). */
export const IPC = {
  config: 'fiscool:config',
  trayCommand: 'fiscool:tray-command',
} as const;

export interface BridgeConfig {
  apiBase: string;
  token: string | null;
}
