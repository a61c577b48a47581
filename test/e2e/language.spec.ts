/**
 * The language belongs to each GUI client: switching one browser to English (or Azerbaijani) changes neither
 * another browser's language nor the hub's own texts for programs; the hub's texts shown in the switched browser
 * (device status, refusals in the journal) follow it.
 */
import { expect, test } from './fixtures.js';

test('EN in one browser: the other browser stays RO, the API answers programs in Romanian', async ({ app, hub, browser }) => {
  await app.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(app.getByRole('heading', { name: /Fiscal receipt/ })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.locator(`[data-testid=fiscal-devices] li[data-device-id="${hub.registerId}"] .badge`)).toHaveText('Connected');

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(`${hub.url}/app/`);
  await expect(page2.getByTestId('hub-link')).toHaveClass(/online/);
  await expect(page2.getByRole('heading', { name: /Bon fiscal/ })).toBeVisible();
  await expect(page2.locator(`[data-testid=fiscal-devices] li[data-device-id="${hub.registerId}"] .badge`)).toHaveText('Conectat');

  // the hub-wide setting and the texts programs get are untouched
  expect((await hub.api<{ settings: { language: string } }>('/manage/settings')).settings.language).toBe('ro');
  const refused = await hub.api<{ error: string }>('/devices/operation', { device_id: hub.registerId, operation: { type: 'withdraw_cash', amount: 99_999_900 } });
  expect(refused.error).toMatch(/^Casa de marcat a refuzat comanda/);
  const fiscal = await hub.api<{ fiscal_devices: Array<{ status_text: string }> }>('/devices/fiscal');
  expect(fiscal.fiscal_devices[0]?.status_text).toBe('Conectat');

  // the English browser reads the same refusal in English, in the journal
  await app.getByRole('button', { name: 'Journal', exact: true }).click();
  await app.getByTestId('journal-filters').getByLabel('State').selectOption('failed');
  await app.getByTestId('journal-table').locator('tbody tr', { hasText: 'Cash out' }).first().click();
  await expect(app.getByTestId('job-details')).toContainText('Command refused');
  await app.getByTestId('job-details').getByRole('button', { name: 'Details' }).click();
  await expect(app.getByTestId('job-details').getByTestId('error-detail')).toContainText('The register refused the command');

  // the choice is remembered by this browser only
  await app.reload();
  await expect(app.getByRole('button', { name: 'Journal', exact: true })).toBeVisible();
  await page2.reload();
  await expect(page2.getByRole('button', { name: 'Jurnal', exact: true })).toBeVisible();

  await page2.getByRole('button', { name: 'AZ', exact: true }).click();
  await expect(page2.getByRole('button', { name: 'Kassa', exact: true })).toBeVisible();
  await expect(page2.locator(`[data-testid=fiscal-devices] li[data-device-id="${hub.registerId}"] .badge`)).toHaveText('Qoşulub');
  await expect(app.getByRole('button', { name: 'Journal', exact: true })).toBeVisible();
  expect((await hub.api<{ settings: { language: string } }>('/manage/settings')).settings.language).toBe('ro');
  await other.close();
});
