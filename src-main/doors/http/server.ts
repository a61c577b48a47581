/** Listening: startHttpServer(app, host, port) → { address, close }. Port 0 picks a free port (tests). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

export interface RunningServer {
  server: Server;
  address: { host: string; port: number };
  close(): Promise<void>;
}

export function startHttpServer(app: RequestListener, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.keepAliveTimeout = 5000;
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address() as AddressInfo;
      resolve({
        server,
        address: { host: a.address, port: a.port },
        close: () =>
          new Promise<void>((res) => {
            server.close(() => res());
            server.closeAllConnections();
          }),
      });
    });
  });
}
