/**
 * How a browser hands the WebSocket its token without putting it in the URL: it offers two subprotocols,
 * `fiscool` and `fiscool.bearer.<token as base64url>`; the hub picks `fiscool` and reads the token from the other.
 * Shared by the hub and the GUI (types and pure functions only, no Node imports).
 */
export const WS_PROTOCOL = 'fiscool';
const TOKEN_PREFIX = 'fiscool.bearer.';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The subprotocols a browser offers: `new WebSocket(url, wsProtocols(token))`. */
export function wsProtocols(token: string | null): string[] {
  return token ? [WS_PROTOCOL, TOKEN_PREFIX + toBase64Url(token)] : [WS_PROTOCOL];
}

/** The token in a `Sec-WebSocket-Protocol` header, or null. */
export function tokenFromProtocols(header: string | string[] | undefined): string | null {
  const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((p) => p.trim());
  const entry = list.find((p) => p.startsWith(TOKEN_PREFIX));
  return entry ? fromBase64Url(entry.slice(TOKEN_PREFIX.length)) : null;
}
