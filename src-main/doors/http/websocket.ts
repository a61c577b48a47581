/**
 * WebSocket /ws (spec/native-api.md): operations, device lists, subscriptions to device/job/inbox events. The same
 * access check as HTTP (access.ts) on the upgrade request; the token comes in the Authorization header (programs)
 * or as a subprotocol (browsers cannot set headers on a WebSocket: ws-protocol.ts), never in the URL.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HubEventName } from '../../shared/events.js';
import type { NativeDoorDeps } from './hub-api.js';
import { fiscalBody, posBody } from './routes/devices.js';
import { checkAccess } from './access.js';
import { nativePolicy } from './app.js';
import { submitOperation } from './submit-operation.js';
import { WS_PROTOCOL, tokenFromProtocols } from '../../shared/ws-protocol.js';

type Topic = 'devices' | 'jobs' | 'inbox';
const TOPIC_EVENTS: Record<Topic, HubEventName[]> = {
  devices: ['device_status', 'devices_changed', 'pos_prompt', 'pos_pending_void'],
  jobs: ['job'],
  inbox: ['inbox_file'],
};
const MAX_MESSAGE_BYTES = 1024 * 1024;

function rejectUpgrade(socket: Duplex, code: number, text: string, body = ''): void {
  const json = body ? JSON.stringify({ status: code, error: body }) : '';
  socket.write(
    `HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `X-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
  );
  socket.destroy();
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' };

export function attachWebSocket(server: Server, deps: NativeDoorDeps): { close(): Promise<void> } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Never echo the token-bearing protocol: the browser only needs to see the one it asked for by name.
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  const policy = nativePolicy(deps);
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/ws') return rejectUpgrade(socket, 404, 'Not Found');
    const d = checkAccess(policy, {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      peer: req.socket.remoteAddress,
      offeredToken: tokenFromProtocols(req.headers['sec-websocket-protocol']),
    });
    if (!d.ok) return rejectUpgrade(socket, d.status, STATUS_TEXT[d.status] ?? 'Forbidden', d.error);
    wss.handleUpgrade(req, socket, head, (ws) => handleClient(ws, deps));
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

function handleClient(ws: WebSocket, deps: NativeDoorDeps): void {
  const subscriptions = new Map<Topic, Array<() => void>>();
  const send = (msg: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const unsubscribe = (topic: Topic) => {
    for (const off of subscriptions.get(topic) ?? []) off();
    subscriptions.delete(topic);
  };
  ws.on('close', () => {
    for (const t of [...subscriptions.keys()]) unsubscribe(t);
  });
  ws.on('message', async (raw) => {
    let msg: { id?: unknown; action?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(raw.toString()) as typeof msg;
    } catch {
      return send({ id: null, ok: false, error: { status: 400, error: 'message is not valid JSON' } });
    }
    const id = typeof msg.id === 'string' || typeof msg.id === 'number' ? msg.id : null;
    const fail = (status: number, error: string) => send({ id, ok: false, error: { status, error } });
    const payload = (typeof msg.payload === 'object' && msg.payload !== null ? msg.payload : {}) as Record<string, unknown>;
    switch (msg.action) {
      case 'ping':
        return send({ id, ok: true, result: { pong: true, time: new Date().toISOString() } });
      case 'list_fiscal':
        return send({ id, ok: true, result: { fiscal_devices: deps.registry.listFiscal().map(fiscalBody) } });
      case 'list_pos':
        return send({ id, ok: true, result: { pos_terminals: deps.registry.listPos().map(posBody) } });
      case 'subscribe':
      case 'unsubscribe': {
        const topics = Array.isArray(payload.topics) ? payload.topics : [];
        const bad = topics.find((t) => !(typeof t === 'string' && t in TOPIC_EVENTS));
        if (topics.length === 0 || bad !== undefined) {
          return fail(400, `payload.topics: must list one or more of ${Object.keys(TOPIC_EVENTS).join(', ')}`);
        }
        for (const t of topics as Topic[]) {
          if (msg.action === 'unsubscribe') unsubscribe(t);
          else if (!subscriptions.has(t)) {
            subscriptions.set(
              t,
              TOPIC_EVENTS[t].map((ev) => deps.events.on(ev, (data) => send({ event: ev, data }))),
            );
          }
        }
        return send({ id, ok: true, result: { topics: [...subscriptions.keys()] } });
      }
      case 'operation': {
        const key = payload.idempotency_key;
        if (key !== undefined && typeof key !== 'string') return fail(400, 'payload.idempotency_key: must be a string');
        const out = await submitOperation(deps, { device_id: payload.device_id, operation: payload.operation }, key, 'ws');
        if (out.kind === 'done') return send({ id, ok: true, result: JSON.parse(out.body) as unknown });
        return fail(out.httpStatus, out.error);
      }
      default:
        return fail(400, 'action: must be one of operation, list_fiscal, list_pos, subscribe, unsubscribe, ping');
    }
  });
}
