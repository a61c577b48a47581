/**
 * The hub's WebSocket (/ws): subscribes to device, job and inbox events and reconnects after a close, waiting a
 * little longer each time (0.5 s doubling up to 5 s). On every (re)connect `onOpen` runs so stores can reload.
 */
import type { HubPush } from '../../src-main/shared/api-types.js';
import { wsProtocols } from '../../src-main/shared/ws-protocol.js';
import { hubLocation } from './bridge.js';

export interface LiveSocketHandlers {
  onPush(push: HubPush): void;
  onOpen(): void;
  onClose(): void;
}

export interface LiveSocket {
  close(): void;
}

/** The WebSocket's address: never with the token in it (URLs end up in logs); the token goes as a subprotocol. */
export function wsUrl(): string {
  const url = new URL('/ws', hubLocation().apiBase);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function openLiveSocket(h: LiveSocketHandlers): LiveSocket {
  let ws: WebSocket | null = null;
  let delay = 500;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const connect = () => {
    ws = new WebSocket(wsUrl(), wsProtocols(hubLocation().token));
    ws.onopen = () => {
      delay = 500;
      ws?.send(JSON.stringify({ id: 'sub', action: 'subscribe', payload: { topics: ['devices', 'jobs', 'inbox'] } }));
      h.onOpen();
    };
    ws.onmessage = (m) => {
      let msg: unknown;
      try {
        msg = JSON.parse(String(m.data));
      } catch {
        return;
      }
      if (typeof msg === 'object' && msg !== null && 'event' in msg) h.onPush(msg as HubPush);
    };
    ws.onclose = () => {
      ws = null;
      h.onClose();
      if (stopped) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  connect();
  return {
    close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      ws?.close();
    },
  };
}
