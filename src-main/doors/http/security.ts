/**
 * The access check (access.ts) and the security headers as Express middleware, for every HTTP door: the native API,
 * the ErpNet.FP and UcsFPHub listeners. Headers first, so refusals carry them too.
 */
import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { checkAccess, type AccessPolicy } from './access.js';

export { hostName, isLoopbackHost, isLoopbackBind } from './access.js';

/** The GUI's Content-Security-Policy (also as a <meta> in its index.html, where frame-ancestors is ignored). */
export const GUI_CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: http://127.0.0.1:* ws://127.0.0.1:*",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers are data, never a page: nothing may load from them, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers a browser needs to be safe with our answers, on every answer (refusals and 404s included). */
export function securityHeaders(opts: { guiPrefix?: string } = {}): RequestHandler {
  const gui = opts.guiPrefix;
  return (req, res, next) => {
    setSecurityHeaders(res, gui !== undefined && (req.path === gui || req.path.startsWith(gui + '/')));
    next();
  };
}

/** The headers themselves, also set by the native door's fast path (fast-operation.ts). */
export function setSecurityHeaders(res: ServerResponse, isGui: boolean): void {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', isGui ? GUI_CSP : API_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (!isGui) res.setHeader('Cache-Control', 'no-store');
}

/** Headers an allowed foreign web page may send (the GUI engineer's per-client language included). */
const CORS_HEADERS = 'Content-Type, Authorization, Idempotency-Key, X-FisCool-Language, Accept-Language';

export interface AccessMiddlewareOptions {
  /** Paths open without a token (e.g. GET /). Host, Origin and fetch metadata are still checked. */
  publicPaths?: readonly string[];
  /** Path prefixes open without a token (the GUI's static files: it asks for the token itself). */
  publicPrefixes?: readonly string[];
}

export function accessMiddleware(policy: AccessPolicy, opts: AccessMiddlewareOptions = {}): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const open =
      (opts.publicPaths ?? []).includes(req.path) ||
      (opts.publicPrefixes ?? []).some((p) => req.path === p || req.path.startsWith(p + '/'));
    const d = checkAccess(policy, {
      method: req.method,
      url: req.originalUrl,
      headers: req.headers,
      peer: req.socket.remoteAddress,
      scheme: req.protocol === 'https' ? 'https' : 'http',
      publicPath: open,
    });
    if (!d.ok) {
      if (d.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      return void res.status(d.status).json({ status: d.status, error: d.error, code: d.code });
    }
    if (d.corsOrigin !== null) {
      res.setHeader('Access-Control-Allow-Origin', d.corsOrigin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', CORS_HEADERS);
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') return void res.status(204).end();
    }
    next();
  };
}

/** The older options shape (a token that is required when set), kept for callers outside the hub. */
export interface SecurityOptions extends AccessMiddlewareOptions {
  allowedHosts: () => string[];
  allowedOrigins: () => string[];
  token: () => string | null;
}

export function securityMiddleware(opts: SecurityOptions): RequestHandler {
  return accessMiddleware(
    {
      allowedHosts: opts.allowedHosts,
      allowedOrigins: opts.allowedOrigins,
      token: () => {
        const t = opts.token();
        return t === null ? { required: false } : { required: true, token: t };
      },
    },
    opts,
  );
}
