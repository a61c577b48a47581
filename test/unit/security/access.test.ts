/** The one access check (doors/http/access.ts) and the address rules behind it, decision by decision. */
import { describe, expect, it } from 'vitest';
import { bearerToken, checkAccess, isLoopbackHost, tokensEqual, type AccessPolicy, type AccessRequest } from '../../../src-main/doors/http/access.js';
import { isIP } from 'node:net';
import { clientAllowed, ipBytes, isLoopbackBind, parseClientEntry } from '../../../src-main/domain/net-address.js';
import { tokenFromProtocols, wsProtocols, WS_PROTOCOL } from '../../../src-main/shared/ws-protocol.js';

const TOKEN = 'a-long-enough-token-0123456789';

function policy(o: Partial<{ hosts: string[]; origins: string[]; token: string | null; required: boolean; clients: string[] }> = {}): AccessPolicy {
  return {
    allowedHosts: () => o.hosts ?? [],
    allowedOrigins: () => o.origins ?? [],
    token: () => (o.required ?? o.token !== undefined ? { required: true, token: o.token ?? null } : { required: false }),
    ...(o.clients ? { clients: () => ({ allow: o.clients!, setting: 'erpnet.allowed_clients' }) } : {}),
  };
}

const req = (headers: Record<string, string>, extra: Partial<AccessRequest> = {}): AccessRequest => ({
  method: 'GET',
  url: '/devices/fiscal',
  headers: { host: '127.0.0.1:10123', ...headers },
  peer: '127.0.0.1',
  ...extra,
});

describe('loopback, exactly', () => {
  it('bind addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LocalHost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect(isLoopbackBind(h), h).toBe(true);
    for (const h of ['127.evil.example', '127.0.0.1.nip.io', '127.0.0.256', '0.0.0.0', '::', '192.168.1.10', 'fd00::1', 'localhost.evil.example', ''])
      expect(isLoopbackBind(h), h).toBe(false);
  });
  it('Host names', () => {
    for (const h of ['localhost', '127.0.0.1', '127.9.9.9', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['127.evil.example', '127.0.0.1.nip.io', '0.0.0.0', '[::ffff:7f00:1]x', 'evil.example']) expect(isLoopbackHost(h), h).toBe(false);
  });
  it('client allow-lists: addresses, subnets, IPv6, IPv4-mapped peers; loopback always', () => {
    expect(clientAllowed('192.168.1.20', ['192.168.1.20'])).toBe(true);
    expect(clientAllowed('::ffff:192.168.1.20', ['192.168.1.0/24'])).toBe(true);
    expect(clientAllowed('192.168.2.20', ['192.168.1.0/24'])).toBe(false);
    expect(clientAllowed('fd00::2', ['fd00::/64'])).toBe(true);
    expect(clientAllowed('fd01::2', ['fd00::/64'])).toBe(false);
    expect(clientAllowed('127.0.0.1', [])).toBe(true);
    expect(clientAllowed('::1', [])).toBe(true);
    expect(clientAllowed(undefined, ['0.0.0.0/0'])).toBe(false);
    expect(parseClientEntry('192.168.1.0/33')).toBeNull();
    expect(parseClientEntry('pos.local')).toBeNull();
    expect(parseClientEntry('10.0.0.0/8/1')).toBeNull();
  });
});

describe('the pure address parser', () => {
  it('accepts exactly what Node accepts as an IP address', () => {
    const samples = ['1.2.3.4', '01.2.3.4', '256.1.1.1', '::', '::1', '1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1::2::3', '::ffff:1.2.3.4', '64:ff9b::192.0.2.1', '::1.2.3.4', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', ':::', '1.2.3', ''];
    const chars = '0123456789abcdef:.';
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let j = 0, n = 1 + (i % 20); j < n; j++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        s += chars[seed % chars.length];
      }
      samples.push(s);
    }
    for (const s of samples) expect(ipBytes(s) !== null, s).toBe(isIP(s) !== 0);
  });
});

