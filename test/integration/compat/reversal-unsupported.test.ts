/**
 * A reversal on a register that cannot print refund receipts (a Datecs, through its wire emulator over TCP):
 * each door answers in its protocol's own error shape with a clear text, and the register prints nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatecsEmulator, type RunningDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import { http, patchSection, startHub, tempDataDir, type Running } from './harness.js';
import { codeBlocks, erpnetReversalBody, seedText } from './seed-examples.js';

describe('reversal on a register that cannot do it', () => {
  const d = tempDataDir();
  const emDir = mkdtempSync(join(tmpdir(), 'fiscool-compat-datecs-'));
  let r: Running;
  let em: RunningDatecsEmulator;
  let datecsId = '';
  const documents = () =>
    em.register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' });

  beforeAll(async () => {
    em = await startDatecsEmulator({ protocol: 'x', stateDir: emDir, timing: 'zero' });
    r = await startHub(d.dir);
    const saved = r.hub.devices.saveFiscal({
      name: 'Casa Datecs',
      manufacturer: 'Datecs',
      model: 'DP-25MX',
      connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: em.tcp?.port ?? 0 } },
      enabled: true,
      options: { timeout_ms: 500 },
    });
    if (!saved.ok) throw new Error(saved.error);
    datecsId = saved.device.id;
    for (let i = 0; i < 500 && !r.hub.devices.readiness(datecsId).ready; i++)
      await new Promise((res) => setTimeout(res, 10));
    expect(r.hub.devices.readiness(datecsId).ready).toBe(true);
    patchSection(r.hub, 'erpnet', { aliases: { dt525860: datecsId } });
    patchSection(r.hub, 'ucsfphub', { aliases: { DT518315: datecsId } });
  });
  afterAll(async () => {
    await r.stop();
    await em.close();
    rmSync(emDir, { recursive: true, force: true });
    d.remove();
  });

  it('ErpNet.FP: ok false, E412 and a text that says what to do', async () => {
    const before = documents().length;
    const a = await http(
      'POST',
      `${r.erpUrl}/printers/dt525860/reversalreceipt`,
      erpnetReversalBody('0000085', '2019-05-17T13:55:18', '02517985'),
    );
    expect(a.status).toBe(200);
    const body = a.json() as { ok: unknown; messages: Array<Record<string, unknown>> };
    expect(body.ok).toBe(false);
    expect(body.messages[0]).toEqual({
      type: 'error',
      code: 'E412',
      text: expect.stringContaining('nu poate tipări bonuri de retur'),
    });
    expect(documents().length).toBe(before);
  });

  it("UcsFPHub (the seed's own reversal example): Ok false and ErrorText with the same clear text", async () => {
    const before = documents().length;
    const seed = codeBlocks(seedText('003'))[19]?.text ?? '';
    // As written, the seed's Bulgarian item names cannot be printed by a Datecs (Windows-1250 only): refused
    // up front, naming the field.
    const verbatim = await http('POST', `${r.ucsUrl}/printers/DT518315/receipt`, seed);
    expect(verbatim.status).toBe(400);
    expect(verbatim.json()).toEqual({ Ok: false, ErrorText: expect.stringContaining('ItemName') });
    // With printable names, the reversal itself is what the register cannot do.
    const body = seed.replace(/[\u0400-\u04FF]+/g, 'Produs');
    const a = await http('POST', `${r.ucsUrl}/printers/DT518315/receipt`, body);
    expect(a.status).toBe(200);
    expect(a.json()).toEqual({ Ok: false, ErrorText: expect.stringContaining('Faceți returul de la casă') });
    expect(documents().length).toBe(before);
  });

  it('a sale on the same register still prints', async () => {
    const a = await http(
      'POST',
      `${r.ucsUrl}/printers/DT518315/receipt`,
      '{ "Rows": [ { "ItemName": "Pâine", "Price": 3.5 } ] }',
    );
    expect(a.json()).toMatchObject({ Ok: true });
    expect(documents().filter((x) => x.kind === 'fiscal_receipt')).toHaveLength(1);
  });
});
