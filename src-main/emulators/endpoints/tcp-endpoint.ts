/**
 * Serve a Datecs wire emulator on a TCP port (like a register's LAN port, one host at a time: a new connection
 * replaces the previous one). A "disconnect" fault closes the socket and refuses connections for a while.
 */
import net from 'node:net';
import type { WireFrontEnd } from './wire-front-end.js';

export interface TcpEndpoint {
  readonly port: number;
  readonly host: string;
  /** Drop the current connection (and refuse new ones for `refuseMs`). */
  disconnect(refuseMs?: number): void;
  close(): Promise<void>;
}

export async function serveTcp(emulator: WireFrontEnd, opts: { port?: number; host?: string } = {}): Promise<TcpEndpoint> {
  const host = opts.host ?? '127.0.0.1';
  let current: { socket: net.Socket; detach: () => void } | null = null;
  let refuseUntil = 0;
  const sockets = new Set<net.Socket>();

  const dropCurrent = () => {
    if (!current) return;
    current.detach();
    current.socket.destroy();
    current = null;
  };
  const disconnect = (refuseMs = 300) => {
    refuseUntil = Date.now() + refuseMs;
    dropCurrent();
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (Date.now() < refuseUntil) {
      socket.destroy();
      return;
    }
    dropCurrent();
    socket.setNoDelay(true);
    const detach = emulator.attach(socket, { disconnect });
    current = { socket, detach };
    socket.on('close', () => {
      if (current?.socket === socket) {
        detach();
        current = null;
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as net.AddressInfo;
  return {
    port: addr.port,
    host,
    disconnect,
    close: () =>
      new Promise<void>((resolve) => {
        dropCurrent();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
