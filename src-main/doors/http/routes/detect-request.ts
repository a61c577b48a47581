/**
 * The body of POST /manage/detect: `{}` (every serial port the system lists), `{"ports": [...]}`, and/or
 * `{"hosts": [...]}` (network devices: Caspos). A named port must look like a serial port: COMn on Windows; elsewhere
 * a path that is a character device (a link to one is fine, e.g. /dev/serial/by-id/…). Detection writes probe frames
 * to it, so it is never a disk or an arbitrary file. A host is an IPv4 address of the shop's own network (private,
 * link-local or loopback: never the internet), with an optional port ("192.168.1.50:5544"), or such a subnet of at
 * most 256 addresses ("192.168.1.0/24").
 */
import { promises as fsp } from 'node:fs';
import { isAbsolute } from 'node:path';
import { clientAllowed, parseClientEntry } from '../../../domain/net-address.js';

export type DetectPorts = { ok: true; ports?: string[]; hosts?: Array<{ host: string; port?: number }> } | { ok: false; error: string };

const MAX_PORTS = 64;
const MAX_HOST_ENTRIES = 16;
const MAX_TARGETS = 1024;

/** The shop's own network: private and link-local ranges (loopback, this computer, always counts). */
const SHOP_NETWORKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16'];

function hostTargets(entry: string, i: number): { targets: Array<{ host: string; port?: number }> } | { error: string } {
  const where = `hosts[${i}]`;
  const m = /^([0-9.]+(?:\/\d{1,2})?)(?::(\d{1,5}))?$/.exec(entry);
  const net = m ? parseClientEntry(m[1]!) : null;
  if (!m || !net || net.bytes.length !== 4 || (m[2] !== undefined && m[1]!.includes('/'))) {
    return { error: `${where}: "${entry}" is not an IPv4 address, address:port or subnet (e.g. "192.168.1.50", "192.168.1.50:5544", "192.168.1.0/24")` };
  }
  const host = net.bytes.join('.');
  if (!clientAllowed(host, SHOP_NETWORKS)) return { error: `${where}: "${entry}" is not on the shop's network (10.x, 172.16–31.x, 192.168.x, 169.254.x or 127.x)` };
  if (m[2] !== undefined) {
    const port = Number(m[2]);
    if (port < 1 || port > 65535) return { error: `${where}: port ${m[2]} is not 1–65535` };
    return { targets: [{ host, port }] };
  }
  if (net.prefix === 32) return { targets: [{ host }] };
  if (net.prefix < 24) return { error: `${where}: a subnet is /24 to /32 (at most 256 addresses), not /${net.prefix}` };
  const [a = 0, b = 0, c = 0, d = 0] = net.bytes;
  const size = 2 ** (32 - net.prefix);
  const first = (((a << 24) | (b << 16) | (c << 8) | d) & ~(size - 1)) >>> 0;
  // Without the network and broadcast addresses of subnets that have them.
  const skipEdges = size >= 4;
  const targets: Array<{ host: string }> = [];
  for (let k = skipEdges ? 1 : 0; k < (skipEdges ? size - 1 : size); k++) {
    const n = first + k;
    targets.push({ host: [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.') });
  }
  return { targets };
}

function parseHosts(hosts: unknown): { ok: true; hosts: Array<{ host: string; port?: number }> } | { ok: false; error: string } {
  if (!Array.isArray(hosts) || hosts.length === 0 || hosts.length > MAX_HOST_ENTRIES || hosts.some((h) => typeof h !== 'string')) {
    return { ok: false, error: `hosts: must be a list of 1 to ${MAX_HOST_ENTRIES} addresses or subnets (e.g. "192.168.1.50", "192.168.1.0/24")` };
  }
  const seen = new Map<string, { host: string; port?: number }>();
  for (const [i, entry] of (hosts as string[]).entries()) {
    const t = hostTargets(entry.trim(), i);
    if ('error' in t) return { ok: false, error: t.error };
    for (const x of t.targets) seen.set(`${x.host}:${x.port ?? ''}`, x);
    if (seen.size > MAX_TARGETS) return { ok: false, error: `hosts: at most ${MAX_TARGETS} addresses in all` };
  }
  return { ok: true, hosts: [...seen.values()] };
}

async function portError(port: string, i: number): Promise<string | null> {
  const where = `ports[${i}]`;
  // eslint-disable-next-line no-control-regex
  if (port.length === 0 || port.length > 200 || /[\x00-\x1f]/.test(port)) return `${where}: must be a serial port name`;
  if (process.platform === 'win32') {
    return /^(\\\\\.\\)?COM\d{1,3}$/i.test(port) ? null : `${where}: "${port}" is not a serial port name (COM1, COM2, …)`;
  }
  if (!isAbsolute(port)) return `${where}: "${port}" is not a serial port path (e.g. /dev/ttyUSB0)`;
  try {
    if (!(await fsp.stat(port)).isCharacterDevice()) return `${where}: "${port}" is not a serial port (not a character device)`;
  } catch {
    return `${where}: "${port}" does not exist`;
  }
  return null;
}

export async function detectPorts(body: unknown): Promise<DetectPorts> {
  if (body === undefined || body === null) return { ok: true };
  if (typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: 'body: must be a JSON object like {"ports": ["/dev/ttyUSB0"]}' };
  for (const key of Object.keys(body)) if (key !== 'ports' && key !== 'hosts') return { ok: false, error: `${key}: is not a known field` };
  const { ports, hosts } = body as { ports?: unknown; hosts?: unknown };
  if (hosts !== undefined) {
    const h = parseHosts(hosts);
    if (!h.ok) return h;
    if (ports === undefined) return { ok: true, hosts: h.hosts };
    const p = await detectPorts({ ports });
    return p.ok ? { ...p, hosts: h.hosts } : p;
  }
  if (ports === undefined) return { ok: true };
  if (!Array.isArray(ports) || ports.length > MAX_PORTS || ports.some((p) => typeof p !== 'string')) {
    return { ok: false, error: `ports: must be a list of up to ${MAX_PORTS} port names (e.g. "COM3", "/dev/ttyUSB0")` };
  }
  const names = (ports as string[]).map((p) => p.trim());
  for (const [i, port] of names.entries()) {
    const e = await portError(port, i);
    if (e) return { ok: false, error: e };
  }
  return { ok: true, ports: names };
}
