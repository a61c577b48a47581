/**
 * Hole 2 — GETs with side effects. A hostile page (another port of 127.0.0.1, and another site: localhost) loads
 * images, a frame and a no-cors fetch pointing at routes that open a serial port or queue jobs on the register:
 * the native API's serial detection, the ErpNet.FP status/cash/printer routes, the UcsFPHub status/datetime/
 * deposit/totals/printer routes. Browsers send no Origin with these, but they do send Sec-Fetch-Site: the hub must
 * refuse them all, open no port, queue no job, print nothing.
 */
import { expect, test } from '@playwright/test';
import { createReadStream } from 'node:fs';
import { openPtyPair, type PtyPair } from '../../helpers/pty.js';
import { rawRequest, startAttackHub, startHostileSite, sleep, type AttackHub, type HostileSite } from './attack-kit.js';

let h: AttackHub;
let site: HostileSite;
let pty: PtyPair;
let written = 0;
let stream: ReturnType<typeof createReadStream> | null = null;

test.beforeAll(async () => {
  h = await startAttackHub({ compat: true });
  site = await startHostileSite();
  pty = await openPtyPair();
  // Whatever the hub writes to the serial port the page chose arrives at the other end of the pty.
  stream = createReadStream(pty.a);
  stream.on('data', (b) => (written += b.length));
  stream.on('error', () => undefined);
});
test.afterAll(async () => {
  stream?.destroy();
  await pty.close();
  await site.close();
  await h.stop();
});

function targets(): string[] {
  const id = encodeURIComponent(h.serial);
  return [
    `${h.url}/manage/detect?ports=${encodeURIComponent(pty.b)}`,
    `${h.erpUrl}/printers`,
    `${h.erpUrl}/printers/${id}`,
    `${h.erpUrl}/printers/${id}/status`,
    `${h.erpUrl}/printers/${id}/cash`,
    `${h.ucsUrl}/printers`,
    `${h.ucsUrl}/printers/${id}`,
    `${h.ucsUrl}/printers/${id}/status`,
    `${h.ucsUrl}/printers/${id}/datetime`,
    `${h.ucsUrl}/printers/${id}/deposit`,
    `${h.ucsUrl}/printers/${id}/totals`,
  ];
}

function hostilePage(urls: string[]): string {
  const imgs = urls.map((u, i) => `<img id="i${i}" src="${u}">`).join('\n');
  return `<!doctype html><title>Cute cats</title>${imgs}
    <iframe src="${urls[0]}"></iframe>
    <script>
      window.settled = 0;
      for (const img of document.images) { img.onload = img.onerror = () => window.settled++; }
      for (const u of ${JSON.stringify(urls)}) fetch(u, { mode: 'no-cors' }).catch(() => undefined);
    </script>`;
}

for (const where of ['another port of 127.0.0.1 (same site)', 'another site (localhost)'] as const) {
  test(`<img>, frame and no-cors GETs from ${where} open no port, queue no job, print nothing`, async ({ page }) => {
    const printedBefore = h.printed();
    const jobsBefore = h.jobs();
    // The raw answers as Chromium's network stack saw them (the CORP header makes it hide some from the page).
    const seen: Array<{ url: string; status: number }> = [];
    const urlOf = new Map<string, string>();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => void urlOf.set(e.requestId, e.request.url));
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      const url = urlOf.get(e.requestId);
      if (url) seen.push({ url, status: e.statusCode });
    });
    const urls = targets();
    site.serve('cats', hostilePage(urls));
    await page.goto(where.startsWith('another port') ? site.url('cats') : site.otherSiteUrl('cats'));
    // Every image got an answer (the requests did reach the hub's doors)…
    await expect.poll(() => page.evaluate(() => (window as unknown as { settled: number }).settled), { timeout: 20_000 }).toBe(urls.length);
    await sleep(1500); // …and whatever they might have started had time to run
    // …and every one was refused.
    for (const u of urls) {
      const answers = seen.filter((s) => s.url === u);
      expect(answers.length, u).toBeGreaterThan(0);
      for (const a of answers) expect(a.status, u).toBe(403);
    }
    expect(written, 'bytes the hub wrote to the serial port the page chose').toBe(0);
    expect(h.jobs(), 'jobs queued by the page').toBe(jobsBefore);
    expect(h.printed()).toBe(printedBefore);
  });
}

test('detection is a POST: the old GET answers 405, and a program’s POST still probes the port it names', async () => {
  const get = await rawRequest({ host: '127.0.0.1', port: h.port, path: `/manage/detect?ports=${encodeURIComponent(pty.b)}` });
  expect(get.status).toBe(405);
  expect(get.headers.allow).toBe('POST');
  expect(JSON.parse(get.body).error).toContain('POST /manage/detect');
  expect(written).toBe(0);
  // A program (no Origin, no Sec-Fetch-*) may still detect: the port is opened and probed (nobody answers here).
  const post = await rawRequest({
    host: '127.0.0.1',
    port: h.port,
    path: '/manage/detect',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ports: [pty.b] }),
  });
  expect(post.status, post.body).toBe(200);
  expect(JSON.parse(post.body)).toEqual({ status: 0, devices: [] });
  await expect.poll(() => written).toBeGreaterThan(0);
});

test('programs (no Origin, no Sec-Fetch-*) keep using the compatible doors’ GET routes', async () => {
  const erp = await rawRequest({ host: '127.0.0.1', port: Number(new URL(h.erpUrl).port), path: `/printers/${h.serial}/status` });
  expect(erp.status, erp.body).toBe(200);
  expect(JSON.parse(erp.body)).toMatchObject({ ok: true });
  const ucs = await rawRequest({ host: '127.0.0.1', port: Number(new URL(h.ucsUrl).port), path: `/printers/${h.serial}/status` });
  expect(ucs.status, ucs.body).toBe(200);
  expect(JSON.parse(ucs.body)).toMatchObject({ Ok: true });
});
