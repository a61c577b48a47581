/**
 * Every cashier operation and the device health, in Chromium against a real headless hub driving a Datecs X
 * register emulator over TCP. The emulator's own register (its journal, counters, drawer) is the judge.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { addDatecsOverTcp, type DatecsOnHub } from './registers.js';

let datecs: DatecsOnHub;

test.beforeAll(async ({ hub }) => {
  datecs = await addDatecsOverTcp(hub, 'Datecs la casa 2');
});
test.afterAll(async () => {
  await datecs.close();
});

const register = () => datecs.em.register;
const docs = (kind: string) =>
  register()
    .readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' })
    .filter((d) => d.kind === kind);

/** Cents as the Romanian GUI shows them: 1.250,00 */
const lei = (cents: number) => `${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(cents % 100).padStart(2, '0')}`;

async function chooseDatecs(app: Page) {
  await app.locator(`[data-testid=fiscal-devices] li[data-device-id="${datecs.id}"] .device-pick`).click();
  await expect(app.getByTestId('receipt-panel')).toContainText('pe Datecs la casa 2');
}

async function printReceipt(app: Page, description: string, price: string) {
  await app.getByLabel('Descriere 1').fill(description);
  await app.getByLabel('Preț 1').fill(price);
  await app.keyboard.press('F9');
  await expect(app.getByTestId('receipt-printed')).toBeVisible();
  await app.keyboard.press('F8');
}

test('X report (Alt+X) with its totals by VAT group, then Z (asked first) with its number', async ({ app }) => {
  await chooseDatecs(app);
  await printReceipt(app, 'Paine', '10,00');
  await app.keyboard.press('Alt+X');
  const result = app.getByTestId('report-result');
  await expect(result).toContainText('Totaluri Raport X');
  await expect(result.locator('[data-vat="A"]')).toContainText('A 21%');
  // the register's own figure (an X report changes nothing fiscal)
  await expect(result.getByTestId('report-total')).toHaveText(lei(register().xReport().totals.total_cents));
  expect(docs('x_report').length).toBe(2);

  const z = register().counters().z_number;
  await app.keyboard.press('Alt+Z');
  await expect(app.getByTestId('confirm-dialog')).toContainText('închide ziua fiscală');
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('confirm-dialog')).toHaveCount(0);
  expect(register().counters().z_number).toBe(z);
  await app.getByRole('button', { name: /Raport Z/ }).click();
  await app.getByTestId('confirm-dialog').getByRole('button', { name: 'Confirmă' }).click();
  await expect(result).toContainText(`Raport Z nr. ${z + 1}`);
  await expect(result.locator('[data-vat="A"]')).toContainText('10,00');
  expect(register().counters().z_number).toBe(z + 1);
});

test('cash in and out show the register’s drawer; a withdrawal above it is refused in words, details behind a toggle', async ({ app }) => {
  await chooseDatecs(app);
  await app.keyboard.press('Alt+I');
  const dialog = app.getByTestId('cash-dialog');
  await dialog.getByLabel('Suma (lei)').fill('1.250,00');
  await app.keyboard.press('Enter');
  const result = app.getByTestId('report-result');
  const drawer = () => register().status().cash_in_drawer_cents;
  await expect(result).toContainText('Numerar introdus');
  await expect(result).toContainText(`În sertar: ${lei(drawer())} lei`);
  expect(drawer()).toBeGreaterThanOrEqual(125_000);
  await app.keyboard.press('Alt+O');
  await app.getByTestId('cash-dialog').getByLabel('Suma (lei)').fill('50');
  await app.getByTestId('cash-dialog').getByRole('button', { name: 'Execută' }).click();
  await expect(result).toContainText('Numerar scos');
  await expect(result).toContainText(`Numerar scos. În sertar: ${lei(drawer())} lei`);
  expect(docs('cash_out').length).toBe(1);
  await app.keyboard.press('Alt+O');
  await app.getByTestId('cash-dialog').getByLabel('Suma (lei)').fill('999999');
  await app.keyboard.press('Enter');
  const notice = app.getByTestId('error-notice');
  await expect(notice).toContainText('Comandă refuzată');
  await expect(notice).toContainText('Verificați sumele');
  await notice.getByRole('button', { name: 'Detalii' }).click();
  await expect(notice.getByTestId('error-detail')).toContainText('DEVICE_REJECTED');
  expect(docs('cash_out').length).toBe(1);
});

