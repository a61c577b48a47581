/**
 * Hole 6 — a scan folder that swallows the user's files. Pointed at a folder of documents (or at a relative path,
 * resolved against wherever the hub was started), the inbox took every `.txt` file and moved it to BonERR with an
 * error block appended. Scan folders must be absolute, never a system or home root; the default extensions are the
 * INP ones only; a folder already holding other files is saved with a warning, and its files are left alone.
 */
import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { filesBelow, rawRequest, sleep, startAttackHub, tempDir, type AttackHub } from './attack-kit.js';

let h: AttackHub;
test.beforeAll(async () => {
  h = await startAttackHub({ settings: { inbox: { settle_ms: 50, rescan_ms: 300 } } });
});
test.afterAll(async () => {
  await h.stop();
});

const DOCS: Record<string, string> = {
  'scrisoare.txt': 'Stimate domn,\nvă scriu în legătură cu factura din luna trecută.\n',
  'lista-cumparaturi.txt': 'paine\nlapte\noua\n',
  'contract.pdf': '%PDF-1.4 pretend\n',
};

test('the GUI refuses a relative scan folder and a home folder, naming the field', async ({ page }) => {
  await page.goto(`${h.url}/app/`);
  await page.getByTestId('hub-link').and(page.locator('.online')).waitFor();
  await page.getByRole('button', { name: 'Dispozitive', exact: true }).click();
  await page.locator(`[data-testid=settings-devices] tr[data-device-id="${h.registerId}"]`).getByRole('button', { name: 'Modifică' }).click();
  const form = page.getByTestId('device-form');
  for (const folder of ['documente', homedir(), '/', '/etc/fiscool']) {
    await form.getByLabel('Dosar de scanare (INP)').fill(folder);
    await form.getByRole('button', { name: 'Salvează' }).click();
    await expect(form.locator('.error-notice, [role=alert]').first()).toContainText('dosar de scanare');
    expect(h.hub.devices.getFiscal(h.registerId)!.config.scan_folder ?? '').toBe('');
  }
  expect(h.printed()).toBe(0);
});

test('a folder of documents: saved with a warning, and the documents stay as they were', async () => {
  const docs = join(tempDir('fiscool-attack-docs-'), 'Documente');
  mkdirSync(docs);
  for (const [name, text] of Object.entries(DOCS)) writeFileSync(join(docs, name), text);
  const cfg = h.hub.devices.getFiscal(h.registerId)!.config;
  const r = await rawRequest({
    host: '127.0.0.1',
    port: h.port,
    path: '/manage/save_fiscal_device',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...cfg, scan_folder: docs }),
  });
  expect(r.status, r.body).toBe(200);

  await sleep(2500); // many settle periods and rescans
  expect(readdirSync(docs).sort()).toEqual(Object.keys(DOCS).sort());
  for (const [name, text] of Object.entries(DOCS)) expect(readFileSync(join(docs, name), 'utf8')).toBe(text);
  expect(existsSync(join(docs, 'BonERR'))).toBe(false);
  expect(filesBelow(docs)).toEqual(Object.keys(DOCS).sort());
  expect(h.printed()).toBe(0);

  // The answer warned that the folder is not empty (the GUI shows it after saving).
  const body = JSON.parse(r.body);
  expect(body.warnings).toEqual([
    expect.objectContaining({ code: 'SCAN_FOLDER_NOT_EMPTY', field: 'device.scan_folder', files: Object.keys(DOCS).sort() }),
  ]);
  expect(body.warnings[0].message).toMatch(/3/);
  expect(h.hub.settings.get().inbox.extensions).toEqual(['.inp', '.bon']);
});
