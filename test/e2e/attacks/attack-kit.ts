/**
 * What the attack suite needs: a real hub in this process (native API, the ErpNet.FP and UcsFPHub listeners, the
 * built GUI) on a temp data dir and free ports; a hostile web site on another port; the simulated register's own
 * electronic journal (the witness of what was printed, apart from the hub's answers); the machine's LAN address.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '../../../src-main/hub/create-hub.js';
import { buildRenderer, ROOT } from '../hub-process.js';

export const TOKEN = 'attack-suite-token-0123456789abcdef';

export interface AttackHub {
  hub: Hub;
  dataDir: string;
  /** http://127.0.0.1:<port> of the native API. */
  url: string;
  port: number;
  erpUrl: string;
  ucsUrl: string;
  registerId: string;
  /** The simulated register's serial number (the compatible doors' printer id). */
  serial: string;
  /** Documents in the register's own electronic journal (receipts, reports, cash in/out…). */
  printed(): number;
  /** Jobs in the hub's journal (any device, any door). */
  jobs(): number;
  stop(): Promise<void>;
}

export interface AttackHubOptions {
  /** Written to settings.json before the hub starts (merged with the defaults by the settings schema). */
  settings?: Record<string, unknown>;
  host?: string;
  /** Start both compatible listeners on free ports (as `serve --erpnet-port 0 --ucsfphub-port 0`). */
  compat?: boolean;
}

const madeDirs: string[] = [];

/** A temp folder for a test (scan folders, "outside" folders); removed when the hub of the file stops. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

export async function startAttackHub(opts: AttackHubOptions = {}): Promise<AttackHub> {
  await buildRenderer();
  const dataDir = tempDir('fiscool-attack-');
  if (opts.settings) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(opts.settings));
  const hub = createHub({
    dataDir,
    port: 0,
    host: opts.host ?? '127.0.0.1',
    probeMs: 100,
    guiDir: join(ROOT, 'dist-renderer'),
    ...(opts.compat ? { erpnetPort: 0, ucsfphubPort: 0 } : {}),
  });
  try {
    await hub.start();
  } catch (e) {
    await hub.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const device = hub.devices.listFiscal()[0];
  if (!device) throw new Error('the hub created no simulated register');
  const registerId = device.config.id;
  const deadline = Date.now() + 15_000;
  while (hub.devices.getFiscal(registerId)?.identity?.serial === undefined) {
    if (Date.now() > deadline) throw new Error('the simulated register did not connect');
    await new Promise((r) => setTimeout(r, 25));
  }
  const a = hub.addresses();
  const port = a.native?.port ?? 0;
  const journal = join(dataDir, 'simulated', registerId, 'journal.jsonl');
  return {
    hub,
    dataDir,
    url: `http://127.0.0.1:${port}`,
    port,
    erpUrl: a.erpnet ? `http://127.0.0.1:${a.erpnet.port}` : '',
    ucsUrl: a.ucsfphub ? `http://127.0.0.1:${a.ucsfphub.port}` : '',
    registerId,
    serial: hub.devices.getFiscal(registerId)?.identity?.serial ?? '',
    printed: () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0),
    jobs: () => hub.operations.listJobs({ limit: 10_000 }).length,
    stop: async () => {
      await hub.stop();
      for (const dir of [dataDir, ...madeDirs.splice(0)]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A hostile web site: pages served from 127.0.0.1 on its own port (another origin, the same site as the hub). */
export interface HostileSite {
  /** http://127.0.0.1:<port>/<name> */
  url(name: string): string;
  /** The same page from http://localhost:<port>/ — another site than 127.0.0.1 for the browser. */
  otherSiteUrl(name: string): string;
  serve(name: string, html: string): void;
  close(): Promise<void>;
}

export async function startHostileSite(): Promise<HostileSite> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get((req.url ?? '/').slice(1).split('?')[0] ?? '');
    if (html === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    otherSiteUrl: (name) => `http://localhost:${port}/${name}`,
    serve: (name, html) => void pages.set(name, html),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The first non-internal IPv4 address of this machine: requests from it come from a "LAN neighbour". */
export function lanAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address;
  throw new Error('this machine has no non-loopback IPv4 address: the LAN-neighbour attacks need one (any network interface)');
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A raw HTTP request as a program or a LAN neighbour sends it: any Host header, from a chosen local address, no
 * Origin or Sec-Fetch-* unless given. Connection errors (a listener that refused to start) reject.
 */
export function rawRequest(o: {
  host: string;
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  localAddress?: string;
}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: o.host,
        port: o.port,
        path: o.path,
        method: o.method ?? 'GET',
        headers: o.headers ?? {},
        ...(o.localAddress ? { localAddress: o.localAddress } : {}),
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer from ${o.host}:${o.port}${o.path}`)));
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

/** Every file below `dir` (relative paths), for "nothing was written there". */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