test('duplicate, drawer, non-fiscal text and cancelling a receipt left open on the register', async ({ app }) => {
  await chooseDatecs(app);
  await printReceipt(app, 'Ceai verde', '9,90');
  const nonFiscal = docs('non_fiscal').length;
  await app.keyboard.press('Alt+D');
  await expect(app.getByTestId('report-result')).toContainText('Duplicat tipărit');
  const dup = docs('non_fiscal');
  expect(dup.length).toBe(nonFiscal + 1);
  expect(dup.at(-1)?.lines.join('\n')).toContain('Ceai verde');

  const executed = datecs.em.emulator.stats.executed;
  await app.keyboard.press('Alt+S');
  await expect(app.getByTestId('report-result')).toContainText('Sertar deschis');
  expect(datecs.em.emulator.stats.executed).toBeGreaterThan(executed);

  await app.keyboard.press('Alt+N');
  await app.getByTestId('nonfiscal-dialog').getByLabel(/Textul de tipărit/).fill('Program: 8–20\nVă mulțumim!');
  await app.getByTestId('nonfiscal-dialog').getByRole('button', { name: 'Execută' }).click();
  await expect(app.getByTestId('report-result')).toContainText('Bon nefiscal tipărit');
  expect(docs('non_fiscal').at(-1)?.lines.join('\n')).toContain('Program: 8');

  // A receipt someone left open on the register (e.g. a sale interrupted at the till)
  register().openFiscalReceipt({});
  register().sell({ description: 'Uitat', vat_group: 'A', unit_price_cents: 100, quantity_thousandths: 1000 });
  expect(register().status().receipt).not.toBe('none');
  await app.keyboard.press('Alt+C');
  await app.getByTestId('confirm-dialog').getByRole('button', { name: 'Confirmă' }).click();
  await expect(app.getByTestId('report-result')).toContainText('Bonul deschis a fost anulat.');
  expect(register().status().receipt).toBe('none');
  await app.keyboard.press('Alt+C');
  await app.getByTestId('confirm-dialog').getByRole('button', { name: 'Confirmă' }).click();
  await expect(app.getByTestId('report-result')).toContainText('Nu era niciun bon deschis.');
});

test('the electronic journal goes to a file; the register’s date and time are read and set from the computer', async ({ app }) => {
  await chooseDatecs(app);
  await printReceipt(app, 'Miere', '25,00');
  await app.keyboard.press('Alt+J');
  const download = app.waitForEvent('download');
  await app.getByTestId('je-dialog').getByRole('button', { name: 'Execută' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^jurnal-.*\.txt$/);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('Miere');
  await expect(app.getByTestId('report-result')).toContainText(/\d+ rânduri salvate în jurnal-/);

  await app.keyboard.press('Alt+T');
  const dialog = app.getByTestId('datetime-dialog');
  const shown = dialog.getByTestId('register-time');
  await expect(shown).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await dialog.getByRole('button', { name: 'Setează ora calculatorului' }).click();
  await expect(async () => {
    const reg = Date.parse(register().status().datetime);
    expect(Math.abs(reg - Date.now())).toBeLessThan(60_000);
  }).toPass();
  await app.keyboard.press('Escape');
});

test('paper out is shown before printing, says what to do, and clears when the paper is loaded', async ({ app, hub }) => {
  await chooseDatecs(app);
  const card = app.locator(`[data-testid=fiscal-devices] li[data-device-id="${datecs.id}"]`);
  await expect(card.locator('.health-dot')).toHaveAttribute('data-health', 'ok');
  register().injectFaults({ paper_out_at_line: 1 });
  // another program prints on this register and the paper runs out
  const other = await hub.api<{ code: string }>('/devices/operation', { device_id: datecs.id, operation: { type: 'print_x' } });
  expect(other.code).toBe('PAPER_OUT');
  const notice = app.getByTestId('health-notice');
  await expect(notice).toContainText('Lipsă hârtie.');
  await expect(notice).toContainText('Puneți o rolă nouă');
  await expect(card.locator('.health-dot')).toHaveAttribute('data-health', 'error');
  await expect(card.getByTestId('health-line')).toHaveText('Lipsă hârtie');

  register().loadPaper();
  await expect(notice).toHaveCount(0, { timeout: 15_000 }); // the hub's next status read
  await expect(card.locator('.health-dot')).toHaveAttribute('data-health', 'ok');
  const before = register().counters().receipt_number;
  await printReceipt(app, 'Dupa hartie', '3,00');
  expect(register().counters().receipt_number).toBe(before + 1);

  // the cover: read by the hub's status probe, no job needed
  register().injectFaults({ cover_open: true });
  await expect(app.getByTestId('health-notice')).toContainText('Capacul este deschis', { timeout: 15_000 });
  register().closeCover();
  await expect(app.getByTestId('health-notice')).toHaveCount(0, { timeout: 15_000 });
});

test('while the hub does not answer every device is grey, and Print waits for the link', async ({ app, hub }) => {
  await hub.kill();
  await expect(app.getByTestId('hub-link')).toHaveClass(/offline/);
  await expect(app.locator('[data-testid=fiscal-devices] .badge').first()).toHaveAttribute('data-status', 'unknown');
  await expect(app.locator('[data-testid=fiscal-devices] .health-dot').first()).toHaveAttribute('data-health', 'unknown');
  await expect(app.getByTestId('print-button')).toBeDisabled();
  await hub.relaunch();
  await expect(app.getByTestId('hub-link')).toHaveClass(/online/, { timeout: 20_000 });
  await expect(app.locator(`[data-testid=fiscal-devices] li[data-device-id="${hub.registerId}"] .badge`)).toHaveText('Conectat');
});
