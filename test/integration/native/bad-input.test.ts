/** Bad input gets the documented error naming the field, and changes nothing: no job, no register change. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close(true);
});

async function snapshot() {
  const jobs = (await t.get('/jobs?limit=1000')).body.jobs.length;
  const reg = (t.hub.devices.fiscalRuntime(t.fiscalId)!.driver as unknown as { register: { counters(): object; status(): object } }).register;
  return { jobs, counters: JSON.stringify(reg.counters()), cash: JSON.stringify((reg.status() as { cash_in_drawer_cents: number }).cash_in_drawer_cents) };
}

const item = (over: Record<string, unknown> = {}) => ({ type: 'item', description: 'Pâine', quantity_thousandths: 1000, unit_price_cents: 420, vat: 'A', ...over });
const receipt = (over: Record<string, unknown> = {}) => ({ device_id: t.fiscalId, operation: { type: 'print_receipt', lines: [item()], ...over } });

const cases: Array<[string, () => { body: unknown; headers?: Record<string, string> }, number, RegExp]> = [
  ['malformed JSON', () => ({ body: '{"device_id": "x", "operation": {' }), 400, /not valid JSON/],
  ['JSON that is not an object', () => ({ body: '[1,2,3]' }), 400, /object/],
  ['wrong content type', () => ({ body: 'device_id=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, /application\/json/],
  ['wrong type: quantity as a string', () => ({ body: receipt({ lines: [item({ quantity_thousandths: '1000' })] }) }), 400, /operation\.lines\[0\]\.quantity_thousandths/],
  ['wrong type: price with decimals', () => ({ body: receipt({ lines: [item({ unit_price_cents: 4.2 })] }) }), 400, /operation\.lines\[0\]\.unit_price_cents/],
  ['unknown field', () => ({ body: receipt({ lines: [item({ colour: 'red' })] }) }), 400, /operation\.lines\[0\]\.colour/],
  ['unknown operation type', () => ({ body: { device_id: t.fiscalId, operation: { type: 'print_everything' } } }), 400, /operation\.type/],
  ['unknown VAT rate', () => ({ body: receipt({ lines: [item({ vat: '24%' })] }) }), 400, /operation\.lines\[0\]\.vat.*24%/],
  ['unknown VAT group', () => ({ body: receipt({ lines: [item({ vat: 'H' })] }) }), 400, /operation\.lines\[0\]\.vat/],
  ['negative price', () => ({ body: receipt({ lines: [item({ unit_price_cents: -100 })] }) }), 400, /operation\.lines\[0\]\.unit_price_cents/],
  ['overflowing totals', () => ({ body: receipt({ lines: Array.from({ length: 200 }, () => item({ quantity_thousandths: 99_999_999, unit_price_cents: 9_999_999 })) }) }), 400, /too large/],
  ['payments that do not cover the total', () => ({ body: receipt({ payments: [{ method: 'cash', amount_cents: 100 }] }) }), 400, /operation\.payments/],
  ['card over the total', () => ({ body: receipt({ payments: [{ method: 'card', amount_cents: 1000 }] }) }), 400, /operation\.payments/],
  ['bad CUI', () => ({ body: receipt({ buyer: { vat_number: 'RO123' } }) }), 400, /operation\.buyer\.vat_number/],
  ['negative cash deposit', () => ({ body: { device_id: t.fiscalId, operation: { type: 'deposit_cash', amount: -5 } } }), 400, /operation\.amount/],
  ['card operation on a fiscal device', () => ({ body: { device_id: t.fiscalId, operation: { type: 'sale', amount: 100 } } }), 400, /operation\.type/],
  ['bad Idempotency-Key', () => ({ body: receipt(), headers: { 'Idempotency-Key': 'has spaces in it' } }), 400, /Idempotency-Key/],
  ['10 MB body', () => ({ body: JSON.stringify({ device_id: t.fiscalId, operation: { type: 'print_non_fiscal', lines: ['x'.repeat(10 * 1024 * 1024)] } }) }), 413, /larger than the limit/],
];

describe('bad input is refused and changes nothing', () => {
  for (const [name, make, status, error] of cases) {
    it(name, async () => {
      const before = await snapshot();
      const { body, headers } = make();
      const r = await t.post('/devices/operation', body, headers);
      expect(r.status).toBe(status);
      expect(r.body.status).toBe(status);
      expect(r.body.error).toMatch(error);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('unknown device: 404 and nothing changes', async () => {
    const before = await snapshot();
    const r = await t.post('/devices/operation', { device_id: '00000000-0000-4000-8000-000000000000', operation: { type: 'print_z' } });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ status: 404, error: 'Device not found: 00000000-0000-4000-8000-000000000000' });
    expect(await snapshot()).toEqual(before);
  });

  it('after all that, a good receipt still prints', async () => {
    const r = await t.post('/devices/operation', receipt());
    expect(r.body).toMatchObject({ status: 0, total_cents: 420 });
  });
});
