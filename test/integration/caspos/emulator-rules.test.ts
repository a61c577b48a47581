/**
 * The Caspos emulator is the judge of every Caspos test, so it is as strict as the device: JSON and field types,
 * the session, shifts and the 24-hour rule, repeated documentUUIDs across restarts, rollback only inside the
 * shift, money back / credit pay / advance pay against their parents, reports computed from the documents.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { detectCaspos } from '../../../src-main/drivers/caspos/detect.js';
import { freePort } from '../../helpers/hub-process.js';
import { exec as run, receipt, refused, startCasposRig, type CasposRig } from './rig.js';

let rig: CasposRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});
const start = async (opts?: Parameters<typeof startCasposRig>[0]) => {
  rig = await startCasposRig(opts);
  return rig;
};
const exec = (r: CasposRig, op: unknown, jobId?: string) => run(r.driver, op, jobId);
const login = (r: CasposRig) =>
  r.raw(JSON.stringify({ operation: 'toLogin', username: 'username', password: 'password' }));

describe('Caspos emulator: requests and session', () => {
  it('refuses a wrong content type, broken JSON, an unknown operation, numbers with too many decimals or as strings', async () => {
    const r = await start();
    expect((await r.raw('{}', 'text/plain')).json.code).toBe('1002');
    expect((await r.raw('{"operation": "getInfo",}')).json.code).toBe('1002');
    expect((await r.raw('{"operation": "print"}')).json.code).toBe('1200');
    await login(r);
    await r.raw(JSON.stringify({ operation: 'openShift', data: { sum: 0 } }));
    const sale = (price: string) =>
      `{"operation":"sale","data":{"documentUUID":"${randomUUID()}","cashPayment":1.00,"currency":"AZN","items":[{"name":"Su","code":"","quantity":1.000,"salePrice":${price},"codeType":0,"quantityType":0,"vatType":1}]}}`;
    expect((await r.raw(sale('1.001'))).json).toMatchObject({
      code: '1008',
      message: expect.stringContaining('salePrice takes at most 2 decimals'),
    });
    expect((await r.raw(sale('"1.00"'))).json).toMatchObject({
      code: '1008',
      message: expect.stringContaining('must be a number'),
    });
    expect((await r.raw(sale('1.00'))).json).toMatchObject({
      code: '0',
      message: 'Successful operation',
      data: { document_number: 1, totalSum: 1.0 },
    });
  });

  it('needs a login; a wrong password is 401; the integration service off is 403', async () => {
    const r = await start();
    expect((await r.raw('{"operation":"getInfo"}')).json.code).toBe('401');
    expect((await r.raw('{"operation":"toLogin","username":"username","password":"nope"}')).json.code).toBe('401');
    expect((await login(r)).json).toMatchObject({ code: '0', data: { access_token: expect.any(String) } });
    expect((await r.raw('{"operation":"getInfo"}')).json.code).toBe('0');
    await r.control('integration', { enabled: false });
    expect((await r.raw('{"operation":"getInfo"}')).json.code).toBe('403');
    const d = r.newDriver();
    expect(await refused(d.connect())).toMatchObject({
      code: 'DEVICE_REJECTED',
      message: expect.stringContaining('Enable Integration Service'),
    });
  });

  it('detection: a Caspos answers an anonymous request with its envelope (401); an empty port finds nothing', async () => {
    const r = await start();
    const nothing = await freePort();
    expect(await detectCaspos({ hosts: ['127.0.0.1'], port: r.em.port })).toEqual([
      { manufacturer: 'Caspos', model: 'Caspos Mobile', ip_address: '127.0.0.1', port: r.em.port, code: 401 },
    ]);
    expect(await detectCaspos({ hosts: ['127.0.0.1'], port: nothing })).toEqual([]);
  });

  it('token expiry: the driver logs in again once and retries; a login refused is definitive and says what to do', async () => {
    const r = await start();
    await r.driver.connect();
    await r.control('expire-token', {});
    const logins = () => r.em.emulator.requests.filter((q) => q.operation === 'toLogin').length;
    const before = logins();
    await exec(r, receipt([{}]));
    expect(logins()).toBe(before + 1);
    const wrong = r.newDriver({ password: 'changed' });
    const e = await refused(wrong.connect());
    expect(e).toMatchObject({ code: 'DEVICE_REJECTED', mayHaveActed: false, deviceError: { code: 401 } });
    // Connecting happens before any job tells the language: the hub's default (Romanian).
    expect(e.message).toMatch(/numele de utilizator sau parola/);
  });
});

describe('Caspos emulator: shifts and documents', () => {
  it('openShift on an open shift is 503; after 24 hours documents are 504 until the shift is closed', async () => {
    const r = await start();
    await r.driver.connect();
    await exec(r, { type: 'open_shift', cash_cents: 0 });
    expect((await r.raw('{"operation":"openShift","data":{"sum":0.00}}')).json.code).toBe('503');
    await exec(r, receipt([{}]));
    await r.control('advance-hours', { hours: 24 });
    const e = await refused(exec(r, receipt([{}])));
    expect(e).toMatchObject({ code: 'Z_REPORT_REQUIRED', deviceError: { code: 504 } });
    expect(e.message).toMatch(/more than 24 hours/);
    expect(r.em.emulator.state().documents.filter((d) => d.kind === 'sale')).toHaveLength(1);
    await exec(r, { type: 'print_z' });
    await exec(r, receipt([{}])); // auto_open_shift opens a new one
    expect(r.em.emulator.state().shift).toMatchObject({ open: true, number: 2 });
  });

  it('a repeated documentUUID gets the first answer (code 1) after the device restarts', async () => {
    const r = await start();
    await r.driver.connect();
    const job = randomUUID();
    const first = await exec(r, receipt([{ unit_price_cents: 777 }]), job);
    await r.restart();
    const again = await exec(r, receipt([{ unit_price_cents: 777 }]), job);
    expect(again).toMatchObject({ repeated: true, slip_number: first.slip_number, document: first.document });
    expect(r.em.emulator.state().documents.filter((d) => d.uuid === job)).toHaveLength(1);
    expect(r.em.emulator.requests.at(-1)?.operation).toBe('sale');
  });

  it('rollback only inside the shift, once; the rolled-back sale cannot be returned', async () => {
    const r = await start();
    await r.driver.connect();
    const rollbackOf = (s: any) => ({
      type: 'rollback',
      original: { document_id: s.document.document_id },
      total_cents: s.total_cents,
      payments: [{ method: 'cash', amount_cents: s.total_cents }],
      vat_amounts: [{ vat: 'A', amount_cents: s.total_cents }],
    });
    const old = await exec(r, receipt([{ unit_price_cents: 500 }]));
    await exec(r, { type: 'print_z' });
    expect(await refused(exec(r, rollbackOf(old)))).toMatchObject({ deviceError: { code: 627 } });
    const sale = await exec(r, receipt([{ unit_price_cents: 300 }]));
    expect(
      await refused(
        exec(r, {
          ...rollbackOf(sale),
          total_cents: 200,
          payments: [{ method: 'cash', amount_cents: 200 }],
          vat_amounts: [{ vat: 'A', amount_cents: 200 }],
        }),
      ),
    ).toMatchObject({
      deviceError: { code: 638 },
    });
    const rb = await exec(r, rollbackOf(sale));
    expect(rb.document.document_number).toBe(sale.document.document_number + 1);
    expect(await refused(exec(r, rollbackOf(sale)))).toMatchObject({
      code: 'DEVICE_REJECTED',
      deviceError: { code: 639 },
    });
    const refund = {
      type: 'print_refund',
      original: { document_id: sale.document.document_id },
      lines: receipt([{ unit_price_cents: 300 }]).lines,
    };
    expect(await refused(exec(r, refund))).toMatchObject({ deviceError: { code: 639 } });
    expect((await exec(r, { type: 'get_control_tape' })).documents.map((d: any) => d.type)).toEqual([
      'sale',
      'rollback',
    ]);
  });

  it('money back: the type must match the parent; manual money back checks nothing against it', async () => {
    const r = await start();
    await r.driver.connect();
    const sale = await exec(r, receipt([{ unit_price_cents: 400 }]));
    const manual = (type: string, id: string) => ({
      type: 'money_back_manual',
      money_back_type: type,
      original: { document_id: id },
      lines: [{ type: 'item', description: 'Çay', quantity_thousandths: 5000, unit_price_cents: 400, vat: 'A' }],
      payments: [{ method: 'cash', amount_cents: 2000 }],
    });
    const refund = {
      type: 'print_refund',
      original: { document_id: sale.document.document_id },
      lines: receipt([{ unit_price_cents: 400 }]).lines,
    };
    // A refund of a sale made elsewhere (unknown here), five times the quantity: accepted as manual.
    const m = await exec(r, manual('sale', 'FromAnotherDevice123'));
    expect(m.total_cents).toBe(2000);
    expect(r.em.emulator.state().documents.at(-1)).toMatchObject({ kind: 'money_back', parent_id: null });
    await exec(r, refund);
    expect(r.em.emulator.state().documents.find((d) => d.id === sale.document.document_id)).toMatchObject({
      refunded_cents: 400,
    });
  });

  it('credit sale → credit payments with the residue checked; advance → sale from it, its VAT and balance checked', async () => {
    const r = await start();
    await r.driver.connect();
    const items = [
      { type: 'item', description: 'Soyuducu', quantity_thousandths: 1000, unit_price_cents: 100_000, vat: 'A' },
    ];
    const cs = await exec(r, {
      type: 'credit_sale',
      lines: items,
      payments: [
        { method: 'credit', amount_cents: 80_000 },
        { method: 'cash', amount_cents: 20_000 },
      ],
      credit: { contract: 'K-7', payer: 'Əli Məmmədov' },
    });
    const pay = (amount: number, residue: number) => ({
      type: 'credit_pay',
      credit_document_id: cs.document.document_id,
      lines: [
        {
          type: 'item',
          description: 'Soyuducu',
          quantity_thousandths: 1000,
          unit_price_cents: amount,
          real_price_cents: 100_000,
          vat: 'A',
        },
      ],
      payments: [{ method: 'card', amount_cents: amount }],
      payment_number: 1,
      residue_cents: residue,
      credit: { contract: 'K-7', payer: 'Əli Məmmədov' },
    });
    expect(await refused(exec(r, pay(30_000, 60_000)))).toMatchObject({ deviceError: { code: 634 } });
    await exec(r, pay(30_000, 50_000));
    expect(await refused(exec(r, pay(60_000, 0)))).toMatchObject({ deviceError: { code: 632 } });
    await exec(r, pay(50_000, 0));
    const adv = await exec(r, {
      type: 'prepayment',
      amount_cents: 5000,
      vat: 'A',
      payments: [{ method: 'cash', amount_cents: 5000 }],
    });
    const fromAdvance = (amount: number, vat = 'A') => ({
      type: 'prepaid_sale',
      prepayment_document_id: adv.document.document_id,
      lines: [{ type: 'item', description: 'Kitab', quantity_thousandths: 1000, unit_price_cents: amount, vat }],
      payments: [{ method: 'prepayment', amount_cents: amount }],
    });
    expect(await refused(exec(r, fromAdvance(3000, 'C')))).toMatchObject({
      code: 'VAT_RATE_NOT_PROGRAMMED',
      deviceError: { code: 616 },
    });
    await exec(r, fromAdvance(3000));
    expect(await refused(exec(r, fromAdvance(3000)))).toMatchObject({ deviceError: { code: 632 } });
    const tape = await exec(r, { type: 'get_control_tape' });
    expect(tape.documents.map((d: any) => d.type)).toEqual(['sale', 'credit', 'credit', 'prepayment', 'sale']);
  });

  it('X report, control tape and periodic report are computed from the documents', async () => {
    const r = await start();
    await r.driver.connect();
    await exec(r, { type: 'open_shift', cash_cents: 10_000 });
    await exec(
      r,
      receipt(
        [
          { unit_price_cents: 1180, vat: 'A' },
          { unit_price_cents: 500, vat: 'C' },
        ],
        {
          payments: [
            { method: 'card', amount_cents: 680 },
            { method: 'cash', amount_cents: 2000 },
          ],
        },
      ),
    );
    const sale2 = await exec(r, receipt([{ unit_price_cents: 300, vat: 'D' }]));
    await exec(r, {
      type: 'print_refund',
      original: { document_id: sale2.document.document_id },
      lines: receipt([{ unit_price_cents: 300, vat: 'D' }]).lines,
    });
    await exec(r, { type: 'withdraw_cash', amount: 2500 });
    const x = await exec(r, { type: 'print_x' });
    const c = x.report.currencies[0];
    expect(c).toMatchObject({
      sale_count: 2,
      sale_sum_cents: 1980,
      sale_cash_sum_cents: 1300,
      sale_cashless_sum_cents: 680,
      money_back_count: 1,
      money_back_sum_cents: 300,
      deposit_sum_cents: 10_000,
      withdraw_sum_cents: 2500,
      period_sum_cents: 1680,
      period_vat_sum_cents: 1180,
      period_vat_free_sum_cents: 500,
      period_vat_zero_sum_cents: 0,
    });
    expect(c.sale_vat_amounts).toEqual([
      { vat_percent_bp: 1800, sum_cents: 1180 },
      { vat_percent_bp: null, sum_cents: 500 },
      { vat_percent_bp: 0, sum_cents: 300 },
    ]);
    const tape = await exec(r, { type: 'get_control_tape' });
    expect(tape.documents.map((d: any) => [d.type, d.total_cents, d.vat_cents])).toEqual([
      ['deposit', 10_000, 0],
      ['sale', 1680, 180],
      ['sale', 300, 0],
      ['money_back', 300, 0],
      ['withdraw', 2500, 0],
    ]);
    await exec(r, { type: 'print_z' });
    const today = r.em.emulator.now().slice(0, 10);
    const p = await exec(r, { type: 'periodic_report', start: today, end: today });
    expect(p.report).toMatchObject({
      sale_count: 2,
      sale_total_cents: 1980,
      sale_return_total_cents: 300,
      cash_in_total_cents: 10_000,
      cash_out_total_cents: 2500,
      period_sum_cents: 1680,
    });
    const je = await exec(r, {
      type: 'je_report',
      range: { type: 'date', start: today, end: today },
      doc_type: 'all',
      output_mode: 'read_line_by_line',
    });
    expect(je.lines).toContain('sale_total: 19.80');
  });

  it('a correction may not end in the future', async () => {
    const r = await start();
    await r.driver.connect();
    const corr = (last: string) => ({
      type: 'correction',
      first_operation_at: '2021-08-31T03:39:11Z',
      last_operation_at: last,
      payments: [{ method: 'cash', amount_cents: 100 }],
      vat: 'A',
    });
    expect(await refused(exec(r, corr('2099-01-01T00:00:00Z')))).toMatchObject({ deviceError: { code: 642 } });
    expect((await exec(r, corr('2021-08-31T04:39:11Z'))).total_cents).toBe(100);
  });
});
