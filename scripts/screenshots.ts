/**
 * README screenshots: a real headless hub (test/e2e/hub-process.ts) and Debian's Chromium; one receipt printed so the
 * pages show something. `npx tsx scripts/screenshots.ts` writes docs/screenshots/{register,inbox,devices}.png.
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { ROOT, startHubProcess } from '../test/e2e/hub-process.js';

const out = (name: string) => join(ROOT, 'docs', 'screenshots', `${name}.png`);

const hub = await startHubProcess();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${hub.url}/app/`);
  await page.getByTestId('hub-link').and(page.locator('.online')).waitFor();
  await page.getByLabel('Descriere 1').fill('Cafea espresso');
  await page.getByLabel('Preț unitar 1').fill('8,50');
  await page.getByRole('button', { name: 'Tipărește bonul' }).click();
  await page.getByTestId('receipt-printed').waitFor();
  await page.screenshot({ path: out('register') });
  await page.getByRole('button', { name: 'Dosar de scanare' }).click();
  await page.screenshot({ path: out('inbox') });
  await page.getByRole('button', { name: 'Dispozitive' }).click();
  await page.screenshot({ path: out('devices') });
  console.log('docs/screenshots/{register,inbox,devices}.png written');
} finally {
  await browser.close();
  await hub.stop();
}
