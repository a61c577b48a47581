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

test('a folder of documents: saved with a warning the GUI shows, and the documents stay as they were', async ({ page }) => {
  const docs = join(tempDir('fiscool-attack-docs-'), 'Documente');
  mkdirSync(docs);
  for (const [name, text] of Object.entries(DOCS)) writeFileSync(join(docs, name), text);
  await page.goto(`${h.url}/app/`);
  await page.getByTestId('hub-link').and(page.locator('.online')).waitFor();
  await page.getByRole('button', { name: 'Dispozitive', exact: true }).click();
  await page.locator(`[data-testid=settings-devices] tr[data-device-id="${h.registerId}"]`).getByRole('button', { name: 'Modifică' }).click();
  const form = page.getByTestId('device-form');
  await form.getByLabel('Dosar de scanare (INP)').fill(docs);
  const saved = page.waitForResponse((r) => r.url().endsWith('/manage/save_fiscal_device'));
  await form.getByRole('button', { name: 'Salvează' }).click();
  const answer = await saved;
  expect(answer.status()).toBe(200);
  expect(h.hub.devices.getFiscal(h.registerId)!.config.scan_folder).toBe(docs);

  await sleep(2500); // many settle periods and rescans
  expect(readdirSync(docs).sort()).toEqual(Object.keys(DOCS).sort());
  for (const [name, text] of Object.entries(DOCS)) expect(readFileSync(join(docs, name), 'utf8')).toBe(text);
  expect(existsSync(join(docs, 'BonERR'))).toBe(false);
  expect(filesBelow(docs)).toEqual(Object.keys(DOCS).sort());
  expect(h.printed()).toBe(0);

  // The answer warned that the folder is not empty, and the GUI shows it.
  const body = await answer.json();
  expect(body.warnings).toEqual([
    expect.objectContaining({ code: 'SCAN_FOLDER_NOT_EMPTY', field: 'device.scan_folder', files: Object.keys(DOCS).sort(), count: 3 }),
  ]);
  await expect(page.getByTestId('save-warning')).toContainText('3 fișiere care nu sunt comenzi INP');
  await expect(page.getByTestId('save-warning')).toContainText('scrisoare.txt');
  expect(h.hub.settings.get().inbox.extensions).toEqual(['.inp', '.bon']);
});

test('asking for .txt files never makes the inbox take text files that are not INP commands', async () => {
  const api = async (path: string, body: unknown) => {
    const r = await rawRequest({ host: '127.0.0.1', port: h.port, path, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: JSON.parse(r.body) };
  };
  const withTxt = { inbox: { extensions: ['.inp', '.bon', '.txt'] } };
  // The register still watches the documents folder of the test above: .txt would take its letters.
  const watched = h.hub.devices.getFiscal(h.registerId)!.config.scan_folder!;
  const refused = await api('/manage/save_settings', withTxt);
  expect(refused.status).toBe(400);
  expect(refused.body.error).toMatch(/^settings\.inbox\.extensions: .*2 file\(s\)/);
  expect(h.hub.settings.get().inbox.extensions).toEqual(['.inp', '.bon']);

  // Without a folder, .txt may be asked for; then a new folder holding such text files is refused.
  const cfg = h.hub.devices.getFiscal(h.registerId)!.config;
  expect((await api('/manage/save_fiscal_device', { ...cfg, scan_folder: '' })).status).toBe(200);
  expect((await api('/manage/save_settings', withTxt)).status).toBe(200);
  const texts = join(tempDir('fiscool-attack-docs-'), 'Texte');
  mkdirSync(texts);
  for (const [name, text] of Object.entries(DOCS)) writeFileSync(join(texts, name), text);
  const r = await api('/manage/save_fiscal_device', { ...cfg, scan_folder: texts });
  expect(r.status).toBe(400);
  expect(r.body.error).toMatch(/^device\.scan_folder: .*2 file\(s\).*lista-cumparaturi\.txt, scrisoare\.txt/);

  await sleep(1000);
  for (const dir of [watched, texts]) expect(filesBelow(dir)).toEqual(Object.keys(DOCS).sort());
  expect(h.printed()).toBe(0);
});
