/**
 * Hole 7 — `__proto__` in request bodies. The compatible doors' lenient JSON reader assigned `obj[key]`, so
 * `"__proto__"` ran the prototype setter: `{"__proto__":1,"text":"12.34"}` passed as a JSON number and printed as
 * a price, `{"__proto__":1,"text":{}}` crashed the door (500). A web POS on an allowed origin (here: a page on
 * another port of 127.0.0.1 that the shop configured in api.allowed_origins) forwards such bodies from its own
 * users; every one must be refused like any unknown field (400 naming it), none may crash a door, none may print.
 */
import { expect, test } from '@playwright/test';
import { startAttackHub, startHostileSite, type AttackHub, type HostileSite } from './attack-kit.js';

let h: AttackHub;
let site: HostileSite;
test.beforeAll(async () => {
  site = await startHostileSite();
  h = await startAttackHub({ compat: true, settings: { api: { allowed_origins: [new URL(site.url('')).origin] } } });
  site.serve('pos', '<!doctype html><title>Web POS</title><p>web POS</p>');
});
test.afterAll(async () => {
  await h.stop();
  await site.close();
});

type Sent = { status: number; text: string };

test('ErpNet.FP and UcsFPHub bodies with __proto__ or constructor are refused naming the field, and print nothing', async ({ page }) => {
  await page.goto(site.url('pos'));
  const post = (url: string, body: string) =>
    page.evaluate(
      async ([u, b]) => {
        const r = await fetch(u!, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: b! });
        return { status: r.status, text: await r.text() };
      },
      [url, body],
    ) as Promise<Sent>;
  const erp = `${h.erpUrl}/printers/${h.serial}/receipt`;
  const ucs = `${h.ucsUrl}/printers/${h.serial}/receipt`;
  const erpItem = (price: string) => `{"items":[{"text":"Paine","quantity":1,"unitPrice":${price},"taxGroup":2}]}`;
  const ucsRow = (price: string) => `{"Rows":[{"ItemName":"Paine","Price":${price},"Quantity":1,"TaxGroup":2}]}`;
  const cases: Array<[string, string, string]> = [
    [erp, erpItem('{"__proto__":1,"text":"12.34"}'), 'items[0].unitPrice.__proto__'],
    [erp, erpItem('{"__proto__":1,"text":{}}'), 'items[0].unitPrice.__proto__'],
    [erp, `{"__proto__":{"items":[]},"items":[{"text":"Paine","quantity":1,"unitPrice":1,"taxGroup":2}]}`, '__proto__'],
    [erp, `{"constructor":{"prototype":{"x":1}},"items":[{"text":"Paine","quantity":1,"unitPrice":1,"taxGroup":2}]}`, 'constructor'],
    [ucs, ucsRow('{"__proto__":1,"text":"12.34"}'), 'Rows[0].Price.__proto__'],
    [ucs, ucsRow('{"__proto__":1,"text":{}}'), 'Rows[0].Price.__proto__'],
    [ucs, '<Root><Rows><ItemName>Paine</ItemName><Price>1</Price><__proto__>1</__proto__></Rows></Root>', '__proto__'],
  ];
  for (const [url, body, field] of cases) {
    const r = await post(url, body);
    expect(r.status, `${body} → ${r.text}`).toBe(400);
    expect(r.text, body).toContain(field);
  }
  expect(h.jobs()).toBe(0);
  expect(h.printed()).toBe(0);
});

test('the native API refuses operation.__proto__ like any unknown field', async ({ page }) => {
  await page.goto(site.url('pos'));
  const answers = await page.evaluate(
    async ([url, id]) => {
      const out: Sent[] = [];
      for (const body of [
        `{"device_id":"${id}","operation":{"type":"print_x","__proto__":{"type":"print_z"}}}`,
        `{"device_id":"${id}","operation":{"type":"print_x","constructor":{}}}`,
        `{"device_id":"${id}","__proto__":{},"operation":{"type":"print_x"}}`,
      ]) {
        const r = await fetch(`${url}/devices/operation`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        out.push({ status: r.status, text: await r.text() });
      }
      return out;
    },
    [h.url, h.registerId],
  );
  expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
  expect(answers[0]!.text).toContain('operation.__proto__: is not a known field');
  expect(answers[1]!.text).toContain('operation.constructor');
  expect(answers[2]!.text).toContain('__proto__');
  expect(h.jobs()).toBe(0);
  expect(h.printed()).toBe(0);
});
