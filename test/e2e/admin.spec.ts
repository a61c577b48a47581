/**
 * The administrator's pages in Chromium against a real headless hub: a Datecs register added on a real socat
 * pseudo-terminal through detection and a connection test, the editor built from the catalogue's options schema,
 * the scan-folder picker, the linked terminal, a device's last error, and a settings change that takes effect.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCasposEmulator } from '../../src-main/emulators/caspos/start.js';
import { startDatecsEmulator } from '../../src-main/emulators/datecs/start-emulator.js';
import { openPtyPair } from '../helpers/pty.js';
import { expect, test } from './fixtures.js';
import { waitUntil } from './registers.js';

interface FiscalList {
  fiscal_devices: Array<{ config: Record<string, any> & { id: string; name: string }; status: string; last_error?: string }>;
}

async function openDevices(app: Page) {
  await app.getByRole('button', { name: 'Dispozitive', exact: true }).click();
  await expect(app.getByTestId('settings-devices')).toBeVisible();
}

test('a Datecs on a serial port: detected, tested, saved from the form, connected', async ({ app, hub }) => {
  const pty = await openPtyPair();
  const state = mkdtempSync(join(tmpdir(), 'fiscool-e2e-pty-'));
  const em = await startDatecsEmulator({ protocol: 'x', serial: pty.a, baud: 115_200, stateDir: state });
  try {
    await openDevices(app);
    await app.getByRole('button', { name: '+ Adaugă casă de marcat' }).click();
    const form = app.getByTestId('device-form');
    await form.getByLabel('Producător').selectOption('Datecs');
    await form.getByLabel('Model').selectOption('DP-25MX');
    await form.getByLabel('Conexiune').selectOption('Serial');
    // the machine's ports come from the hub (a pty is not among them: it is typed for detection)
    await expect(form.getByLabel('Port serial')).toBeVisible();
    await form.getByLabel(/Porturi de încercat/).fill(pty.b);
    await form.getByRole('button', { name: 'Detectează casa' }).click();
    const found = form.getByTestId('detected-device');
    await expect(found).toContainText(`serie ${em.register.identity().serial}`, { timeout: 30_000 });
    await expect(found).toContainText(`pe ${pty.b}, 115200 baud, protocol X`);
    await found.getByRole('button', { name: 'Folosește' }).click();
    await expect(form.getByLabel('Numele portului')).toHaveValue(pty.b);
    await expect(form.getByLabel('Protocol')).toHaveValue('x');
    await form.getByLabel('Nume', { exact: true }).fill('Datecs pe serial');
    await form.getByLabel('Operator', { exact: true }).fill('3');
    await form.getByLabel('Lățime text nefiscal').fill('42');
    await form.getByRole('button', { name: 'Testează legătura' }).click();
    await expect(form.getByTestId('test-result')).toContainText(`Legătura merge: DP-25MX, serie ${em.register.identity().serial}.`, { timeout: 30_000 });
    await form.getByRole('button', { name: 'Salvează' }).click();
    const row = app.locator('[data-testid=settings-devices] tr', { hasText: 'Datecs pe serial' });
    await expect(row.locator('.badge')).toHaveText('Conectat', { timeout: 30_000 });
    const list = await hub.api<FiscalList>('/devices/fiscal');
    const saved = list.fiscal_devices.find((d) => d.config.name === 'Datecs pe serial')!;
    expect(saved.config).toMatchObject({
      connection_details: { type: 'Serial', details: { port: pty.b, baud_rate: 115_200 } },
      options: { protocol: 'x', operator: 3, text_width: 42 },
    });
    // it prints
    const x = await hub.api<{ status: number }>('/devices/operation', { device_id: saved.config.id, operation: { type: 'print_x' } });
    expect(x.status).toBe(0);
    await hub.api('/manage/delete_fiscal_device', { id: saved.config.id });
  } finally {
    await em.close();
    await pty.close();
    rmSync(state, { recursive: true, force: true });
  }
});

test('a Caspos found on the network from the form: its address and port filled in, saved', async ({ app, hub }) => {
  const state = mkdtempSync(join(tmpdir(), 'fiscool-e2e-caspos-'));
  const em = await startCasposEmulator({ stateDir: state });
  try {
    await openDevices(app);
    await app.getByRole('button', { name: '+ Adaugă casă de marcat' }).click();
    const form = app.getByTestId('device-form');
    await form.getByLabel('Producător').selectOption('Caspos');
    const box = form.getByTestId('network-detect-box');
    // an address off the shop network is refused by the hub, in words, and nothing is filled in
    await box.getByLabel(/Adrese de căutat/).fill('8.8.8.8');
    await box.getByRole('button', { name: 'Caută în rețea' }).click();
    await expect(form.getByText('Câmp: hosts')).toBeVisible();
    await expect(box.getByTestId('network-detected-device')).toHaveCount(0);
    await box.getByLabel(/Adrese de căutat/).fill(`127.0.0.1:${em.port}`);
    await box.getByRole('button', { name: 'Caută în rețea' }).click();
    const found = box.getByTestId('network-detected-device');
    await expect(found).toHaveText(new RegExp(`Caspos Mobile la 127\\.0\\.0\\.1, portul ${em.port}`), { timeout: 15_000 });
    await found.getByRole('button', { name: 'Folosește' }).click();
    await expect(form.getByLabel('Adresă IP')).toHaveValue('127.0.0.1');
    await expect(form.getByLabel('Port TCP')).toHaveValue(String(em.port));
    await form.getByLabel('Nume', { exact: true }).fill('Caspos găsit');
    await form.getByRole('button', { name: 'Salvează' }).click();
    await expect(app.locator('[data-testid=settings-devices] tr', { hasText: 'Caspos găsit' })).toBeVisible();
    const list = await hub.api<FiscalList>('/devices/fiscal');
    const saved = list.fiscal_devices.find((d) => d.config.name === 'Caspos găsit')!;
    expect(saved.config).toMatchObject({ manufacturer: 'Caspos', connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: em.port } } });
    await hub.api('/manage/delete_fiscal_device', { id: saved.config.id });
  } finally {
    await em.close();
    rmSync(state, { recursive: true, force: true });
  }
});

test('an option outside the model’s schema is refused naming it; the scan folder is picked; the linked terminal is set', async ({ app, hub }) => {
  const root = join(hub.dataDir, 'magazin');
  mkdirSync(join(root, 'Bonuri', 'Casa1'), { recursive: true });
  await openDevices(app);
  await app.locator(`[data-testid=settings-devices] tr[data-device-id="${hub.registerId}"]`).getByRole('button', { name: 'Modifică' }).click();
  const form = app.getByTestId('device-form');
  await expect(form.getByTestId('device-options')).toContainText('Viteza simulării');
  await form.getByLabel('Memorie fiscală (rapoarte Z)').fill('zero');
  await form.getByRole('button', { name: 'Salvează' }).click();
  const notice = form.getByTestId('error-notice');
  await expect(notice).toContainText('Date de corectat');
  await expect(notice).toContainText('Câmp: Memorie fiscală (rapoarte Z)');
  await form.getByLabel('Memorie fiscală (rapoarte Z)').fill('');

  await form.getByLabel('Dosar de scanare (INP)').fill(root);
  await form.getByRole('button', { name: 'Alege…' }).click();
  const picker = app.getByTestId('folder-picker');
  await expect(picker.getByTestId('folder-path')).toHaveText(root);
  await picker.getByRole('button', { name: /Bonuri/ }).click();
  await picker.getByRole('button', { name: /Casa1/ }).click();
  await expect(picker.getByTestId('folder-path')).toHaveText(join(root, 'Bonuri', 'Casa1'));
  await picker.getByRole('button', { name: 'Alege acest dosar' }).click();
  await expect(form.getByLabel('Dosar de scanare (INP)')).toHaveValue(join(root, 'Bonuri', 'Casa1'));

  await expect(form.getByLabel('Terminal card legat')).toHaveValue(/.+/);
  await form.getByLabel('Plățile cu cardul merg la terminal').uncheck();
  await form.getByRole('button', { name: 'Salvează' }).click();
  await expect(app.getByText('Salvat.')).toBeVisible();
  const cfg = (await hub.api<FiscalList>('/devices/fiscal')).fiscal_devices.find((d) => d.config.id === hub.registerId)!.config;
  expect(cfg).toMatchObject({ scan_folder: join(root, 'Bonuri', 'Casa1'), auto_send_card_to_pos: false, linked_pos_device_id: expect.any(String) });
  // back as it was, for the other tests
  await hub.api('/manage/save_fiscal_device', { ...cfg, scan_folder: '', auto_send_card_to_pos: true });
});

test('a register that never answers shows its last error on the Devices page', async ({ app, hub }) => {
  const sockets: Socket[] = [];
  const silent = createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as AddressInfo).port;
  try {
    const saved = await hub.api<{ device: { id: string } }>('/manage/save_fiscal_device', {
      name: 'Datecs tăcută',
      manufacturer: 'Datecs',
      model: 'DP-25MX',
      connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port } },
    });
    await openDevices(app);
    const row = app.locator(`[data-testid=settings-devices] tr[data-device-id="${saved.device.id}"]`);
    await expect(row.locator('.badge')).toHaveText('Deconectat', { timeout: 20_000 });
    await expect(row.getByTestId('last-error')).toContainText('Ultima eroare:');
    await expect(row.getByTestId('health-line')).toHaveText('Casa nu este conectată');
    await hub.api('/manage/delete_fiscal_device', { id: saved.device.id });
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});

test('a settings change is applied: the ErpNet.FP listener starts on the port given; a bad value names its field', async ({ app, hub }) => {
  const free = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  await app.getByRole('button', { name: 'Setări', exact: true }).click();
  const form = app.getByTestId('settings-form');
  await form.getByLabel('Zile păstrate (cel puțin 7)').fill('3');
  await form.getByRole('button', { name: 'Salvează' }).click();
  await expect(form.getByTestId('error-notice')).toContainText('Câmp: zile păstrate');
  await form.getByLabel('Zile păstrate (cel puțin 7)').fill('45');
  await form.getByLabel('ErpNet.FP — Pornit').check();
  await form.getByLabel('ErpNet.FP Port').fill(String(free));
  await form.getByLabel('Așteptare maximă (secunde)').fill('120');
  await form.getByRole('button', { name: 'Salvează' }).click();
  await expect(form.getByTestId('settings-saved')).toBeVisible();
  const s = (await hub.api<{ settings: any }>('/manage/settings')).settings;
  expect(s).toMatchObject({ retention_days: 45, erpnet: { enabled: true, port: free }, inbox: { wait_timeout_s: 120 } });
  await waitUntil(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${free}/printers`)).ok;
    } catch {
      return false;
    }
  });
  const printers = (await (await fetch(`http://127.0.0.1:${free}/printers`)).json()) as Record<string, unknown>;
  expect(Object.keys(printers).length).toBeGreaterThan(0);
  await hub.api('/manage/save_settings', { erpnet: { enabled: false } });
});

test('the support bundle downloads from the settings page (a gzip archive), in one click', async ({ app }) => {
  await app.getByRole('button', { name: 'Setări', exact: true }).click();
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId('support-bundle').click()]);
  expect(download.suggestedFilename()).toMatch(/^fiscool-support-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(file);
  expect(bytes[0]).toBe(0x1f); // gzip magic
  expect(bytes[1]).toBe(0x8b);
});
