/** TCP transport: open a raw socket to a device (Datecs LAN port, default 3999). Yields a Duplex. */
import net from 'node:net';

export const DATECS_DEFAULT_TCP_PORT = 3999;

export function openTcp(opts: { host: string; port: number; timeoutMs?: number }): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: opts.host, port: opts.port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no TCP connection to ${opts.host}:${opts.port} within ${opts.timeoutMs ?? 3000} ms`));
    }, opts.timeoutMs ?? 3000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setKeepAlive(true, 5000);
      resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
