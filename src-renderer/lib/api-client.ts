/** fetch() against the hub's native API. Non-2xx answers become an ApiError carrying the hub's `{status, error}`. */
import type { ApiErrorBody } from '../../src-main/shared/api-types.js';
import { hubLocation } from './bridge.js';

let onUnauthorized: () => void = () => undefined;

/** Called on every 401, so the GUI can ask for the token. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export class ApiError extends Error {
  readonly httpStatus: number;
  readonly body: ApiErrorBody | null;
  constructor(httpStatus: number, body: ApiErrorBody | null, message: string) {
    super(message);
    this.httpStatus = httpStatus;
    this.body = body;
  }
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const { token } = hubLocation();
  return { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
}

async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown, extra?: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(hubLocation().apiBase + path, {
      method,
      headers: headers(body === undefined ? extra : { 'Content-Type': 'application/json', ...extra }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (e) {
    throw new ApiError(0, null, e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) {
    const b = isErrorBody(parsed) ? parsed : null;
    if (res.status === 401) onUnauthorized();
    throw new ApiError(res.status, b, b?.error ?? `HTTP ${res.status}`);
  }
  return parsed as T;
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';
}

export function apiGet<T>(path: string): Promise<T> {
  return send<T>('GET', path);
}

export function apiPost<T>(path: string, body: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  return send<T>('POST', path, body, extraHeaders);
}

/** A fresh key per user intent, so a retried click never prints twice (the hub remembers it). */
export function newIdempotencyKey(): string {
  return `gui-${crypto.randomUUID()}`;
}
