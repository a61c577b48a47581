/**
 * The Caspos emulator on HTTP: `POST /` takes the device's requests (Content-Type application/json, UTF-8), and a
 * control API under `/_emulator/` (loopback) lets tests and integrators look and inject faults:
 *   GET  /_emulator/state            the shift, the documents, faults, session, register counters
 *   GET  /_emulator/requests         every request body received (they carry the credentials: test use only)
 *   GET  /_emulator/journal          the virtual register's electronic journal (the witness of what was printed)
 *   POST /_emulator/faults           {printer_connected?, force?: {code, count?, operations?, message?},
 *                                     lose_answer?: {mode: "drop"|"hang", count?, operations?}, delay_ms?, delay_operations?}
 *   POST /_emulator/clear-faults     (also loads paper and closes the cover)
 *   POST /_emulator/expire-token     the session token expires: the next request gets 401
 *   POST /_emulator/advance-hours    {hours} moves the device clock (the 24-hour shift rule)
 *   POST /_emulator/integration      {enabled} "Enable Integration Service" off → 403
 *   POST /_emulator/paper-out        {line?} the paper runs out at that printed line
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CASPOS_CONTENT_TYPE } from '../../protocols/caspos/envelope.js';
import type { CasposEmulator } from './caspos-emulator.js';
import type { FaultSpec } from './faults.js';

export interface CasposEndpoint {
  port: number;
  host: string;
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': CASPOS_CONTENT_TYPE });
  res.end(JSON.stringify(body));
};

function control(em: CasposEmulator, method: string, path: string, body: string): unknown {
  const arg = (body.trim() ? JSON.parse(body) : {}) as Record<string, unknown>;
  const r = em.register;
  switch (`${method} ${path}`) {
    case 'GET /_emulator/state':
      return {
        ...em.state(),
        faults: em.faults.view(),
        session_active: em.sessionActive,
        integration_enabled: em.integrationEnabled,
        register: r.counters(),
        now: em.now(),
      };
    case 'GET /_emulator/requests':
      return em.requests;
    case 'GET /_emulator/journal':
      return r.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' });
    case 'POST /_emulator/faults':
      em.faults.set(arg as FaultSpec);
      return em.faults.view();
    case 'POST /_emulator/clear-faults':
      em.faults.clear();
      r.loadPaper();
      r.closeCover();
      return em.faults.view();
    case 'POST /_emulator/expire-token':
      em.expireToken();
      return {};
    case 'POST /_emulator/advance-hours':
      r.advanceClock(Number(arg.hours ?? 0) * 3600_000);
      return { now: em.now() };
    case 'POST /_emulator/integration':
      em.integrationEnabled = arg.enabled !== false;
      return { enabled: em.integrationEnabled };
    case 'POST /_emulator/paper-out':
      r.injectFaults({ paper_out_at_line: Number(arg.line ?? 1) });
      return {};
    default:
      throw Object.assign(new Error(`no control route ${method} ${path}`), { status: 404 });
  }
}

export async function serveCaspos(
  em: CasposEmulator,
  opts: { port?: number; host?: string } = {},
): Promise<CasposEndpoint> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/_emulator/')) {
        try {
          json(res, 200, control(em, req.method ?? 'GET', path, body));
        } catch (e) {
          json(res, (e as { status?: number }).status ?? 400, { error: (e as Error).message });
        }
        return;
      }
      if (path !== '/') return json(res, 404, { code: '404', message: 'not found' });
      if (req.method !== 'POST') return json(res, 405, { code: '405', message: 'use POST' });
      const ct = (req.headers['content-type'] ?? '').toLowerCase();
      if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/.test(ct)) {
        return json(res, 200, {
          code: '1002',
          message: 'json: input is not recognized (Content-Type must be application/json; charset=utf-8)',
        });
      }
      void em.handle(body).then(
        (reply) => {
          if (reply.kind === 'drop') return void req.socket.destroy();
          if (reply.kind === 'hang') return; // executed, never answered: the client times out
          const send = () => {
            if (res.destroyed) return;
            res.writeHead(200, {
              'content-type': CASPOS_CONTENT_TYPE,
              'content-length': Buffer.byteLength(reply.body),
            });
            res.end(reply.body);
          };
          if (reply.delayMs > 0) setTimeout(send, reply.delayMs);
          else send();
        },
        (e: unknown) => json(res, 500, { code: '65500', message: `unknown error (${(e as Error).message})` }),
      );
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
