/**
 * The scan-folder inbox and the journal in Chromium against a real headless hub, with a Datecs emulator as the
 * register behind the scan folder: a file that failed because of the register is retried and prints, one row per
 * file; a file with a mistake offers no Retry; the journal filters by door and state, shows a job's details, exports
 * CSV.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { addDatecsOverTcp, type DatecsOnHub } from './registers.js';

let datecs: DatecsOnHub;
let folder: string;

test.beforeAll(async ({ hub }) => {
  datecs = await addDatecsOverTcp(hub, 'Datecs cu dosar');
  folder = join(hub.dataDir, 'scan-datecs');
  mkdirSync(folder, { recursive: true });
  const cfg = (await hub.api<{ fiscal_devices: Array<{ config: { id: string } }> }>('/devices/fiscal')).fiscal_devices.find((d) => d.config.id === datecs.id)!.config;
  await hub.api('/manage/save_fiscal_device', { ...cfg, scan_folder: folder });
  await hub.api('/manage/save_settings', { inbox: { wait_for_device: false } });
});
test.afterAll(async ({ hub }) => {
  await hub.api('/manage/save_settings', { inbox: { wait_for_device: true } });
  await datecs.close();
});

const row = (app: Page, name: string) => app.locator(`[data-testid=inbox-files] tr[data-file-name="${name}"]`);

test('a file that failed because the cover was open is retried and prints; one row per file; a file with a mistake offers no Retry', async ({ app }) => {
  datecs.em.register.injectFaults({ cover_open: true });
  const before = datecs.em.register.counters().receipt_number;
  writeFileSync(join(folder, 'capac.inp'), 'S,1,______,_,__;Paine;4.20;1.000;1;1;1;0;0;buc\nT,1,______,_,__;0;\n');
  writeFileSync(join(folder, 'gresit.inp'), 'S,1,______,_,__;Paine;patru;1.000;1;1;1;0;0;buc\nT,1,______,_,__;0;\n');
  await app.getByRole('button', { name: /Dosar de scanare/ }).click();
  await expect(row(app, 'capac.inp')).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  await expect(row(app, 'capac.inp')).toContainText('Capacul imprimantei este deschis');
  await expect(row(app, 'gresit.inp')).toHaveAttribute('data-state', 'failed');
  await expect(row(app, 'gresit.inp')).toContainText('linia 1');
  await expect(row(app, 'gresit.inp')).toContainText('corectați-l și puneți-l din nou în dosar');
  await expect(row(app, 'gresit.inp').getByRole('button', { name: 'Reîncearcă' })).toHaveCount(0);
  await expect(row(app, 'gresit.inp').getByRole('button', { name: 'Abandonează' })).toBeVisible();

  datecs.em.register.closeCover();
  await row(app, 'capac.inp').getByRole('button', { name: 'Reîncearcă' }).click();
  await expect(row(app, 'capac.inp')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(row(app, 'capac.inp')).toContainText(/bon nr\. \d+ · 4\.20 lei/);
  await expect(row(app, 'capac.inp')).toContainText('2 încercări');
  await expect(app.locator('[data-testid=inbox-files] tr[data-file-name="capac.inp"]')).toHaveCount(1);
  expect(datecs.em.register.counters().receipt_number).toBe(before + 1);
  await row(app, 'gresit.inp').getByRole('button', { name: 'Abandonează' }).click();
  await expect(row(app, 'gresit.inp')).toHaveAttribute('data-state', 'discarded');
});

test('the journal: filtered by door and state, a job’s details, and the same rows exported as CSV', async ({ app, hub }) => {
  await hub.api('/devices/operation', { device_id: hub.registerId, operation: { type: 'print_x' } });
  // a refused withdrawal: a failed job from the API door
  await hub.api('/devices/operation', { device_id: datecs.id, operation: { type: 'withdraw_cash', amount: 99_999_900 } });
  await app.getByRole('button', { name: 'Jurnal', exact: true }).click();
  const table = app.getByTestId('journal-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const filters = app.getByTestId('journal-filters');
  await filters.getByLabel('Sursă').selectOption('inp');
  await expect(table.locator('tbody tr')).not.toHaveCount(0);
  for (const door of await table.locator('tbody tr td:nth-child(4)').allTextContents()) expect(door).toBe('INP');
  await filters.getByLabel('Stare').selectOption('succeeded');
  const receiptRow = table.locator('tbody tr', { hasText: 'Bon fiscal' }).first();
  await expect(receiptRow).toContainText(/bon nr\. \d+/);
  await receiptRow.click();
  const details = app.getByTestId('job-details');
  await expect(details).toContainText('Detaliile lucrării: Bon fiscal');
  await expect(details).toContainText('Datecs cu dosar');
  await expect(details.getByTestId('details-request')).toContainText('"description": "Paine"');
  await expect(details.getByTestId('details-slip')).toHaveText(/^\d+$/);
  await expect(details).toContainText('Cheie de idempotență');

  await filters.getByLabel('Sursă').selectOption('http');
  await filters.getByLabel('Stare').selectOption('failed');
  await expect(table).toContainText('Comandă refuzată');
  const download = app.waitForEvent('download');
  await filters.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csv[0]).toContain('job_id,created_at');
  expect(csv.length - 1).toBe(await table.locator('tbody tr').count());
  expect(csv.slice(1).every((l) => l.includes(',http,') && l.includes(',failed,'))).toBe(true);
  expect(csv.some((l) => l.includes(',withdraw_cash,failed,') && l.includes('DEVICE_REJECTED'))).toBe(true);

  await filters.getByLabel('Sursă').selectOption('');
  await filters.getByLabel('Stare').selectOption('');
  await filters.getByLabel('Dispozitiv').selectOption(hub.registerId);
  await expect(table).toContainText('Raport X');
  await expect(table).not.toContainText('Datecs cu dosar');
});
