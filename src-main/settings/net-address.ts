/**
 * Network addresses as the settings and the doors' access check see them: is a bind address or a Host name loopback
 * (exactly: 127.0.0.0/8, ::1, ::ffff:127.x.x.x, "localhost" — never "127.evil.example"), is a client address on an
 * allow-list of addresses and subnets ("192.168.1.20", "192.168.1.0/24", "fd00::/64").
 */
import { BlockList, isIP, isIPv4 } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** "::ffff:192.0.2.1" → "192.0.2.1"; brackets and a zone index removed; lower case. */
export function normalizeAddress(address: string): string {
  let a = address.trim().toLowerCase();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const zone = a.indexOf('%');
  if (zone > 0) a = a.slice(0, zone);
  if (a.startsWith('::ffff:') && isIPv4(a.slice(7))) a = a.slice(7);
  return a;
}

function family(address: string): 'ipv4' | 'ipv6' | null {
  const v = isIP(address);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : null;
}

/** An IP address in 127.0.0.0/8 or ::1 (an IPv4-mapped form included). Names are not addresses: false. */
export function isLoopbackAddress(address: string): boolean {
  const a = normalizeAddress(address);
  const f = family(a);
  return f !== null && LOOPBACK.check(a, f);
}

/** A bind address (settings `host`, `serve --host`) that only this computer can reach. */
export function isLoopbackBind(host: string): boolean {
  return host.trim().toLowerCase() === 'localhost' || isLoopbackAddress(host);
}

/** "192.168.1.20", "fd00::2", "192.168.1.0/24", "fd00::/64" — what an allow-list entry may be. */
export function parseClientEntry(entry: string): { address: string; prefix: number | null; family: 'ipv4' | 'ipv6' } | null {
  const [addr = '', prefixText, extra] = entry.trim().split('/');
  if (extra !== undefined) return null;
  const address = normalizeAddress(addr);
  const f = family(address);
  if (f === null) return null;
  if (prefixText === undefined) return { address, prefix: null, family: f };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (f === 'ipv4' ? 32 : 128)) return null;
  return { address, prefix, family: f };
}

const lists = new Map<string, BlockList>();

function blockList(entries: readonly string[]): BlockList {
  const key = entries.join('\n');
  let list = lists.get(key);
  if (!list) {
    list = new BlockList();
    for (const e of entries) {
      const p = parseClientEntry(e);
      if (!p) continue; // the settings schema refuses such entries; a hand-edited file's typo allows nobody
      if (p.prefix === null) list.addAddress(p.address, p.family);
      else list.addSubnet(p.address, p.prefix, p.family);
    }
    if (lists.size > 64) lists.clear();
    lists.set(key, list);
  }
  return list;
}

/** Is the socket's peer address on the allow-list (loopback clients — this computer — always are)? */
export function clientAllowed(peer: string | undefined, allow: readonly string[]): boolean {
  if (!peer) return false;
  const a = normalizeAddress(peer);
  const f = family(a);
  if (f === null) return false;
  if (LOOPBACK.check(a, f)) return true;
  return blockList(allow).check(a, f);
}
