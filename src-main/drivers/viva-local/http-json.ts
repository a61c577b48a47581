/**
 * One JSON request to the terminal over HTTP or HTTPS (a terminal's self-signed certificate is accepted: there is
 * nothing to pin it to). A failure says whether the request had left FisCool: a start request that never left
 * cannot have started anything.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface JsonAnswer {
  status: number;
  body: unknown;
}

export class TransportError extends Error {
  constructor(
    message: string,
    /** The request was fully written before the failure: the terminal may have acted on it. */
    readonly sent: boolean,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface Endpoint {
  scheme: 'http' | 'https';
  host: string;
  port: number;
}

export function requestJson(ep: Endpoint, method: 'GET' | 'POST', path: string, body: unknown, timeoutMs: number): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const send = ep.scheme === 'https' ? httpsRequest : httpRequest;
    let sent = false;
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      reject(new TransportError(message, sent));
    };
    const req = send(
      {
        host: ep.host,
        port: ep.port,
        method,
        path,
        agent: false,
        headers: {
          accept: 'application/json',
          ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
        ...(ep.scheme === 'https' ? { rejectUnauthorized: false } : {}),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => fail('the answer was cut off'));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = null;
          try {
            parsed = text.trim() === '' ? null : JSON.parse(text);
          } catch {
            parsed = { raw: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    const timer = setTimeout(() => {
      fail(`no answer within ${timeoutMs} ms`);
      req.destroy();
    }, timeoutMs);
    req.on('finish', () => (sent = true));
    req.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(e.code ? `${e.code} ${e.message}` : e.message);
    });
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
