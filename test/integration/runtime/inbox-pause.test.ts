/** Pausing the scan folder (the tray's menu item, `inbox.paused`): files wait in place; resuming prints them. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestHub, waitFor, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
afterAll(async () => {
  await t?.close(true);
});

describe('inbox pause', () => {
  it('leaves new INP files untouched while paused and prints them once resumed', async () => {
    t = await startTestHub();
    const folder = join(t.dataDir, 'scan');
    mkdirSync(folder);
    const cfg = t.hub.devices.getFiscal(t.fiscalId)!.config;
    expect((await t.post('/manage/save_fiscal_device', { ...cfg, scan_folder: folder })).status).toBe(200);
    expect((await t.post('/manage/save_settings', { inbox: { paused: true, settle_ms: 50, rescan_ms: 300 } })).status).toBe(200);
    writeFileSync(join(folder, 'bon1.inp'), 'S,1,______,_,__;Cafea;5.00;1.000;1;1;1;0;0\nT,1,______,_,__;0;5.00\n');
    await new Promise((r) => setTimeout(r, 1500));
    expect(readdirSync(folder)).toContain('bon1.inp'); // not claimed
    expect((await t.get('/inbox/files')).body.files).toEqual([]);
    expect((await t.get('/health')).body.problems.map((p: any) => p.code)).toContain('INBOX_PAUSED');

    expect((await t.post('/manage/save_settings', { inbox: { paused: false } })).status).toBe(200);
    await waitFor(async () => (await t.get('/inbox/files')).body.files.some((f: any) => f.state === 'done'), 15_000);
    expect(existsSync(join(folder, 'bon1.inp'))).toBe(false);
    expect((await t.get('/health')).body.problems.map((p: any) => p.code)).not.toContain('INBOX_PAUSED');
  }, 40_000);
});
