/**
 * WebSocket /ws (spec/native-api.md): operations, device lists, subscriptions to device/job/inbox events. Same host,
 * origin and token rules as HTTP (checked on the upgrade request).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HubEventName } from '../../shared/events.js';
import type { NativeDoorDeps } from './hub-api.js';
import { fiscalBody, posBody } from './routes/devices.js';
import { hostName, isLoopbackHost } from './security.js';
import { submitOperation } from './submit-operation.js';

type Topic = 'devices' | 'jobs' | 'inbox';
const TOPIC_EVENTS: Record<Topic, HubEventName[]> = {
  devices: ['device_status', 'devices_changed', 'pos_prompt', 'pos_pending_void'],
  jobs: ['job'],
  inbox: ['inbox_file'],
};
const MAX_MESSAGE_BYTES = 1024 * 1024;

function rejectUpgrade(socket: Duplex, code: number, text: string): void {
  socket.write(`HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

function upgradeAllowed(req: IncomingMessage, deps: NativeDoorDeps): { ok: true } | { ok: false; code: number; text: string } {
  const api = deps.settings.get().api;
  const host = req.headers.host ?? '';
  const name = hostName(host);
  if (!host || (!isLoopbackHost(name) && !api.allowed_hosts.map((h) => h.toLowerCase()).includes(name))) {
    return { ok: false, code: 403, text: 'Forbidden' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`.toLowerCase()) {
    const allowed = api.allowed_origins.map((o) => o.toLowerCase().replace(/\/+$/, ''));
    if (!allowed.includes(origin.toLowerCase())) return { ok: false, code: 403, text: 'Forbidden' };
  }
  if (api.token) {
    const auth = req.headers.authorization ?? '';
    const url = new URL(req.url ?? '/', 'http://x');
    const given = auth.startsWith('Bearer ') ? auth.slice(7).trim() : (url.searchParams.get('token') ?? '');
    if (given !== api.token) return { ok: false, code: 401, text: 'Unauthorized' };
  }
  return { ok: true };
}

export function attachWebSocket(server: Server, deps: NativeDoorDeps): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/ws') return rejectUpgrade(socket, 404, 'Not Found');
    const allowed = upgradeAllowed(req, deps);
    if (!allowed.ok) return rejectUpgrade(socket, allowed.code, allowed.text);
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
