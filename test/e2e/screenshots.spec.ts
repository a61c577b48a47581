/**
 * Every page at 1280×800 and at a 1024×600 till screen, in Romanian and English, saved to test-results/screens/
 * (the main ones are copied into docs/img/ for docs/gui.md). On the small screen the receipt, its total and Print
 * must be on screen without scrolling, with several lines typed and a problem notice showing.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

const OUT = join('test-results', 'screens');
const SIZES = [
  [1280, 800],
  [1024, 600],
] as const;

test.beforeAll(async ({ hub }) => {
  mkdirSync(OUT, { recursive: true });
  const folder = join(hub.dataDir, 'scan-shots');
  mkdirSync(folder, { recursive: true });
  const reg = (await hub.api<{ fiscal_devices: Array<{ config: { id: string } }> }>('/devices/fiscal')).fiscal_devices[0]!.config;
  await hub.api('/manage/save_fiscal_device', { ...reg, scan_folder: folder });
  for (const [d, p] of [
    ['Pâine albă', 420],
    ['Cafea', 1250],
  ] as const) {
    await hub.api('/devices/operation', { device_id: hub.registerId, operation: { type: 'print_receipt', lines: [{ type: 'item', description: d, quantity_thousandths: 1000, unit_price_cents: p, vat: 'A' }] } });
  }
  await hub.api('/devices/operation', { device_id: hub.registerId, operation: { type: 'withdraw_cash', amount: 99_999_900 } });
  writeFileSync(join(folder, 'vanzare-0142.inp'), 'S,1,______,_,__;Paine;4.20;1.000;1;1;1;0;0;buc\nT,1,______,_,__;0;\n');
  writeFileSync(join(folder, 'vanzare-0143.inp'), 'S,1,______,_,__;Paine;patru;1.000;1;1;1;0;0;buc\nT,1,______,_,__;0;\n');
});

async function fillReceipt(app: Page) {
  const lines: Array<[string, string, string]> = [
    ['Pâine albă feliată', '2', '4,20'],
    ['Apă minerală 2L', '6', '3,49'],
    ['Cafea boabe 1kg', '1', '89,90'],
    ['Ciocolată neagră', '3', '7,50'],
    ['Detergent lichid', '1', '1.234,50'],
  ];
  for (const [i, [d, q, p]] of lines.entries()) {
    if (i > 0) await app.keyboard.press('F2');
    await app.getByLabel(`Descriere ${i + 1}`).fill(d);
    await app.getByLabel(`Cant. ${i + 1}`).fill(q);
    await app.getByLabel(`Preț ${i + 1}`).fill(p);
  }
  await app.getByLabel('Red./Adaos 1', { exact: true }).selectOption('discPct');
  await app.getByLabel('Red./Adaos 1 sumă').fill('10');
  await app.keyboard.press('F6');
  await app.getByLabel('plata 2, sumă').fill('1000');
}

async function shoot(app: Page, name: string) {
  await app.waitForTimeout(350); // the live total and the last push
  await app.screenshot({ path: join(OUT, `${name}.png`) });
}

for (const lang of ['ro', 'en'] as const) {
  test(`every page in ${lang.toUpperCase()} at 1280×800 and 1024×600`, async ({ app, hub }) => {
    const go = async (tab: string) => app.locator('.tabs button').nth(['register', 'journal', 'inbox', 'devices', 'settings'].indexOf(tab)).click();
    await fillReceipt(app); // typed in RO labels, before the switch
    if (lang === 'en') await app.getByRole('button', { name: 'EN', exact: true }).click();
    for (const [w, h] of SIZES) {
      await app.setViewportSize({ width: w, height: h });
      await go('register');
      await expect(app.getByTestId('receipt-total')).not.toHaveText(/^0[.,]00/);
      // receipt, total and Print visible, nothing scrolls
      for (const id of ['receipt-total', 'print-button', 'receipt-lines']) {
        const box = (await app.getByTestId(id).boundingBox())!;
        expect(box.y + box.height, `${id} at ${w}×${h}`).toBeLessThanOrEqual(h);
        expect(box.x + box.width).toBeLessThanOrEqual(w);
      }
      expect(await app.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight + 1)).toBe(true);
      await shoot(app, `register-${lang}-${w}x${h}`);
      await go('journal');
      await app.getByTestId('journal-table').locator('tbody tr').first().click();
      await shoot(app, `journal-${lang}-${w}x${h}`);
      await go('inbox');
      await expect(app.getByTestId('inbox-files')).toContainText('vanzare-0143.inp');
      await shoot(app, `inbox-${lang}-${w}x${h}`);
      await go('devices');
      await app.locator(`[data-testid=settings-devices] tr[data-device-id="${hub.registerId}"] button`).first().click();
      await shoot(app, `devices-${lang}-${w}x${h}`);
      await go('settings');
      await expect(app.getByTestId('settings-form').locator('fieldset').first()).toBeVisible();
      await shoot(app, `settings-${lang}-${w}x${h}`);
    }
    // the register page with a printed receipt and the operations' answer
    await go('register');
    await app.keyboard.press('F9');
    await expect(app.getByTestId('receipt-printed')).toBeVisible();
    await app.keyboard.press('Alt+X');
    await expect(app.getByTestId('report-totals')).toBeVisible();
    for (const [w, h] of SIZES) {
      await app.setViewportSize({ width: w, height: h });
      await shoot(app, `register-printed-${lang}-${w}x${h}`);
    }
  });
}
