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

const TOKEN_KEY = 'fiscool.token';

export function hubLocation(): HubLocation {
  const b = window.fiscool;
  if (b) return { apiBase: b.apiBase.replace(/\/+$/, ''), token: b.token };
  return { apiBase: window.location.origin, token: window.sessionStorage.getItem(TOKEN_KEY) };
}

/** In a plain browser against a hub that requires a token: remembered for this tab only. */
export function setBrowserToken(token: string | null): void {
  if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
  else window.sessionStorage.removeItem(TOKEN_KEY);
}

export function onTrayCommand(listener: (command: TrayCommand) => void): () => void {
  return window.fiscool?.onTrayCommand(listener) ?? (() => undefined);
}
