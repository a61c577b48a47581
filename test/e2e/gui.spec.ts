/**
 * The GUI in Chromium against a real headless hub with its simulated register: live device status, manual receipt,
 * the hub's validation errors, RO/EN, reports, device settings, the scan-folder inbox, reconnecting.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

interface JobBody {
  state: string;
  operation: { type: string };
  result?: { slip_number?: number; total_cents?: number };
}
interface FiscalList {
  fiscal_devices: Array<{ config: Record<string, unknown> & { id: string; name: string }; status: string }>;
}

test.afterEach(async ({ hub }) => {
  await hub.api('/manage/save_settings', { language: 'ro' });
});

test('the device list shows the simulated register as connected, with its VAT rates', async ({ app, hub }) => {
  const card = app.locator(`[data-testid=fiscal-devices] li[data-device-id="${hub.registerId}"]`);
  await expect(card).toContainText('Casă de marcat simulată');
  await expect(card.locator('.badge')).toHaveAttribute('data-status', 'Connected');
  await expect(card.locator('.badge')).toHaveText('Conectat');
  await expect(card.getByTestId('vat-rates')).toContainText('A 21%');
  await expect(card.getByTestId('vat-rates')).toContainText('B 11%');
  await expect(app.getByTestId('pos-devices')).toContainText('Terminal POS simulat');
});

test('a manual receipt prints: the hub’s slip number and total are shown and the job appears in the list', async ({ app, hub }) => {
  await app.getByLabel('Descriere 1').fill('Cafea espresso');
  await app.getByLabel('Cantitate 1').fill('2');
  await app.getByLabel('Preț unitar 1').fill('8,50');
  await app.getByRole('button', { name: '+ Adaugă linie' }).click();
  await app.getByLabel('Descriere 2').fill('Apă plată');
  await app.getByLabel('Preț unitar 2').fill('4.25');
  await app.getByLabel('TVA 2').selectOption('B');
  await expect(app.getByTestId('entered-sum')).toHaveText('21,25');
  await app.getByLabel('Suma primită').fill('50');
  await app.getByRole('button', { name: 'Tipărește bonul' }).click();

  const printed = app.getByTestId('receipt-printed');
  await expect(printed).toContainText(/Bon nr\. \d+ tipărit\. Total: 21,25 lei\./);
  await expect(printed).toContainText('Rest: 28,75 lei');
  const slip = Number(/Bon nr\. (\d+)/.exec((await printed.textContent()) ?? '')?.[1]);

  const jobId = (await printed.getAttribute('data-job-id'))!;
  const job = await hub.api<JobBody>(`/jobs/${jobId}`);
  expect(job.operation.type).toBe('print_receipt');
  expect(job.result?.slip_number).toBe(slip);
  expect(job.result?.total_cents).toBe(2125);

  const row = app.locator(`[data-testid=jobs-list] li[data-job-id="${jobId}"]`);
  await expect(row).toContainText('Bon fiscal');
  await expect(row).toContainText('reușită');
  await expect(row).toContainText(`bon nr. ${slip}`);
  await app.screenshot({ path: 'test-results/e2e/gui-register.png', fullPage: true });
});

test('an empty description gets the hub’s error naming the field, and nothing is queued', async ({ app, hub }) => {
  const before = await hub.api<{ jobs: unknown[] }>('/jobs?limit=1000');
  await app.getByRole('button', { name: 'Bon nou' }).click();
  await app.getByLabel('Preț unitar 1').fill('3');
  await app.getByRole('button', { name: 'Tipărește bonul' }).click();
  const notice = app.getByTestId('error-notice');
  await expect(notice).toContainText('Hubul a refuzat datele');
  await expect(notice).toContainText('Câmp: linia 1, descriere');
  await expect(notice).toContainText('operation.lines[0].description');
  const after = await hub.api<{ jobs: unknown[] }>('/jobs?limit=1000');
  expect(after.jobs.length).toBe(before.jobs.length);
});

test('a price that is not a number is caught before sending, in words', async ({ app }) => {
  await app.getByLabel('Descriere 1').fill('Pâine');
  await app.getByLabel('Preț unitar 1').fill('doi lei');
  await app.getByRole('button', { name: 'Tipărește bonul' }).click();
  await expect(app.getByTestId('error-notice')).toContainText('linia 1, Preț unitar: scrieți un număr');
});

test('the language switch changes the texts and the hub’s own language', async ({ app, hub }) => {
  await expect(app.getByRole('heading', { name: 'Bon fiscal manual' })).toBeVisible();
  await app.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Manual receipt' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Print receipt' })).toBeVisible();
  await expect(app.locator(`li[data-device-id="${hub.registerId}"] .badge`)).toHaveText('Connected');
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(async () => (await hub.api<{ settings: { language: string } }>('/manage/settings')).settings.language).toBe('en');
  // the hub's own answer now comes in English too
  await app.getByRole('button', { name: 'X report' }).click();
  await expect(app.getByTestId('report-result')).toContainText('X report');
  await app.getByRole('button', { name: 'RO', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Bon fiscal manual' })).toBeVisible();
});

test('the X report prints and shows the hub’s totals', async ({ app }) => {
  await app.getByRole('button', { name: 'Raport X' }).click();
  const result = app.getByTestId('report-result');
  await expect(result).toContainText('Raport X tipărit');
  await expect(result).toContainText(/Total vânzări: \d+,\d\d lei/);
});

test('a card receipt on the register linked to the simulated terminal shows the authorisation code', async ({ app }) => {
  await app.getByLabel('Descriere 1').fill('Carte');
  await app.getByLabel('Preț unitar 1').fill('45');
  await app.getByLabel('TVA 1').selectOption('B');
  await app.getByLabel('Plată').selectOption('card');
  await app.getByRole('button', { name: 'Tipărește bonul' }).click();
  const printed = app.getByTestId('receipt-printed');
  await expect(printed).toContainText('Total: 45,00 lei');
  await expect(printed).toContainText(/Card aprobat, cod de autorizare \d+/);
});

test('the Z report asks first, then prints and shows its number', async ({ app }) => {
  app.once('dialog', (d) => void d.dismiss());
  await app.getByRole('button', { name: 'Raport Z' }).click();
  await expect(app.getByTestId('report-result')).toHaveCount(0);
  app.once('dialog', (d) => void d.accept());
  await app.getByRole('button', { name: 'Raport Z' }).click();
  await expect(app.getByTestId('report-result')).toContainText(/Raport Z nr\. \d+/);
});

test('cash in works, and cash out beyond the drawer shows the register’s refusal in words', async ({ app }) => {
  await app.getByLabel('Suma', { exact: true }).fill('100');
  await app.getByRole('button', { name: 'Introducere numerar' }).click();
  await expect(app.getByTestId('report-result')).toContainText(/Numerar în sertar: \d+,\d\d lei/);
  await app.getByLabel('Suma', { exact: true }).fill('999999');
  await app.getByRole('button', { name: 'Scoatere numerar' }).click();
  const notice = app.getByTestId('error-notice');
  await expect(notice).toContainText('Casa de marcat a raportat o problemă');
  await expect(notice).toContainText('DEVICE_REJECTED');
});

test('adding a second simulated register in the Devices page makes it appear, connected', async ({ app, hub }) => {
  await app.getByRole('button', { name: 'Dispozitive', exact: true }).click();
  await app.getByRole('button', { name: '+ Adaugă casă de marcat' }).click();
  const form = app.getByTestId('device-form');
  await form.getByLabel('Nume').fill('Casa 2 — test');
  await expect(form.getByLabel('Producător')).toHaveValue('FisCool');
  await expect(form.getByLabel('Model')).toHaveValue('Simulated');
  await form.getByRole('button', { name: 'Salvează' }).click();
  await expect(app.getByTestId('settings-devices')).toContainText('Casa 2 — test');

  const list = await hub.api<FiscalList>('/devices/fiscal');
  const added = list.fiscal_devices.find((d) => d.config.name === 'Casa 2 — test');
  expect(added).toBeDefined();
  await app.getByRole('button', { name: 'Casă', exact: true }).click();
  const card = app.locator(`[data-testid=fiscal-devices] li[data-device-id="${added!.config.id}"]`);
  await expect(card.locator('.badge')).toHaveText('Conectat');

  // a save the hub refuses shows its reason (a Datecs on a serial port with no port name)
  await app.getByRole('button', { name: 'Dispozitive', exact: true }).click();
  await app.getByRole('button', { name: '+ Adaugă casă de marcat' }).click();
  await form.getByLabel('Nume').fill('Datecs fără port');
  await form.getByLabel('Producător').selectOption('Datecs');
  await form.getByLabel('Conexiune').selectOption('Serial');
  await form.getByRole('button', { name: 'Salvează' }).click();
  await expect(form.getByTestId('error-notice')).toContainText('Hubul a refuzat datele');
  await expect(form.getByTestId('error-notice')).toContainText('port');

  // delete the second register again
  app.once('dialog', (d) => void d.accept());
  await app.locator(`[data-testid=settings-devices] tr[data-device-id="${added!.config.id}"]`).getByRole('button', { name: 'Șterge' }).click();
  await expect(app.getByTestId('settings-devices')).not.toContainText('Casa 2 — test');
});

test('a Datecs on the network that never answers goes from connecting to disconnected, live', async ({ app, hub }) => {
  // a TCP listener that accepts and stays silent: the register "is there" but does not answer
  const sockets: Socket[] = [];
  const silent = createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as AddressInfo).port;
  try {
    await app.getByRole('button', { name: 'Dispozitive', exact: true }).click();
    await app.getByRole('button', { name: '+ Adaugă casă de marcat' }).click();
    const form = app.getByTestId('device-form');
    await form.getByLabel('Nume').fill('Datecs tăcută');
    await form.getByLabel('Producător').selectOption('Datecs');
    await form.getByLabel('Model').selectOption('DP-25MX');
    await form.getByLabel('Conexiune').selectOption('Network');
    await form.getByLabel('Adresă IP').fill('127.0.0.1');
    await form.getByLabel('Port TCP').fill(String(port));
    await form.getByRole('button', { name: 'Salvează' }).click();
    const row = app.locator('[data-testid=settings-devices] tr', { hasText: 'Datecs tăcută' });
    await expect(row.locator('.badge')).toHaveText('Se conectează');
    // nothing reloads the list from here on: the change arrives as a device_status push over the WebSocket
    await expect(row.locator('.badge')).toHaveText('Deconectat', { timeout: 15_000 });
    await app.getByRole('button', { name: 'Casă', exact: true }).click();
    const card = app.locator('[data-testid=fiscal-devices] li', { hasText: 'Datecs tăcută' });
    await expect(card.locator('.device-error')).toContainText('no answer');
    const id = await card.getAttribute('data-device-id');
    await hub.api('/manage/delete_fiscal_device', { id });
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});

test('the inbox lists a file dropped into the register’s scan folder, and a bad one with its line', async ({ app, hub }) => {
  const folder = join(hub.dataDir, 'scan');
  mkdirSync(folder, { recursive: true });
  const list = await hub.api<FiscalList>('/devices/fiscal');
  const reg = list.fiscal_devices.find((d) => d.config.id === hub.registerId)!;
  await hub.api('/manage/save_fiscal_device', { ...reg.config, scan_folder: folder });

  writeFileSync(join(folder, 'bon-e2e.inp'), 'S,1,______,_,__;Paine;4.20;1.000;1;1;1;0;0;buc\nT,1,______,_,__;0;\n');
  writeFileSync(join(folder, 'gresit-e2e.inp'), 'S,1,______,_,__;Paine;patru;1.000;1;1;1;0;0;buc\nT,1,______,_,__;0;\n');
  await app.getByRole('button', { name: /Dosar de scanare/ }).click();
  const good = app.locator('[data-testid=inbox-files] tr[data-file-name="bon-e2e.inp"]');
  await expect(good).toContainText('tipărit');
  await expect(good).toContainText(/bon nr\. \d+ · 4\.20 lei/);
  const bad = app.locator('[data-testid=inbox-files] tr[data-file-name="gresit-e2e.inp"]');
  await expect(bad).toContainText('eșuat');
  await expect(bad).toContainText('linia 1');
  await bad.getByRole('button', { name: 'Renunță' }).click();
  await expect(bad).toContainText('abandonat');
  // the file's receipt is in the journal like any other job, marked as coming from the INP door
  await app.getByRole('button', { name: 'Casă', exact: true }).click();
  await expect(app.locator('[data-testid=jobs-list] li', { hasText: 'INP' }).first()).toContainText('reușită');
});

test('the GUI notices the hub going away and reconnects by itself when it is back', async ({ app, hub }) => {
  const link = app.getByTestId('hub-link');
  await expect(link).toHaveClass(/online/);
  await hub.kill();
  await expect(link).toHaveClass(/offline/);
  await expect(link).toHaveText('Fără legătură cu hubul — se reconectează…');
  await hub.relaunch();
  await expect(link).toHaveClass(/online/, { timeout: 15_000 });
  // live updates flow again after the reconnect: a job made through the API shows up
  const out = await hub.api<{ job_id: string }>('/devices/operation', { device_id: hub.registerId, operation: { type: 'print_x' } });
  await expect(app.locator(`[data-testid=jobs-list] li[data-job-id="${out.job_id}"]`)).toContainText('Raport X');
});
