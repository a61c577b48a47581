/**
 * Hole 5 — scan-folder outputs that are symbolic links. Scan folders are often network shares that other people can
 * write to: if `BonOK`, `BonANSWER` or `BonERR` is a link to somewhere else, the hub must not write there. It
 * resolves the output folders with realpath, refuses the folder when one leads outside, and prints nothing from it
 * until that is mended.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelow, rawRequest, sleep, startAttackHub, tempDir, type AttackHub } from './attack-kit.js';

const RECEIPT = 'S,1,______,_,__;Paine;4.20;1.000;1;1;1;0;0;buc\nT,1,______,_,__;0;\n';

let h: AttackHub;
test.beforeAll(async () => {
  h = await startAttackHub({ settings: { inbox: { settle_ms: 50, rescan_ms: 300 } } });
});
test.afterAll(async () => {
  await h.stop();
});

async function saveScanFolder(folder: string): Promise<{ status: number; body: any }> {
  const cfg = h.hub.devices.getFiscal(h.registerId)!.config;
  const r = await rawRequest({
    host: '127.0.0.1',
    port: h.port,
    path: '/manage/save_fiscal_device',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...cfg, scan_folder: folder }),
  });
  return { status: r.status, body: JSON.parse(r.body) };
}

async function folderEntry(): Promise<any> {
  const r = await rawRequest({ host: '127.0.0.1', port: h.port, path: '/inbox/folders' });
  if (r.status !== 200) return undefined;
  return JSON.parse(r.body).folders.find((f: any) => f.device_id === h.registerId);
}

test('output folders linked outside the scan folder: nothing is written there and nothing prints', async () => {
  const root = tempDir('fiscool-attack-share-');
  const scan = join(root, 'scan');
  const outside = join(root, 'elsewhere');
  mkdirSync(scan);
  for (const d of ['ok', 'answer', 'err']) mkdirSync(join(outside, d), { recursive: true });
  writeFileSync(join(outside, 'secret.inp'), RECEIPT);
  const before = filesBelow(outside);

  expect((await saveScanFolder(scan)).status).toBe(200);
  await sleep(1000); // the inbox watches the new folder at once
  // Someone with write access to the share turns the output folders into links, then drops files.
  symlinkSync(join(outside, 'ok'), join(scan, 'BonOK'));
  symlinkSync(join(outside, 'answer'), join(scan, 'BonANSWER'));
  symlinkSync(join(outside, 'err'), join(scan, 'BonERR'));
  symlinkSync(join(outside, 'secret.inp'), join(scan, 'linked.inp'));
  writeFileSync(join(scan, 'bon1.inp'), RECEIPT);
  writeFileSync(join(scan, 'gresit.inp'), 'S,1,______,_,__;Paine;patru;1.000;1;1;1;0;0;buc\n');

  await sleep(3000); // many settle periods and rescans
  expect(filesBelow(outside)).toEqual(before);
  expect(readFileSync(join(outside, 'secret.inp'), 'utf8')).toBe(RECEIPT);
  expect(h.printed()).toBe(0);
  // The files wait, untouched, and the hub says why (API and GUI read GET /inbox/folders).
  expect(readFileSync(join(scan, 'bon1.inp'), 'utf8')).toBe(RECEIPT);
  const entry = await folderEntry();
  expect(entry).toMatchObject({ folder: scan, ok: false });
  expect(entry.error).toMatch(/BonOK|BonANSWER|BonERR/);

  // Saving that folder again is refused at once, naming the field.
  const again = await saveScanFolder(scan);
  expect(again.status).toBe(400);
  expect(again.body.error).toMatch(/^device\.scan_folder: .*(BonOK|BonANSWER|BonERR)/);
  expect(h.printed()).toBe(0);
  expect(filesBelow(outside)).toEqual(before);
});
