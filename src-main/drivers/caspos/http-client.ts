/**
 * One HTTP exchange with a Caspos device: `POST /` with `Content-Type: application/json; charset=utf-8`, a new
 * connection each time (no keep-alive: a request on a stale pooled socket could be lost after the device read
 * it). A failure says whether the request may have reached the device: not when the connection was never made
 * (refused, unreachable, connect timeout); possibly once it was connected (reset, timeout waiting, cut answer).
 */
import http from 'node:http';
import { CASPOS_CONTENT_TYPE } from '../../protocols/caspos/envelope.js';

export class CasposTransportError extends Error {
  constructor(
    message: string,
    /** The connection was made: the device may have read and executed the request. */
    readonly maybeSent: boolean,
  ) {
    super(message);
    this.name = 'CasposTransportError';
  }
}

export interface HttpAnswer {
  status: number;
  text: string;
}

const CONNECT_TIMEOUT_MS = 5000;

export function postCaspos(base: { host: string; port: number }, body: string, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let connected = false;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
      fn();
    };
    const fail = (what: string) => finish(() => reject(new CasposTransportError(what, connected)));
    const req = http.request({
      host: base.host,
      port: base.port,
      path: '/',
      method: 'POST',
      agent: false,
      headers: {
        'content-type': CASPOS_CONTENT_TYPE,
        'content-length': Buffer.byteLength(body, 'utf8'),
        accept: 'application/json',
        connection: 'close',
      },
    });
    const connectTimer = setTimeout(
      () => {
        if (!connected) {
          fail(`no connection to ${base.host}:${base.port} within ${CONNECT_TIMEOUT_MS / 1000} s`);
          req.destroy();
        }
      },
      Math.min(CONNECT_TIMEOUT_MS, timeoutMs),
    );
    const answerTimer = setTimeout(() => {
      fail(`no answer from ${base.host}:${base.port} within ${Math.round(timeoutMs / 100) / 10} s`);
      req.destroy();
    }, timeoutMs);
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        connected = true;
      });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        finish(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })),
      );
      res.on('aborted', () => fail('the answer was cut off'));
      res.on('error', (e) => fail(`the answer was cut off (${e.message})`));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      const where = `${base.host}:${base.port}`;
      fail(e.code === 'ECONNREFUSED' ? `nothing listens on ${where}` : `${where}: ${e.code ?? e.message}`);
    });
    req.end(body, 'utf8');
  });
}
