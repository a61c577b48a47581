/**
 * The native door's hot path: `POST /devices/operation` answered on node:http directly, without express's router,
 * request decoration and body parser (about a third of the door's time per operation, bench/hub.bench.ts).
 *
 * It takes a request only when its headers show that express would do exactly what it does — the access check passes
 * with no CORS answer to add, the body is plain UTF-8 JSON with a Content-Length within the limit, the language
 * header is absent or valid — and then uses the same pieces express uses: `checkAccess`, `setSecurityHeaders`,
 * `operationAnswer`. Everything else (a refusal, a browser's CORS request, a query string, a chunked or compressed
 * body, a bad header) is left to express, which renders it. The answers of both ways are compared byte for byte in
 * test/integration/http/fast-operation.test.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { isTextLanguage, LANGUAGE_HEADER, type TextLanguage } from '../../shared/texts/text-language.js';
import { checkAccess, type AccessPolicy } from './access.js';
import type { NativeDoorDeps } from './hub-api.js';
import { operationAnswer, writeAnswer } from './operation-answer.js';
import { setSecurityHeaders } from './security.js';

const PATH = '/devices/operation';
const LANGUAGE = LANGUAGE_HEADER.toLowerCase();
/** `application/json`, with at most a UTF-8 charset: anything else (another parameter, a malformed one) is express's. */
const PLAIN_JSON = /^ *application\/json *(; *charset *= *("utf-?8"|utf-?8) *)?$/i;

/** Returns false (and touches nothing) when the request is not one it takes. */
export type FastHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export function fastOperation(deps: NativeDoorDeps, policy: AccessPolicy, limitBytes: number): FastHandler {
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== PATH) return false;
    const length = plainJsonLength(req);
    if (length === null || length > limitBytes) return false;
    const lang = languageHeader(req);
    if (lang === undefined) return false;
    const d = checkAccess(policy, {
      method: 'POST',
      url: PATH,
      headers: req.headers,
      peer: req.socket.remoteAddress,
      scheme: (req.socket as TLSSocket).encrypted ? 'https' : 'http',
      publicPath: false,
    });
    if (!d.ok || d.corsOrigin !== null) return false;
    setSecurityHeaders(res, false);
    readBody(req, (text) => {
      let body: unknown;
      try {
        body = text.length === 0 ? {} : JSON.parse(text);
      } catch (e) {
        writeAnswer(res, { httpStatus: 400, body: JSON.stringify({ status: 400, error: `Request body is not valid JSON: ${(e as Error).message}`.trim() }) });
        return;
      }
      const key = req.headers['idempotency-key'];
      operationAnswer(deps, body, typeof key === 'string' ? key : undefined, lang).then(
        (a) => writeAnswer(res, a),
        (err: unknown) => {
          deps.logger.error({ err }, 'POST /devices/operation failed');
          if (!res.headersSent) writeAnswer(res, { httpStatus: 500, body: JSON.stringify({ status: 500, error: 'Internal error; see the FisCool log' }) });
        },
      );
    });
    return true;
  };
}

/** The body's length when it is plain UTF-8 JSON sent with a Content-Length (not chunked, not compressed); else null. */
function plainJsonLength(req: IncomingMessage): number | null {
  const h = req.headers;
  if (h['transfer-encoding'] !== undefined) return null;
  const enc = h['content-encoding'];
  if (enc !== undefined && enc.trim().toLowerCase() !== 'identity') return null;
  if (!PLAIN_JSON.test(h['content-type'] ?? '')) return null;
  const raw = h['content-length'];
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 ? n : null;
}

/** null: no language asked for; undefined: one express must refuse. */
function languageHeader(req: IncomingMessage): TextLanguage | null | undefined {
  const raw = req.headers[LANGUAGE];
  if (raw === undefined) return null;
  if (typeof raw !== 'string') return undefined;
  const lang = raw.trim().toLowerCase();
  if (lang === '') return null;
  return isTextLanguage(lang) ? lang : undefined;
}

/** The whole body as text, a leading byte-order mark dropped (as the JSON parser express uses does). */
function readBody(req: IncomingMessage, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  // A client that hangs up mid-body: nothing was submitted, nothing to answer.
  req.on('error', () => {});
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8');
    done(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  });
}
