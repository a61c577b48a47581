/** Security model of design.md: loopback Host names only, browser Origins must be allowed, bearer token when set. */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub } from '../../../src-main/hub/create-hub.js';
import { startTestHub, tempDir, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close(true);
});

/** fetch() cannot forge Host, so use node:http directly. */
function raw(path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  const port = Number(new URL(t.url).port);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('HTTP security', () => {
  it('refuses a non-loopback Host (DNS rebinding)', async () => {
    const r = await raw('/devices/fiscal', { Host: 'attacker.example:10123' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error).toContain('attacker.example');
  });

  it('accepts loopback Host names', async () => {
    for (const host of ['localhost:10123', '127.0.0.1', '[::1]:10123']) {
      expect((await raw('/devices/fiscal', { Host: host })).status).toBe(200);
    }
  });

  it('refuses a browser Origin that is not allowed, even for a POST that would print', async () => {
    const before = (await t.get('/jobs?limit=1000')).body.jobs.length;
    const r = await raw(
      '/devices/operation',
      { Host: '127.0.0.1', Origin: 'http://some-shop-website.example', 'Content-Type': 'application/json' },
      'POST',
      JSON.stringify({ device_id: t.fiscalId, operation: { type: 'open_drawer' } }),
    );
    expect(r.status).toBe(403);
    expect((await t.get('/jobs?limit=1000')).body.jobs.length).toBe(before);
  });

  it('accepts an allowed Origin once configured, with CORS headers', async () => {
    const saved = await t.post('/manage/save_settings', { api: { allowed_origins: ['http://pos.local:3000'] } });
    expect(saved.body.status).toBe(0);
    const r = await fetch(`${t.url}/devices/fiscal`, { headers: { Origin: 'http://pos.local:3000' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://pos.local:3000');
  });

  it('requires the bearer token when one is set', async () => {
    const token = 'a-very-long-secret-token-123456';
    expect((await t.post('/manage/save_settings', { api: { token } })).body.status).toBe(0);
    expect((await t.get('/devices/fiscal')).status).toBe(401);
    expect((await t.get('/')).status).toBe(200);
    expect((await t.get('/app/index.html')).status).not.toBe(401); // the GUI's files load; the GUI asks for the token
    expect((await t.get('/devices/fiscal', { Authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await t.get('/devices/fiscal', { Authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
    expect((await t.post('/manage/save_settings', { api: { token: null } }, { Authorization: `Bearer ${token}` })).body.status).toBe(0);
    expect((await t.get('/devices/fiscal')).status).toBe(200);
  });

  it('refuses to listen on a non-loopback address without a token', async () => {
    const dir = tempDir();
    const hub = createHub({ dataDir: dir, host: '0.0.0.0', port: 0 });
    await expect(hub.start()).rejects.toThrow(/token/);
    await hub.stop();
  });

  it('a short token is refused by the settings validation, naming the field', async () => {
    const r = await t.post('/manage/save_settings', { api: { token: 'short' } });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('settings.api.token');
  });
});
