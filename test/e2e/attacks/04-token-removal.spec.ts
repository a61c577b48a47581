/**
 * Hole 4 — removing the token fails open. With the hub on 0.0.0.0 (a token is then required), saving
 * `{"api":{"token":null}}` must be refused, and if the settings ever reach "off loopback, no token" anyway (a file
 * edited by hand, another code path), every request fails closed with 401 instead of printing for anyone.
 */
import { expect, test } from '@playwright/test';
import { TOKEN, lanAddress, rawRequest, startAttackHub, type AttackHub } from './attack-kit.js';

let h: AttackHub;
const lan = lanAddress();
test.beforeAll(async () => {
  h = await startAttackHub({ host: '0.0.0.0', settings: { api: { token: TOKEN, allowed_hosts: [lan] } } });
});
test.afterAll(async () => {
  await h.stop();
});

const printX = () => JSON.stringify({ device_id: h.registerId, operation: { type: 'print_x' } });

/** A print from a LAN neighbour without a token. */
const neighbourPrint = () =>
  rawRequest({
    host: lan,
    port: h.port,
    path: '/devices/operation',
    method: 'POST',
    headers: { Host: `${lan}:${h.port}`, 'content-type': 'application/json' },
    body: printX(),
    localAddress: lan,
  });

test('the administrator’s GUI cannot remove the token of a hub listening off loopback', async ({ page }) => {
  await page.goto(`${h.url}/app/`);
  // The GUI in a plain browser asks for the token, once per tab.
  await page.getByTestId('token-prompt').getByLabel('Token API').fill(TOKEN);
  await page.getByTestId('token-prompt').getByRole('button').click();
  await page.getByTestId('hub-link').and(page.locator('.online')).waitFor();

  const answer = await page.evaluate(async (token) => {
    const r = await fetch('/manage/save_settings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ api: { token: null } }),
    });
    return { status: r.status, body: (await r.json()) as { error: string } };
  }, TOKEN);
  expect(answer.status).toBe(400);
  expect(answer.body.error).toContain('settings.api.token');
  expect(h.hub.settings.get().api.token).toBe(TOKEN);

  // Moving the API off loopback without a token is refused the same way (from a loopback hub's point of view too).
  const move = await page.evaluate(async (token) => {
    const r = await fetch('/manage/save_settings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ api: { token: null, host: '0.0.0.0' } }),
    });
    return r.status;
  }, TOKEN);
  expect(move).toBe(400);

  const r = await neighbourPrint();
  expect(r.status, r.body).toBe(401);
  expect(h.printed()).toBe(0);
});

test('reached anyway, "off loopback without a token" fails closed: 401 for HTTP and the WebSocket, nothing printed', async () => {
  const s = h.hub.settings.get();
  // A path that bypasses /manage/save_settings (as a hand-edited settings file would at the next start).
  expect(h.hub.settings.replace({ ...s, api: { ...s.api, token: null } }).ok).toBe(true);
  const r = await neighbourPrint();
  expect(r.status, r.body).toBe(401);
  expect(JSON.parse(r.body).error).toMatch(/api\.token/);
  const local = await rawRequest({ host: '127.0.0.1', port: h.port, path: '/devices/fiscal' });
  expect(local.status).toBe(401);
  const ws = await rawRequest({
    host: '127.0.0.1',
    port: h.port,
    path: '/ws',
    headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
  });
  expect(ws.status).toBe(401);
  expect(h.printed()).toBe(0);
});

test('Bearer is accepted in any case; a wrong token, a token in the URL and a missing one are refused', async () => {
  const s = h.hub.settings.get();
  expect(h.hub.settings.replace({ ...s, api: { ...s.api, token: TOKEN } }).ok).toBe(true);
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest({ host: '127.0.0.1', port: h.port, path, headers });
  expect((await get('/devices/fiscal', { Authorization: `bearer ${TOKEN}` })).status).toBe(200);
  expect((await get('/devices/fiscal', { Authorization: `BEARER   ${TOKEN}` })).status).toBe(200);
  expect((await get('/devices/fiscal', { Authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
  expect((await get('/devices/fiscal', { Authorization: `Basic ${TOKEN}` })).status).toBe(401);
  const inUrl = await get(`/devices/fiscal?token=${TOKEN}`);
  expect(inUrl.status).toBe(400);
  expect(JSON.parse(inUrl.body).error).toContain('Authorization');
  expect(h.printed()).toBe(0);
});
