/**
 * The native door's fast path for POST /devices/operation (doors/http/fast-operation.ts) against the express route
 * it stands in front of: which requests it takes, and that both ways answer byte for byte alike. The express way is
 * reached with the same request and a `?` after the path (a query string is one of the things the fast path leaves
 * to express), so each pair goes to one real hub, one journal, one simulated register.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativePolicy } from '../../../src-main/doors/http/app.js';
import { fastOperation } from '../../../src-main/doors/http/fast-operation.js';
import type { NativeDoorDeps } from '../../../src-main/doors/http/hub-api.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
/** The fast handler alone, over the test hub's own pipeline: 599 "not taken" when it leaves a request to express. */
let alone: Server;

beforeAll(async () => {
  t = await startTestHub();
  const h = t.hub;
  const deps: NativeDoorDeps = {
    pipeline: h.operations,
    registry: h.devices,
    events: h.events,
    settings: h.settings,
    db: h.journal.db,
    metrics: h.metrics,
    logger: h.logger,
    version: h.version,
    startedAt: h.startedAt,
    listenHost: '127.0.0.1',
  };
  const fast = fastOperation(deps, nativePolicy(deps), h.settings.get().api.body_limit_kb * 1024);
  alone = createServer((req, res) => {
    if (fast(req, res)) return;
    req.resume();
    res.writeHead(599).end('not taken');
  });
  await new Promise<void>((r) => alone.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  await new Promise((r) => alone.close(r));
  await t.close(true);
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(port: number, path: string, headers: Record<string, string>, body?: Buffer | string, method = 'POST'): Promise<Answer> {
  // As most clients send a body: with its Content-Length (node's own client would send it in chunks otherwise).
  const sized = body === undefined || 'Transfer-Encoding' in headers || 'Content-Length' in headers ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: sized }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const hubPort = () => Number(new URL(t.url).port);
const alonePort = () => (alone.address() as AddressInfo).port;
const JSON_TYPE = { 'Content-Type': 'application/json' };
const drawer = () => JSON.stringify({ device_id: t.fiscalId, operation: { type: 'open_drawer' } });

/** Everything but the headers that differ by the moment (Date) or the connection. */
function comparable(a: Answer): Omit<Answer, 'headers'> & { headers: Record<string, unknown> } {
  const { date: _d, connection: _c, 'keep-alive': _k, ...headers } = a.headers;
  return { status: a.status, headers, body: a.body };
}

describe('the fast door takes plain operation requests', () => {
  it('answers a plain JSON request itself, with the security headers', async () => {
    const r = await send(alonePort(), '/devices/operation', JSON_TYPE, drawer());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).status).toBe(0);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('takes charset=utf-8, a byte-order mark and a valid language header', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(drawer())]);
    const r = await send(alonePort(), '/devices/operation', { 'Content-Type': 'application/json; charset=UTF-8', 'X-FisCool-Language': 'en' }, body);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).status).toBe(0);
    const quoted = await send(alonePort(), '/devices/operation', { 'Content-Type': 'Application/JSON ; charset="utf-8"' }, drawer());
    expect(quoted.status).toBe(200);
  });

  it('leaves to express every request it would not answer exactly as express does', async () => {
    const cases: Array<[string, string, Record<string, string>, Buffer | string | undefined, string?]> = [
      ['a query string', '/devices/operation?x=1', JSON_TYPE, drawer()],
      ['another path', '/devices/operation/', JSON_TYPE, drawer()],
      ['GET', '/devices/operation', {}, undefined, 'GET'],
      ['no content type', '/devices/operation', {}, drawer()],
      ['another content type', '/devices/operation', { 'Content-Type': 'text/plain' }, drawer()],
      ['another charset', '/devices/operation', { 'Content-Type': 'application/json; charset=latin1' }, drawer()],
      ['another parameter', '/devices/operation', { 'Content-Type': 'application/json; charset=utf-8; v=2' }, drawer()],
      ['a malformed parameter', '/devices/operation', { 'Content-Type': 'application/json; charset=utf-8=x' }, drawer()],
      ['a JSON-like type', '/devices/operation', { 'Content-Type': 'application/jsonx' }, drawer()],
      ['a compressed body', '/devices/operation', { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, gzipSync(drawer())],
      ['a chunked body', '/devices/operation', { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' }, drawer()],
      ['an empty body', '/devices/operation', { ...JSON_TYPE, 'Content-Length': '0' }, ''],
      ['an unknown language', '/devices/operation', { ...JSON_TYPE, 'X-FisCool-Language': 'de' }, drawer()],
      ['a foreign Host', '/devices/operation', { ...JSON_TYPE, Host: 'attacker.example' }, drawer()],
      ['a foreign Origin', '/devices/operation', { ...JSON_TYPE, Origin: 'http://shop.example' }, drawer()],
      ['a cross-site fetch', '/devices/operation', { ...JSON_TYPE, 'Sec-Fetch-Site': 'cross-site' }, drawer()],
      ['a token in the URL', '/devices/operation?token=x', JSON_TYPE, drawer()],
    ];
    const jobsBefore = (await t.get('/jobs?limit=1000')).body.jobs.length;
    for (const [name, path, headers, body, method] of cases) {
      const r = await send(alonePort(), path, headers, body, method);
      expect(r.status, name).toBe(599);
    }
    expect((await t.get('/jobs?limit=1000')).body.jobs.length).toBe(jobsBefore);
  });

  it('leaves a request over the body limit to express (413)', async () => {
    const big = JSON.stringify({ device_id: t.fiscalId, operation: { type: 'open_drawer' }, pad: 'x'.repeat(1024 * 1024 + 10) });
    expect((await send(alonePort(), '/devices/operation', JSON_TYPE, big)).status).toBe(599);
    expect((await send(hubPort(), '/devices/operation', JSON_TYPE, big)).status).toBe(413);
  });

  it('a client that hangs up in the middle of its body submits nothing, and the door goes on answering', async () => {
    const jobsBefore = (await t.get('/jobs?limit=1000')).body.jobs.length;
    await new Promise<void>((resolve, reject) => {
      const s = connect(hubPort(), '127.0.0.1', () => {
        s.write('POST /devices/operation HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"device_id":');
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 50);
      });
      s.on('error', reject);
    });
    const r = await send(hubPort(), '/devices/operation', JSON_TYPE, drawer());
    expect(r.status).toBe(200);
    expect((await t.get('/jobs?limit=1000')).body.jobs.length).toBe(jobsBefore + 1);
  });
});