describe('checkAccess', () => {
  it('Host: loopback or allowed, else 403 naming the setting; absent is a 400', () => {
    expect(checkAccess(policy(), req({ host: 'evil.example' }))).toMatchObject({ ok: false, status: 403, code: 'HOST_NOT_ALLOWED' });
    expect(checkAccess(policy({ hosts: ['shop-pc'] }), req({ host: 'SHOP-PC:10123' })).ok).toBe(true);
    expect(checkAccess(policy(), { ...req({}), headers: {} })).toMatchObject({ status: 400, code: 'HOST_REQUIRED' });
  });

  it('Origin: the door’s own or an allowed one (with CORS); "null" and look-alikes are refused', () => {
    expect(checkAccess(policy(), req({ origin: 'http://127.0.0.1:10123', 'sec-fetch-site': 'same-origin' }))).toEqual({ ok: true, corsOrigin: null });
    expect(checkAccess(policy(), req({ origin: 'null' }))).toMatchObject({ status: 403, code: 'ORIGIN_NOT_ALLOWED' });
    expect(checkAccess(policy({ origins: ['http://pos.local:3000/'] }), req({ origin: 'http://POS.local:3000', 'sec-fetch-site': 'cross-site' }))).toEqual({ ok: true, corsOrigin: 'http://POS.local:3000' });
    expect(checkAccess(policy({ origins: ['http://pos.local:3000'] }), req({ origin: 'http://pos.local:3000.evil.example' })).ok).toBe(false);
  });

  it('fetch metadata: cross-site and same-site requests without an allowed Origin are refused; none/absent pass', () => {
    for (const site of ['cross-site', 'same-site', 'CROSS-SITE']) expect(checkAccess(policy(), req({ 'sec-fetch-site': site }))).toMatchObject({ status: 403, code: 'CROSS_SITE' });
    expect(checkAccess(policy({ origins: ['http://pos.local'] }), req({ 'sec-fetch-site': 'cross-site' })).ok).toBe(false); // an <img> from the allowed site has no Origin
    expect(checkAccess(policy(), req({ 'sec-fetch-site': 'none' })).ok).toBe(true);
    expect(checkAccess(policy(), req({ 'sec-fetch-site': 'same-origin' })).ok).toBe(true);
    expect(checkAccess(policy(), req({})).ok).toBe(true); // programs send no Sec-Fetch-*
  });

  it('tokens: Bearer in any case, constant-time compare, public paths, fail closed, never in the URL', () => {
    const p = policy({ token: TOKEN });
    expect(checkAccess(p, req({})).ok).toBe(false);
    expect(checkAccess(p, req({ authorization: `bearer ${TOKEN}` })).ok).toBe(true);
    expect(checkAccess(p, req({ authorization: `  BeArEr   ${TOKEN} ` })).ok).toBe(true);
    expect(checkAccess(p, req({ authorization: `Bearer ${TOKEN.slice(1)}` }))).toMatchObject({ status: 401, code: 'TOKEN_REQUIRED' });
    expect(checkAccess(p, req({ authorization: `Basic ${TOKEN}` })).ok).toBe(false);
    expect(checkAccess(p, req({}, { publicPath: true })).ok).toBe(true);
    expect(checkAccess(p, req({}, { offeredToken: TOKEN })).ok).toBe(true);
    expect(checkAccess(p, req({}, { url: `/ws?token=${TOKEN}` }))).toMatchObject({ status: 400, code: 'TOKEN_IN_URL' });
    expect(checkAccess(policy({ required: true, token: null }), req({ authorization: `Bearer ${TOKEN}` }))).toMatchObject({ status: 401, code: 'TOKEN_NOT_SET' });
    expect(checkAccess(policy({ required: true, token: null }), req({}, { publicPath: true })).ok).toBe(true);
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(tokensEqual(TOKEN, TOKEN)).toBe(true);
    expect(tokensEqual(TOKEN, TOKEN + 'x')).toBe(false);
    expect(tokensEqual('', TOKEN)).toBe(false);
  });

  it('client allow-list: the socket peer decides, before anything a header says', () => {
    const p = policy({ clients: ['192.168.1.0/24'] });
    expect(checkAccess(p, req({ 'x-forwarded-for': '192.168.1.5' }, { peer: '10.0.0.9' }))).toMatchObject({ status: 403, code: 'CLIENT_NOT_ALLOWED' });
    expect((checkAccess(p, req({}, { peer: '10.0.0.9' })) as { error: string }).error).toContain('erpnet.allowed_clients');
    expect(checkAccess(p, req({}, { peer: '::ffff:192.168.1.5' })).ok).toBe(true);
    expect(checkAccess(p, req({}, { peer: '127.0.0.1' })).ok).toBe(true);
  });
});

describe('the WebSocket token subprotocol', () => {
  it('round-trips any token, and the server-chosen protocol carries none', () => {
    for (const t of [TOKEN, 'ăîșț-ünïcødé token/with+symbols=='])
      expect(tokenFromProtocols(wsProtocols(t).join(', '))).toBe(t);
    expect(wsProtocols(null)).toEqual([WS_PROTOCOL]);
    expect(wsProtocols(TOKEN)[1]).toMatch(/^fiscool\.bearer\.[A-Za-z0-9_-]+$/);
    expect(tokenFromProtocols('fiscool')).toBeNull();
    expect(tokenFromProtocols('fiscool.bearer.***')).toBeNull();
    expect(tokenFromProtocols(undefined)).toBeNull();
  });
});
