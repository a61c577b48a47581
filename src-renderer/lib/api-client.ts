/**
 * fetch() against the hub: JSON in and out, the token when there is one, and this client's language
 * (`X-FisCool-Language`) on every request. Network failures and non-2xx answers become an ApiError carrying the
 * hub's `{status, error, path?}`.
 */
import type { ApiErrorBody } from '../../src-main/shared/api-types.js';
import { LANGUAGE_HEADER } from '../../src-main/shared/texts/text-language.js';
import { currentLanguage } from '../i18n/language-store.js';
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
  return {
    Accept: 'application/json',
    [LANGUAGE_HEADER]: currentLanguage(),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...extra,
  };
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';
}

async function request(method: 'GET' | 'POST', path: string, body?: unknown, extra?: Record<string, string>): Promise<Response> {
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
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    const b = isErrorBody(parsed) ? parsed : null;
    if (res.status === 401) onUnauthorized();
    throw new ApiError(res.status, b, b?.error ?? `HTTP ${res.status}`);
  }
  return res;
}

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return (text ? JSON.parse(text) : null) as T;
  } catch {
    throw new ApiError(res.status, null, 'the hub answered something that is not JSON');
  }
}

export async function apiGet<T>(path: string): Promise<T> {
  return json<T>(await request('GET', path));
}

export async function apiPost<T>(path: string, body: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  return json<T>(await request('POST', path, body, extraHeaders));
}

/** A text download (CSV) with the same headers. */
export async function apiGetText(path: string): Promise<string> {
  return (await request('GET', path)).text();
}

/** A binary download (the support bundle) with the same headers. */
export async function apiGetBlob(path: string): Promise<Blob> {
  return (await request('GET', path)).blob();
}

/** A fresh key for one user intent; a receipt draft keeps its own (see receipt/draft-attempt.ts). */
export function newIdempotencyKey(): string {
  return `gui-${crypto.randomUUID()}`;
}