describe('both ways answer alike', () => {
  it('an idempotent replay through express is byte-identical to the first answer through the fast door, and back', async () => {
    for (const [first, second] of [['/devices/operation', '/devices/operation?'], ['/devices/operation?', '/devices/operation']] as const) {
      const key = `fast-${first.length}-${Date.now()}`;
      const headers = { ...JSON_TYPE, 'Idempotency-Key': key };
      const a = await send(hubPort(), first, headers, drawer());
      const b = await send(hubPort(), second, headers, drawer());
      expect(a.status).toBe(200);
      expect(comparable(b)).toEqual(comparable(a));
    }
  });

  it('refusals: bad JSON, a missing field, an unknown device, a key reused for another body, a bad key', async () => {
    const key = `reuse-${Date.now()}`;
    await send(hubPort(), '/devices/operation', { ...JSON_TYPE, 'Idempotency-Key': key }, drawer());
    const cases: Array<[Record<string, string>, string]> = [
      [JSON_TYPE, '{"device_id": '],
      [JSON_TYPE, '"just a string"'],
      [JSON_TYPE, JSON.stringify({ operation: { type: 'open_drawer' } })],
      [JSON_TYPE, JSON.stringify({ device_id: t.fiscalId, operation: { type: 'print_receipt', lines: [{ type: 'item', description: 'x', quantity_thousandths: 1000, unit_price_cents: -5, vat: 'A' }], payments: [] } })],
      [JSON_TYPE, JSON.stringify({ device_id: 'no-such-device', operation: { type: 'open_drawer' } })],
      [{ ...JSON_TYPE, 'Idempotency-Key': key }, JSON.stringify({ device_id: t.fiscalId, operation: { type: 'print_x' } })],
      [{ ...JSON_TYPE, 'Idempotency-Key': 'has spaces in it' }, drawer()],
      [{ ...JSON_TYPE, 'X-FisCool-Language': 'ro' }, JSON.stringify({ device_id: 'no-such-device', operation: { type: 'open_drawer' } })],
    ];
    for (const [headers, body] of cases) {
      const fast = await send(hubPort(), '/devices/operation', headers, body);
      const viaExpress = await send(hubPort(), '/devices/operation?', headers, body);
      expect(fast.status, body).toBeGreaterThanOrEqual(400);
      expect(comparable(fast), body).toEqual(comparable(viaExpress));
    }
  });

  it('a token required: refused the same way without it, answered with it', async () => {
    const token = 'fast-door-token-0123456789abcdef';
    expect((await t.post('/manage/save_settings', { api: { token } })).body.status).toBe(0);
    try {
      const without = await send(hubPort(), '/devices/operation', JSON_TYPE, drawer());
      expect(without.status).toBe(401);
      expect(without.headers['www-authenticate']).toBe('Bearer');
      expect((await send(alonePort(), '/devices/operation', JSON_TYPE, drawer())).status).toBe(599);
      const withToken = await send(alonePort(), '/devices/operation', { ...JSON_TYPE, Authorization: `Bearer ${token}` }, drawer());
      expect(withToken.status).toBe(200);
    } finally {
      await t.post('/manage/save_settings', { api: { token: null } }, { Authorization: `Bearer ${token}` });
    }
  });
});
