/** `test` with a worker-scoped `hub` (one headless hub for the whole GUI file) and a page opened on its /app/. */
import { test as base, type Page } from '@playwright/test';
import { startHubProcess, type HubProcess } from './hub-process.js';

export const test = base.extend<{ app: Page }, { hub: HubProcess }>({
  hub: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const hub = await startHubProcess();
      try {
        await use(hub);
      } finally {
        await hub.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  app: async ({ page, hub }, use) => {
    await page.goto(`${hub.url}/app/`);
    await page.getByTestId('hub-link').and(page.locator('.online')).waitFor();
    await use(page);
  },
});

export { expect } from '@playwright/test';
