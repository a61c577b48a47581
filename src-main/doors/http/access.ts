/**
 * The one access check of every door — native HTTP, its WebSocket, the ErpNet.FP and UcsFPHub listeners, and any
 * door added later (docs/security.md). Pure: a request's method, path, headers and socket peer address in, a
 * decision out. In order:
 *
 *   1. client address — when the door has an allow-list (compatible listeners off loopback): the socket's peer
 *      address must be loopback or on it. Never a header (X-Forwarded-For is whatever the sender wants).
 *   2. Host — a loopback name or one of `api.allowed_hosts` (stops DNS rebinding).
 *   3. Origin and fetch metadata — a browser Origin must be the door's own or allowed; a request the browser marks
 *      `Sec-Fetch-Site: cross-site | same-site` (an <img>, a frame, a form, a fetch from another page) needs an
 *      allowed Origin too, so pages cannot reach side effects through GETs that carry no Origin. Programs send
 *      neither header and are not affected.
 *   4. token — `Authorization: Bearer <token>` (any case of "Bearer"; the WebSocket may offer it as a subprotocol),
 *      compared in constant time. A door that must have a token but has none fails closed (401). A token in the
 *      URL is refused: URLs end up in logs and browser history.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { clientAllowed, isLoopbackAddress } from '../../domain/net-address.js';

export { isLoopbackBind } from '../../domain/net-address.js';

/** What the door's settings say, read on every request (settings change at run time). */
export interface AccessPolicy {
  allowedHosts(): readonly string[];
  allowedOrigins(): readonly string[];
  token(): TokenRule;
  /** Client addresses the door serves besides this computer's; undefined/null = any address. */
  clients?(): ClientRule | null;
}

/** `required: false` = no token needed. `required: true, token: null` = one is needed and none is set: fail closed. */
export type TokenRule = { required: false } | { required: true; token: string | null };

export interface ClientRule {
  allow: readonly string[];
  /** The setting to name in the refusal (`erpnet.allowed_clients`). */
  setting: string;
}

export interface AccessRequest {
  method: string;
  /** The request target as sent (`/path?query`). */
  url: string;
  headers: IncomingHttpHeaders;
  /** The socket's remote address. */
  peer: string | undefined;
  /** 'https' behind TLS; the door's own origin is `${scheme}://${Host}`. */
  scheme?: 'http' | 'https';
  /** Open without a token (`GET /`, the GUI's static files: the GUI asks for the token itself). */
  publicPath?: boolean;
  /** A token offered another way than the Authorization header (the WebSocket subprotocol). */
  offeredToken?: string | null;
}

export type AccessCode = 'CLIENT_NOT_ALLOWED' | 'HOST_REQUIRED' | 'HOST_NOT_ALLOWED' | 'ORIGIN_NOT_ALLOWED' | 'CROSS_SITE' | 'TOKEN_IN_URL' | 'TOKEN_REQUIRED' | 'TOKEN_NOT_SET';

export type AccessDecision =
  | { ok: true; /** An allowed foreign Origin, to answer with CORS headers. */ corsOrigin: string | null }
  | { ok: false; status: 400 | 401 | 403; code: AccessCode; error: string };

const LOOPBACK_NAMES = new Set(['localhost', '[::1]']);

/** "Host: Example.com:8001" → "example.com"; "[::1]:10123" → "[::1]". */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : h;
  }
  const colon = h.lastIndexOf(':');
  return colon > 0 ? h.slice(0, colon) : h;
}

/** A Host name that only this computer answers to: localhost, [::1], an IPv4 address in 127.0.0.0/8. */
export function isLoopbackHost(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || (/^\d{1,3}(\.\d{1,3}){3}$/.test(name) && isLoopbackAddress(name));
}

function normalizeOrigin(o: string): string | null {
  if (o === 'null') return null;
  try {
    const u = new URL(o);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.host}`.toLowerCase();
  } catch {
    return null;
  }
}

export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  const o = normalizeOrigin(origin);
  if (o === null) return false;
  return allowed.some((a) => normalizeOrigin(a.replace(/\/+$/, '')) === o);
}

/** `Authorization: Bearer <token>`, "Bearer" in any case; null when absent or another scheme. */
export function bearerToken(authorization: string | undefined): string | null {
  const m = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return m?.[1] ?? null;
}

/** Constant time whatever the lengths: both sides are hashed first. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function tokenInUrl(url: string): boolean {
  const q = url.indexOf('?');
  if (q < 0) return false;
  return new URLSearchParams(url.slice(q + 1)).has('token');
}

const deny = (status: 400 | 401 | 403, code: AccessCode, error: string): AccessDecision => ({ ok: false, status, code, error });

export function checkAccess(policy: AccessPolicy, req: AccessRequest): AccessDecision {
  const clients = policy.clients?.() ?? null;
  if (clients && !clientAllowed(req.peer, clients.allow)) {
    return deny(403, 'CLIENT_NOT_ALLOWED', `Client address ${req.peer ?? '?'} is not allowed; add it to ${clients.setting}`);
  }

  const host = header(req.headers, 'host');
  if (!host) return deny(400, 'HOST_REQUIRED', 'Host header is required');
  const name = hostName(host);
  if (!isLoopbackHost(name) && !policy.allowedHosts().some((h) => h.toLowerCase() === name)) {
    return deny(403, 'HOST_NOT_ALLOWED', `Host "${name}" is not allowed; add it to api.allowed_hosts`);
  }

  const origin = header(req.headers, 'origin');
  const site = header(req.headers, 'sec-fetch-site')?.toLowerCase();
  const foreignAllowed = origin !== undefined && originAllowed(origin, policy.allowedOrigins());
  let corsOrigin: string | null = null;
  if (origin !== undefined) {
    const own = normalizeOrigin(origin) === `${req.scheme ?? 'http'}://${host}`.toLowerCase();
    if (!own && !foreignAllowed) {
      return deny(403, 'ORIGIN_NOT_ALLOWED', `Origin "${origin}" is not allowed; add it to api.allowed_origins`);
    }
    if (!own) corsOrigin = origin;
  }
  if ((site === 'cross-site' || site === 'same-site') && !foreignAllowed) {
    return deny(
      403,
      'CROSS_SITE',
      `A request from another web page (Sec-Fetch-Site: ${site}) is refused unless its Origin is in api.allowed_origins`,
    );
  }

  if (tokenInUrl(req.url)) {
    return deny(400, 'TOKEN_IN_URL', 'A token in the URL is refused (URLs end up in logs): send Authorization: Bearer <token>');
  }
  const rule = policy.token();
  if (rule.required && !req.publicPath) {
    if (rule.token === null) {
      return deny(
        401,
        'TOKEN_NOT_SET',
        'The hub listens on a network address but has no API token: nothing is served until api.token is set',
      );
    }
    const given = bearerToken(header(req.headers, 'authorization')) ?? req.offeredToken ?? null;
    if (given === null || !tokensEqual(given, rule.token)) {
      return deny(401, 'TOKEN_REQUIRED', 'Authorization: Bearer <token> is required');
    }
  }
  return { ok: true, corsOrigin };
}
