/** Where the hub is and which token to send: from the Electron preload, or the page's own origin in a browser. */
import type { FiscoolBridge, TrayCommand } from '../../src-main/shared/bridge.js';

declare global {
  interface Window {
    fiscool?: FiscoolBridge;
  }
}

export interface HubLocation {
  apiBase: string;
  token: string | null;
}

export function hubLocation(): HubLocation {
  const b = window.fiscool;
  if (b) return { apiBase: b.apiBase.replace(/\/+$/, ''), token: b.token };
  return { apiBase: window.location.origin, token: null };
}

export function onTrayCommand(listener: (command: TrayCommand) => void): () => void {
  return window.fiscool?.onTrayCommand(listener) ?? (() => undefined);
}
