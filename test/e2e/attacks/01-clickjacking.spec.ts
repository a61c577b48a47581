/**
 * Hole 1 — clickjacking. A page on another port of 127.0.0.1 frames the GUI almost transparent over a decoy button;
 * the cashier's click lands on "Raport X". The hub must refuse to be framed (X-Frame-Options: DENY and the CSP
 * header's frame-ancestors 'none'), so the frame stays empty and nothing prints.
 */
import { expect, test } from '@playwright/test';
import { startAttackHub, startHostileSite, sleep, type AttackHub, type HostileSite } from './attack-kit.js';

let h: AttackHub;
let site: HostileSite;
test.beforeAll(async () => {
  h = await startAttackHub({ compat: true });
  site = await startHostileSite();
});
test.afterAll(async () => {
  await site.close();
  await h.stop();
});

test('the GUI cannot be framed by another page, and a click through the frame prints nothing', async ({ page }) => {
  const printedBefore = h.printed();
  site.serve(
    'frame',
    `<!doctype html><title>Win a prize</title>
     <button id="decoy" style="position:absolute;top:20px;left:20px;z-index:0">Claim your prize</button>
     <iframe id="gui" src="${h.url}/app/" style="position:absolute;top:0;left:0;width:1300px;height:780px;opacity:0.05;z-index:1;border:0"></iframe>`,
  );
  const guiAnswer = page.waitForResponse((r) => r.url() === `${h.url}/app/`);
  await page.goto(site.url('frame'));
  const answer = await guiAnswer;
  // What stops it: the answer itself says "never in a frame".
  expect(answer.headers()['x-frame-options']).toBe('DENY');
  expect(answer.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  // The frame shows no GUI: none of its buttons exist, whatever we wait.
  const frame = page.frameLocator('#gui');
  await sleep(1500);
  await expect(frame.getByRole('button', { name: 'Raport X' })).toHaveCount(0);
  await expect(frame.getByTestId('hub-link')).toHaveCount(0);
  // The attacker's trick: the cashier clicks where the GUI's X report button would be.
  await frame
    .getByRole('button', { name: 'Raport X' })
    .click({ timeout: 2000 })
    .catch(() => undefined);
  await page.mouse.click(60, 30);
  await sleep(1000);
  expect(h.printed()).toBe(printedBefore);
  // Control: opened directly (not framed), the same GUI shows the button the attacker aimed at.
  await page.goto(`${h.url}/app/`);
  await expect(page.getByRole('button', { name: 'Raport X' }).first()).toBeVisible();
  expect(h.printed()).toBe(printedBefore);
});

test('every answer carries the security headers, the GUI its CSP as a header', async ({ request }) => {
  const urls = ['/', '/app/', '/devices/fiscal', '/no-such-route', '/health'].map((p) => h.url + p);
  urls.push(`${h.erpUrl}/printers`, `${h.erpUrl}/nothing`, `${h.ucsUrl}/printers`, `${h.ucsUrl}/nothing`);
  for (const path of urls) {
    const r = await request.get(path);
    const headers = r.headers();
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
  const gui = (await request.get(`${h.url}/app/`)).headers()['content-security-policy'] ?? '';
  expect(gui).toContain("script-src 'self'");
  expect(gui).toContain("default-src 'self'");
  const api = (await request.get(`${h.url}/devices/fiscal`)).headers()['content-security-policy'] ?? '';
  expect(api).toContain("default-src 'none'");
});
