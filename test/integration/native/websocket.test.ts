/** WebSocket /ws: operations, lists, subscriptions and events, with the same host rules as HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { wsProtocols, WS_PROTOCOL } from '../../../src-main/shared/ws-protocol.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close(true);
});

function connect(headers: Record<string, string> = {}, protocols: string[] = [], query = ''): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(t.url.replace('http', 'ws') + '/ws' + query, protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function collect(ws: WebSocket): any[] {
  const msgs: any[] = [];
  ws.on('message', (d) => msgs.push(JSON.parse(d.toString())));
  return msgs;
}

async function until<T>(f: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('WebSocket /ws', () => {
  it('runs an operation and streams job events to subscribers', async () => {
    const ws = await connect();
    const msgs = collect(ws);
    ws.send(JSON.stringify({ id: 's1', action: 'subscribe', payload: { topics: ['jobs', 'devices'] } }));
    await until(() => msgs.find((m) => m.id === 's1'));
    ws.send(
      JSON.stringify({
        id: 'op1',
        action: 'operation',
        payload: {
          device_id: t.fiscalId,
          idempotency_key: 'ws-1',
          operation: { type: 'print_receipt', lines: [{ type: 'item', description: 'Ceai', quantity_thousandths: 1000, unit_price_cents: 500, vat: 'A' }] },
        },
      }),
    );
    const answer = await until(() => msgs.find((m) => m.id === 'op1'));
    expect(answer).toMatchObject({ ok: true, result: { status: 0, slip_number: expect.any(Number), total_cents: 500 } });
    const states = msgs.filter((m) => m.event === 'job' && m.data.job_id === answer.result.job_id).map((m) => m.data.state);
    expect(states).toEqual(expect.arrayContaining(['queued', 'running', 'succeeded']));
    // The same key over HTTP replays the same job (one key space for both).
    const http = await t.post(
      '/devices/operation',
      { device_id: t.fiscalId, operation: { type: 'print_receipt', lines: [{ type: 'item', description: 'Ceai', quantity_thousandths: 1000, unit_price_cents: 500, vat: 'A' }] } },
      { 'Idempotency-Key': 'ws-1' },
    );
    expect(http.body.job_id).toBe(answer.result.job_id);
    ws.close();
  });

  it('lists devices, answers ping, and names bad input', async () => {
    const ws = await connect();
    const msgs = collect(ws);
    ws.send(JSON.stringify({ id: 1, action: 'list_fiscal' }));
    ws.send(JSON.stringify({ id: 2, action: 'list_pos' }));
    ws.send(JSON.stringify({ id: 3, action: 'ping' }));
    ws.send(JSON.stringify({ id: 4, action: 'fly' }));
    ws.send(JSON.stringify({ id: 5, action: 'operation', payload: { device_id: t.fiscalId, operation: { type: 'deposit_cash', amount: 'lots' } } }));
    ws.send('not json');
    await until(() => (msgs.length >= 6 ? true : undefined));
    expect(msgs.find((m) => m.id === 1).result.fiscal_devices[0].config.id).toBe(t.fiscalId);
    expect(msgs.find((m) => m.id === 2).result.pos_terminals[0].config.id).toBe(t.posId);
    expect(msgs.find((m) => m.id === 3)).toMatchObject({ ok: true, result: { pong: true } });
    expect(msgs.find((m) => m.id === 4)).toMatchObject({ ok: false, error: { status: 400, error: expect.stringContaining('action') } });
    expect(msgs.find((m) => m.id === 5)).toMatchObject({ ok: false, error: { status: 400, error: expect.stringContaining('operation.amount') } });
    expect(msgs.find((m) => m.id === null)).toMatchObject({ ok: false, error: { status: 400 } });
    ws.close();
  });

  it('device status events reach subscribers', async () => {
    const ws = await connect();
    const msgs = collect(ws);
    ws.send(JSON.stringify({ id: 's', action: 'subscribe', payload: { topics: ['devices'] } }));
    await until(() => msgs.find((m) => m.id === 's'));
    const reg = (t.hub.devices.fiscalRuntime(t.fiscalId)!.driver as unknown as { register: { injectFaults(f: object): void } }).register;
    reg.injectFaults({ disconnected: true });
    const down = await until(() => msgs.find((m) => m.event === 'device_status' && m.data.status === 'Disconnected'));
    expect(down.data).toMatchObject({ device_id: t.fiscalId, status_text: 'Deconectat' });
    reg.injectFaults({ disconnected: false });
    await until(() => msgs.find((m) => m.event === 'device_status' && m.data.status === 'Connected'));
    // Adding a device is announced too, so an open GUI refreshes its list.
    const added = await t.post('/manage/save_fiscal_device', { name: 'Casa WS', manufacturer: 'FisCool', model: 'Simulated', connection_details: { type: 'None' } });
    await until(() => msgs.find((m) => m.event === 'devices_changed'));
    await t.post('/manage/delete_fiscal_device', { id: added.body.device.id });
    ws.close();
  });

  it('refuses a foreign Origin and a foreign Host', async () => {
    await expect(connect({ Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ Host: 'evil.example' })).rejects.toThrow(/403/);
  });

  it('refuses a page on another port of the same site (fetch metadata), like HTTP', async () => {
    await expect(connect({ Origin: 'http://127.0.0.1:9999', 'Sec-Fetch-Site': 'same-site' })).rejects.toThrow(/403/);
  });

  it('with a token: the header (any case of Bearer) or the subprotocol; never the URL', async () => {
    const token = 'websocket-token-0123456789abcdef';
    expect((await t.post('/manage/save_settings', { api: { token } })).body.status).toBe(0);
    try {
      await expect(connect()).rejects.toThrow(/401/);
      await expect(connect({}, [], `?token=${token}`)).rejects.toThrow(/400/);
      const byHeader = await connect({ Authorization: `bearer ${token}` });
      byHeader.close();
      const byProtocol = await connect({}, wsProtocols(token));
      expect(byProtocol.protocol).toBe(WS_PROTOCOL); // the token-bearing protocol is never echoed
      const msgs = collect(byProtocol);
      byProtocol.send(JSON.stringify({ id: 1, action: 'ping' }));
      expect(await until(() => msgs.find((m) => m.id === 1))).toMatchObject({ ok: true });
      byProtocol.close();
      await expect(connect({}, wsProtocols(token + 'x'))).rejects.toThrow(/401/);
    } finally {
      await t.post('/manage/save_settings', { api: { token: null } }, { Authorization: `Bearer ${token}` });
    }
  });
});
