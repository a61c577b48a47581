/**
 * The client side of a bench: what a sales program holds — one keep-alive HTTP connection per till (node:http), a
 * JSON POST per operation, each timed from before it is written to the answer's last byte. It runs in this process:
 * here a client in another thread or process adds two cross-core wake-ups a request (about 0.12 ms on this machine,
 * measured against a bare node:http server: 140 µs a round trip in one process, 255 µs across threads), which are the
 * operating system's and not the hub's work; the client's own work (about 0.05 ms) stays in. The test helpers' fetch
 * costs about a millisecond more a request, which is why benches do not use it.
 */
import http from 'node:http';

export interface ClientRequestSpec {
  path: string;
  body: unknown;
}

export interface ClientAnswer {
  ms: number;
  status: number;
  body: any;
}

export interface PosClient {
  /** Lanes run at once, the requests of a lane one after another (a lane = one till). */
  run(lanes: ClientRequestSpec[][]): Promise<{ wallMs: number; answers: ClientAnswer[][] }>;
  /** One request: its answer and its time. */
  post(path: string, body: unknown): Promise<ClientAnswer>;
  close(): Promise<void>;
}

export function posClient(baseUrl: string): PosClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const base = new URL(baseUrl);
  const post = (path: string, body: unknown) =>
    new Promise<ClientAnswer>((resolve, reject) => {
      const text = JSON.stringify(body);
      const t0 = performance.now();
      const q = http.request(
        {
          hostname: base.hostname,
          port: base.port,
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
        },
        (res) => {
          let d = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (d += c));
          res.on('end', () => {
            const ms = performance.now() - t0;
            try {
              resolve({ ms, status: res.statusCode ?? 0, body: JSON.parse(d) });
            } catch (e) {
              reject(new Error(`${path}: not JSON (${String(e)}): ${d.slice(0, 200)}`));
            }
          });
        },
      );
      q.on('error', reject);
      q.end(text);
    });
  return {
    post,
    run: async (lanes) => {
      const t0 = performance.now();
      const answers = await Promise.all(
        lanes.map(async (lane) => {
          const out: ClientAnswer[] = [];
          for (const r of lane) out.push(await post(r.path, r.body));
          return out;
        }),
      );
      return { wallMs: performance.now() - t0, answers };
    },
    close: async () => agent.destroy(),
  };
}
