/**
 * Request guards shared by every HTTP door (design.md "Security model"): the Host header must be a loopback name or
 * a configured name (stops DNS rebinding); a browser Origin must be allowed; a bearer token is required when a token
 * is configured (always when bound to a non-loopback address).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';

export interface SecurityOptions {
  allowedHosts: () => string[];
  allowedOrigins: () => string[];
  token: () => string | null;
  /** Paths that stay open without a token (e.g. GET /). Host and Origin are still checked. */
  publicPaths?: string[];
  /** Path prefixes that stay open without a token (the GUI's static files: it asks for the token itself). */
  publicPrefixes?: string[];
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : h;
  }
  const colon = h.lastIndexOf(':');
  return colon > 0 ? h.slice(0, colon) : h;
}

export function isLoopbackHost(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function originAllowed(origin: string, allowed: string[]): boolean {
  if (origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const normalized = `${url.protocol}//${url.host}`.toLowerCase();
  return allowed.some((a) => a.toLowerCase().replace(/\/+$/, '') === normalized);
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function securityMiddleware(opts: SecurityOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.headers.host;
    if (!host) return void res.status(400).json({ status: 400, error: 'Host header is required' });
    const name = hostName(host);
    if (!isLoopbackHost(name) && !opts.allowedHosts().map((h) => h.toLowerCase()).includes(name)) {
      return void res.status(403).json({ status: 403, error: `Host "${name}" is not allowed; add it to api.allowed_hosts` });
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const selfOrigin = `${req.protocol}://${host}`.toLowerCase();
      if (origin.toLowerCase() !== selfOrigin && !originAllowed(origin, opts.allowedOrigins())) {
        return void res.status(403).json({ status: 403, error: `Origin "${origin}" is not allowed; add it to api.allowed_origins` });
      }
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Idempotency-Key');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') return void res.status(204).end();
    }
    const token = opts.token();
    const open = (opts.publicPaths ?? []).includes(req.path) || (opts.publicPrefixes ?? []).some((p) => req.path === p || req.path.startsWith(p + '/'));
    if (token && !open) {
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      if (!given || !tokensEqual(given, token)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return void res.status(401).json({ status: 401, error: 'Authorization: Bearer <token> is required' });
      }
    }
    next();
  };
}
