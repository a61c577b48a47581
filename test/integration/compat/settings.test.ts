/** Settings saved through the native API's /manage/save_settings reach the compatible doors at once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, startHub, tempDataDir, type Running } from './harness.js';

describe('compatible doors and /manage/save_settings', () => {
  const d = tempDataDir();
  let r: Running;
  let manage = '';
  beforeAll(async () => {
    r = await startHub(d.dir);
    manage = `http://127.0.0.1:${r.hub.addresses().native?.port}/manage/save_settings`;
  });
  afterAll(async () => {
    await r.stop();
    d.remove();
  });

  it('a new alias works on the next request, in any case; language switches the texts', async () => {
    expect((await http('GET', `${r.ucsUrl}/printers/Kasa1/status`)).status).toBe(404);
    const save = await http(
      'POST',
      manage,
      JSON.stringify({ ucsfphub: { aliases: { Kasa1: r.deviceId } }, erpnet: { aliases: { kasa1: r.deviceId } } }),
    );
    expect(save.status, save.text).toBe(200);
    expect((await http('GET', `${r.ucsUrl}/printers/KASA1/status`)).json()).toMatchObject({ Ok: true });
    const list = (await http('GET', `${r.ucsUrl}/printers`)).json() as { Aliases: Record<string, unknown> };
    expect(list.Aliases).toEqual({ Count: 1, Kasa1: { DeviceSerialNo: expect.any(String) } });
    expect(Object.keys((await http('GET', `${r.erpUrl}/printers`)).json() as object)).toContain('kasa1');

    const missing = await http('GET', `${r.ucsUrl}/printers/nobody/status`);
    expect((missing.json() as { ErrorText: string }).ErrorText).toContain('nu există');
    await http('POST', manage, JSON.stringify({ language: 'en' }));
    const missingEn = await http('GET', `${r.ucsUrl}/printers/nobody/status`);
    expect((missingEn.json() as { ErrorText: string }).ErrorText).toContain('does not exist');
  });

  it('invalid compat settings are refused by the settings service', async () => {
    const bad = await http('POST', manage, JSON.stringify({ erpnet: { unique_sale_number: 'shout' } }));
    expect(bad.status).toBe(400);
  });
});
