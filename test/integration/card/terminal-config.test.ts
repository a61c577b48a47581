/** Card terminals in the catalogue and in the device settings: Viva is listed, its settings are checked on save. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close(true);
});

const viva = (over: Record<string, unknown> = {}) => ({
  name: 'Viva casa 2',
  manufacturer: 'Viva',
  model: 'Android Terminal',
  connection_details: { type: 'Network', details: { ip_address: '192.168.1.50', port: 8080 } },
  ...over,
});

describe('card terminal configuration', () => {
  it('lists Viva terminals (network, port 8080) beside the simulated one', async () => {
    const r = await t.get('/manage/get_supported_devices');
    const text = JSON.stringify(r.body);
    expect(text).toContain('"Viva"');
    const entry = JSON.stringify(r.body).match(/"model":"Android Terminal"[^}]*}/)?.[0] ?? '';
    expect(entry).toContain('"Network"');
    expect(entry).toContain('8080');
  });

  it('refuses a Viva terminal without a network address, or with a bad option, naming the field; saves a good one', async () => {
    const none = await t.post('/manage/save_pos_terminal', viva({ connection_details: { type: 'None' } }));
    expect(none.status).toBe(400);
    expect(none.body.error).toContain('connection_details.type');
    const bad = await t.post('/manage/save_pos_terminal', viva({ options: { poll_ms: 1 } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('terminal.options.poll_ms');
    const scheme = await t.post('/manage/save_pos_terminal', viva({ options: { scheme: 'ftp' } }));
    expect(scheme.body.error).toContain('terminal.options.scheme');
    expect((await t.get('/devices/pos')).body.pos_terminals).toHaveLength(1);
    const ok = await t.post('/manage/save_pos_terminal', viva({ options: { scheme: 'https', currency_code: '946' } }));
    expect(ok.status).toBe(200);
    expect((await t.get('/devices/pos')).body.pos_terminals).toHaveLength(2);
  });
});
