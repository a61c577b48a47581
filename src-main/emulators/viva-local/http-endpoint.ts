/**
 * The emulated terminal's HTTP listener (plain HTTP, or HTTPS with a given certificate, on a real TCP port). It goes down with the terminal's power —
 * listener closed, open connections cut — and comes back on the same port at power-on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TerminalApi } from './terminal-api.js';

const MAX_BODY = 64 * 1024;

export class HttpEndpoint {
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();
  #port: number;
  readonly #host: string;
  readonly #tls: { key: string; cert: string } | undefined;
  /** Requests seen (method + path), for tests that count what the ECR sent. */
  readonly requests: Array<{ method: string; path: string; body: unknown }> = [];

  constructor(
    private readonly api: TerminalApi,
    opts: { host?: string; port?: number; tls?: { key: string; cert: string } } = {},
  ) {
    this.#host = opts.host ?? '127.0.0.1';
    this.#port = opts.port ?? 0;
    this.#tls = opts.tls;
  }

  get port(): number {
    return this.#port;
  }

  get listening(): boolean {
    return this.#server !== null;
  }

  async listen(): Promise<number> {
    if (this.#server) return this.#port;
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.#serve(req, res);
    const server: Server = this.#tls ? createTlsServer(this.#tls, handler) : createServer(handler);
    server.on('connection', (s: Socket) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, this.#host, () => resolve());
    });
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
    return this.#port;
  }

  /** Stop listening and cut every open connection (power loss). */
  async close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://terminal').pathname;
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const raw = await readBody(req).catch(() => null);
      if (raw === null) return reply(res, 413, { message: 'request body too large' });
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (!type.startsWith('application/json')) return reply(res, 415, { message: 'Content-Type must be application/json' });
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(res, 400, { eventId: 6000, message: 'Wrong request parameters: body is not JSON' });
      }
    }
    this.requests.push({ method: req.method ?? '', path, body });
    const r = this.api.handle(req.method ?? '', path, body);
    if (r.kind === 'hang') return; // never answered; the connection stays open until the ECR gives up
    if (r.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    reply(res, r.status, r.body);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
