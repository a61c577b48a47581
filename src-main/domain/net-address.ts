/**
 * Network addresses as the settings and the doors' access check see them (pure: no Node imports, so the settings
 * schema that uses it stays readable by the GUI). Is a bind address or a Host name loopback — exactly: 127.0.0.0/8,
 * ::1, ::ffff:127.x.x.x, "localhost"; never "127.evil.example" —, and is a client address on an allow-list of
 * addresses and subnets ("192.168.1.20", "192.168.1.0/24", "fd00::/64")?
 */

type Bytes = number[];

function parseIPv4(s: string): Bytes | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: Bytes = [];
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string): Bytes | null {
  if (!/^[0-9a-f:.]+$/.test(s) || s.split('::').length > 2) return null;
  let tail: Bytes = [];
  let text = s;
  if (s.includes('.')) {
    // An IPv4 address in the last 32 bits ("::ffff:192.0.2.1", "64:ff9b::192.0.2.1").
    const lastColon = s.lastIndexOf(':');
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    const head = s.slice(0, lastColon + 1);
    text = head.endsWith('::') ? head : head.slice(0, -1);
  }
  const groupsWanted = (16 - tail.length) / 2;
  const [head = '', rest] = text.split('::');
  const parse = (part: string): Bytes | null => {
    if (part === '') return [];
    const out: Bytes = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      const n = parseInt(g, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  const a = parse(head);
  const b = rest === undefined ? [] : parse(rest);
  if (!a || !b) return null;
  const have = (a.length + b.length) / 2;
  if (rest === undefined ? have !== groupsWanted : have >= groupsWanted) return null;
  const zeros = new Array<number>((groupsWanted - have) * 2).fill(0);
  return [...a, ...zeros, ...b, ...tail];
}

/** "::ffff:192.0.2.1" → "192.0.2.1"; brackets and a zone index removed; lower case. */
export function normalizeAddress(address: string): string {
  let a = address.trim().toLowerCase();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const zone = a.indexOf('%');
  if (zone > 0) a = a.slice(0, zone);
  if (a.startsWith('::ffff:') && parseIPv4(a.slice(7))) a = a.slice(7);
  return a;
}

/** An IP address as 4 or 16 bytes (IPv4-mapped IPv6 as its IPv4 bytes), or null for anything else. */
export function ipBytes(address: string): Bytes | null {
  const a = normalizeAddress(address);
  const v4 = parseIPv4(a);
  if (v4) return v4;
  const v6 = parseIPv6(a);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? v6.slice(12) : v6;
}

function inPrefix(addr: Bytes, net: Bytes, bits: number): boolean {
  if (addr.length !== net.length) return false;
  for (let i = 0; i < addr.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((addr[i] ?? 0) & mask) !== ((net[i] ?? 0) & mask)) return false;
  }
  return true;
}

const LOOPBACK_V6 = [...new Array<number>(15).fill(0), 1];

/** An IP address in 127.0.0.0/8 or ::1 (an IPv4-mapped form included). Names are not addresses: false. */
export function isLoopbackAddress(address: string): boolean {
  const b = ipBytes(address);
  if (!b) return false;
  return b.length === 4 ? b[0] === 127 : b.every((x, i) => x === LOOPBACK_V6[i]);
}

/** A bind address (settings `host`, `serve --host`) that only this computer can reach. */
export function isLoopbackBind(host: string): boolean {
  return host.trim().toLowerCase() === 'localhost' || isLoopbackAddress(host);
}

/** "192.168.1.20", "fd00::2", "192.168.1.0/24", "fd00::/64" — what an allow-list entry may be. */
export function parseClientEntry(entry: string): { bytes: Bytes; prefix: number } | null {
  const [addr = '', prefixText, extra] = entry.trim().split('/');
  if (extra !== undefined) return null;
  const bytes = ipBytes(addr);
  if (!bytes) return null;
  const max = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix > max ? null : { bytes, prefix };
}

/** Is the socket's peer address on the allow-list (loopback clients — this computer — always are)? */
export function clientAllowed(peer: string | undefined, allow: readonly string[]): boolean {
  if (!peer) return false;
  const b = ipBytes(peer);
  if (!b) return false;
  if (isLoopbackAddress(peer)) return true;
  return allow.some((entry) => {
    const e = parseClientEntry(entry);
    return e !== null && inPrefix(b, e.bytes, e.prefix);
  });
}
