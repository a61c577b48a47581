/**
 * Every operation a Caspos device takes, end to end: POST /devices/operation on a real hub (port 0) → validation
 * → journal → Caspos driver → HTTP → the Caspos emulator, whose state is then checked. Also: what Caspos cannot do
 * is refused before queueing, naming the operation and the device; the VAT letter table; a linked card terminal's
 * rrn and approval code in the sale; the credentials never shown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCasposEmulator, type RunningCasposEmulator } from '../../../src-main/emulators/caspos/start.js';
import { parseCasposJson, toPlain } from '../../../src-main/protocols/caspos/json-read.js';
import { startTestHub, waitFor, type TestHub } from '../../helpers/hub.js';

const PASSWORD = 'Şifrə-0101!';
const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-hub-caspos-'));
let em: RunningCasposEmulator;
let th: TestHub;
let deviceId: string;

const device = (extra: Record<string, unknown> = {}) => ({
  name: 'Kassa 1',
  manufacturer: 'Caspos',
  model: 'Caspos Mobile',
  connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: em.port } },
  enabled: true,
  options: { username: 'kassir1', password: PASSWORD, cashier_name: 'Aygün Həsənova' },
  ...extra,
});

async function addDevice(extra: Record<string, unknown> = {}): Promise<string> {
  const saved = await th.post('/manage/save_fiscal_device', device(extra));
  expect(saved.body.status, saved.text).toBe(0);
  const id = saved.body.device.id as string;
  await waitFor(
    async () =>
      (await th.get('/devices/fiscal')).body.fiscal_devices.find((d: any) => d.config.id === id)?.status ===
      'Connected',
  );
  return id;
}

beforeAll(async () => {
  em = await startCasposEmulator({ stateDir: path.join(dir, 'caspos'), username: 'kassir1', password: PASSWORD });
  th = await startTestHub({ dataDir: path.join(dir, 'hub') });
  deviceId = await addDevice({ auto_send_card_to_pos: true, linked_pos_device_id: th.posId });
});
afterAll(async () => {
  await th?.close(true);
  await em?.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = async (operation: Record<string, unknown>, id = deviceId) =>
  (await th.post('/devices/operation', { device_id: id, operation })).body;
const docs = () => em.emulator.state().documents;
const lastRequest = (op: string) =>
  toPlain(
    parseCasposJson(em.emulator.requests.filter((r) => r.operation === op).at(-1)!.body, { lenient: false }),
  ) as any;
const item = (extra: Record<string, unknown> = {}) => ({
  type: 'item',
  description: 'Çay (qara)',
  quantity_thousandths: 1000,
  unit_price_cents: 150,
  vat: '18%',
  ...extra,
});

describe('Caspos through the native API', () => {
  it('the device shows its VAT table as vat_rates; its credentials are never shown', async () => {
    const view = (await th.get('/devices/fiscal')).body.fiscal_devices.find((d: any) => d.config.id === deviceId);
    expect(view.vat_rates).toEqual({ A: 1800, B: 1800, C: 0, D: 0, E: 200, F: 800 });
    expect(view.config.options).toMatchObject({ username: '********', password: '********' });
    expect((await th.get('/devices/fiscal')).text).not.toContain(PASSWORD);
    expect((await th.get('/devices/fiscal')).text).not.toContain('kassir1');
    const vat = await run({ type: 'get_vat_rates' });
    expect(vat).toMatchObject({ status: 0, vat_rates: { A: 1800 }, vat_types: { A: 1, B: 2, C: 3, D: 5, E: 6, F: 7 } });
  });

  it('open_shift, get_shift_status, get_status, check_printer, get_device_info', async () => {
    expect(await run({ type: 'get_shift_status' })).toMatchObject({ status: 0, shift_open: false });
    expect(await run({ type: 'open_shift', cash_cents: 5000, cashier: 'Aygün Həsənova' })).toMatchObject({
      status: 0,
      msg: 'Tură deschisă',
      shift_open: true,
    });
    expect(lastRequest('openShift')).toMatchObject({ data: { sum: 50 }, cashierName: 'Aygün Həsənova' });
    expect(await run({ type: 'get_shift_status' })).toMatchObject({
      shift_open: true,
      shift_open_time: expect.any(String),
    });
    expect(await run({ type: 'get_status' })).toMatchObject({ status: 0, paper: 'ok', receipt_open: false });
    expect(await run({ type: 'check_printer' })).toMatchObject({ status: 0, printer_connected: true });
    expect(await run({ type: 'get_device_info' })).toMatchObject({
      status: 0,
      model: 'SUNMI V1S',
      caspos: { qr_code_url: expect.stringContaining('e-kassa.gov.az') },
    });
  });

  it('print_receipt → sale: "18%" is type 1, barcodes and marking codes pass, change in cash; the card sale carries the terminal’s rrn and approval code', async () => {
    const cash = await run({
      type: 'print_receipt',
      lines: [
        item({ barcode: '4760001234567', marking_codes: ['01047600012345672100000000001'] }),
        { type: 'text', text: 'Təşəkkür edirik!' },
      ],
      payments: [{ method: 'cash', amount_cents: 500 }],
    });
    expect(cash).toMatchObject({
      status: 0,
      msg: 'Bon tipărit',
      total_cents: 150,
      change_cents: 350,
      document: { document_id: expect.any(String) },
    });
    const sent = lastRequest('sale');
    expect(sent.data.items[0]).toMatchObject({
      name: 'Çay (qara)',
      code: '4760001234567',
      codeType: 2,
      vatType: 1,
      quantityType: 0,
      markingCodes: ['01047600012345672100000000001'],
    });
    expect(sent.data).toMatchObject({
      cashPayment: 5,
      note: 'Təşəkkür edirik!',
      cashierName: 'Aygün Həsənova',
      rrn: '',
      documentUUID: cash.job_id,
    });
    const card = await run({
      type: 'print_receipt',
      lines: [item({ unit_price_cents: 1000 })],
      payments: [{ method: 'card', amount_cents: 1000 }],
    });
    expect(card).toMatchObject({ status: 0, pos: { approved: true, rrn: expect.stringMatching(/^\d{12}$/) } });
    expect(lastRequest('sale').data).toMatchObject({
      cardPayment: 10,
      rrn: card.pos.rrn,
      approvalCode: card.pos.auth_code,
    });
    expect(card.document.rrn).toBe(card.pos.rrn);
  });

  it('print_refund → moneyBack against the sale (quantities checked on the device)', async () => {
    const sale = await run({ type: 'print_receipt', lines: [item({ quantity_thousandths: 3000 })] });
    const refund = (q: number) =>
      run({
        type: 'print_refund',
        original: { document_id: sale.document.document_id },
        lines: [item({ quantity_thousandths: q })],
        reason: 'Zay mal',
      });
    expect(await refund(1000)).toMatchObject({ status: 0, msg: 'Bon de retur tipărit', total_cents: 150 });
    expect(lastRequest('moneyBack').data).toMatchObject({
      isManual: false,
      moneyBackType: 0,
      parentDocumentId: sale.document.document_id,
      note: 'Zay mal',
    });
    expect(await refund(2500)).toMatchObject({ status: -506, code: 'DEVICE_REJECTED', device_error: { code: 641 } });
  });

  it('deposit_cash, withdraw_cash, print_x, print_duplicate, open_drawer, get_control_tape', async () => {
    expect(await run({ type: 'deposit_cash', amount: 2000 })).toMatchObject({
      status: 0,
      document: { document_id: expect.any(String) },
    });
    expect(await run({ type: 'withdraw_cash', amount: 1000 })).toMatchObject({ status: 0 });
    const x = await run({ type: 'print_x' });
    expect(x).toMatchObject({ status: 0, totals: { receipts: 3, refunds_cents: 150 }, report: { report_number: 1 } });
    expect(x.totals.total_cents).toBe(150 + 1000 + 450);
    expect(await run({ type: 'print_duplicate' })).toMatchObject({ status: 0 });
    expect(await run({ type: 'open_drawer' })).toMatchObject({ status: 0 });
    const tape = await run({ type: 'get_control_tape' });
    expect(tape.documents.map((d: any) => d.type)).toEqual([
      'deposit',
      'sale',
      'sale',
      'sale',
      'money_back',
      'deposit',
      'withdraw',
    ]);
  });

  it('credit_sale, credit_pay, prepayment (both forms), prepaid_sale, money_back_manual, correction, rollback', async () => {
    const goods = [item({ description: 'Paltaryuyan', unit_price_cents: 60_000, barcode: '4760009876543' })];
    const cs = await run({
      type: 'credit_sale',
      lines: goods,
      payments: [
        { method: 'credit', amount_cents: 50_000 },
        { method: 'card', amount_cents: 10_000 },
      ],
      credit: { contract: 'KR-2024-17', payer: 'Rəşad Quliyev' },
      client: { name: 'Rəşad Quliyev' },
    });
    expect(cs).toMatchObject({ status: 0, msg: 'Vânzare pe credit înregistrată', total_cents: 60_000 });
    expect(lastRequest('sale').data).toMatchObject({
      creditPayment: 500,
      creditContract: 'KR-2024-17',
      creditPayer: 'Rəşad Quliyev',
      clientName: 'Rəşad Quliyev',
    });
    const cp = await run({
      type: 'credit_pay',
      credit_document_id: cs.document.document_id,
      lines: [item({ description: 'Paltaryuyan', unit_price_cents: 20_000, real_price_cents: 60_000 })],
      payments: [{ method: 'cash', amount_cents: 20_000 }],
      payment_number: 1,
      residue_cents: 30_000,
      credit: { contract: 'KR-2024-17', payer: 'Rəşad Quliyev' },
    });
    expect(cp).toMatchObject({ status: 0, total_cents: 20_000 });
    expect(docs().find((d) => d.id === cs.document.document_id)?.open_cents).toBe(30_000);
    const adv = await run({
      type: 'prepayment',
      amount_cents: 10_000,
      vat: '18%',
      payments: [{ method: 'cash', amount_cents: 10_000 }],
    });
    expect(adv).toMatchObject({ status: 0, msg: 'Avans încasat' });
    const advGoods = await run({
      type: 'prepayment',
      lines: [item({ unit_price_cents: 2000 })],
      payments: [{ method: 'card', amount_cents: 2000 }],
    });
    expect(advGoods.status).toBe(0);
    expect(lastRequest('prepaymentProducts').data).toMatchObject({ sum: 20, vatType: 1 });
    const ps = await run({
      type: 'prepaid_sale',
      prepayment_document_id: adv.document.document_id,
      lines: [item({ unit_price_cents: 12_000 })],
      payments: [
        { method: 'prepayment', amount_cents: 10_000 },
        { method: 'cash', amount_cents: 2000 },
      ],
    });
    expect(ps).toMatchObject({ status: 0, total_cents: 12_000 });
    expect(lastRequest('sale').data).toMatchObject({
      depositPayment: 100,
      prepaymentDocumentId: adv.document.document_id,
    });
    const mbm = await run({
      type: 'money_back_manual',
      original: { document_id: 'OtherDevice-000123' },
      money_back_type: 'sale',
      lines: [item()],
      payments: [{ method: 'cash', amount_cents: 150 }],
    });
    expect(mbm).toMatchObject({ status: 0, msg: 'Retur manual înregistrat' });
    expect(lastRequest('moneyBack').data).toMatchObject({ isManual: true, moneyBackType: 0 });
    // Refunds of an advance (type 6) and of a credit payment (type 7).
    const back = (type: string, id: string) =>
      run({
        type: 'money_back_manual',
        original: { document_id: id },
        money_back_type: type,
        lines: [item({ unit_price_cents: 1000 })],
        payments: [{ method: 'cash', amount_cents: 1000 }],
      });
    expect(await back('prepayment', advGoods.document.document_id)).toMatchObject({ status: 0 });
    expect(lastRequest('moneyBack').data).toMatchObject({
      moneyBackType: 6,
      parentDocumentId: advGoods.document.document_id,
    });
    expect(await back('credit_pay', cp.document.document_id)).toMatchObject({ status: 0 });
    expect(lastRequest('moneyBack').data).toMatchObject({ moneyBackType: 7 });
    expect(
      docs()
        .slice(-2)
        .map((d) => d.kind),
    ).toEqual(['prepayment_return', 'credit_return']);
    const corr = await run({
      type: 'correction',
      first_operation_at: '2024-01-10T08:00:00Z',
      last_operation_at: '2024-01-10T12:00:00Z',
      payments: [{ method: 'cash', amount_cents: 4000 }],
      vat: 'A',
    });
    expect(corr).toMatchObject({ status: 0, total_cents: 4000 });
    const rb = await run({
      type: 'rollback',
      original: { document_id: corr.document.document_id },
      total_cents: 4000,
      payments: [{ method: 'cash', amount_cents: 4000 }],
      vat_amounts: [{ vat: 'A', amount_cents: 4000 }],
    });
    expect(rb).toMatchObject({ status: 0, msg: 'Bon anulat' });
    expect(docs().find((d) => d.id === corr.document.document_id)?.rolled_back).toBe(true);
  });

  it('print_z closes the shift; the next receipt opens one itself; je_report and periodic_report read the documents', async () => {
    const z = await run({ type: 'print_z' });
    expect(z).toMatchObject({ status: 0, z_number: 1 });
    expect(em.emulator.state().shift.open).toBe(false);
    expect(await run({ type: 'print_receipt', lines: [item()] })).toMatchObject({ status: 0 });
    expect(em.emulator.state().shift).toMatchObject({ open: true, number: 2 });
    const today = em.emulator.now().slice(0, 10);
    const p = await run({ type: 'periodic_report', start: today, end: today });
    expect(p).toMatchObject({
      status: 0,
      report: { credit_count: 1, prepayment_count: 2, correction_count: 1, cancellation_count: 1 },
    });
    const je = await run({ type: 'je_report', range: { type: 'date', start: today, end: today } });
    expect(je.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^sale_count: \d+$/)]));
  });

  it('refuses before queueing what Caspos cannot do, naming the operation, the device and the field', async () => {
    const before = docs().length;
    const jobs = (await th.get(`/jobs?device_id=${deviceId}&limit=1000`)).body;
    const bad = async (operation: Record<string, unknown>) => {
      const r = await th.post('/devices/operation', { device_id: deviceId, operation });
      expect(r.status, JSON.stringify(operation)).toBe(400);
      return r.body.error as string;
    };
    expect(await bad({ type: 'print_non_fiscal', lines: ['x'] })).toMatch(
      /"print_non_fiscal" is not an operation Caspos device "Kassa 1" can do/,
    );
    expect(await bad({ type: 'set_datetime', datetime: '2024-01-01T00:00:00' })).toMatch(/Caspos device "Kassa 1"/);
    expect(
      await bad({ type: 'print_receipt', lines: [item()], receipt_discount: { kind: 'amount', amount_cents: 10 } }),
    ).toMatch(/^operation\.receipt_discount: /);
    expect(
      await bad({
        type: 'print_receipt',
        lines: [item({ discount: { kind: 'percent', basis_points: 500, is_surcharge: true } })],
      }),
    ).toMatch(/^operation\.lines\[0\]\.discount\.is_surcharge/);
    expect(
      await bad({ type: 'print_receipt', lines: [item()], payments: [{ method: 'meal_voucher', amount_cents: 150 }] }),
    ).toMatch(/^operation\.payments\[0\]\.method/);
    expect(await bad({ type: 'print_receipt', lines: [item({ um: 'cutie' })] })).toMatch(
      /^operation\.lines\[0\]\.um: "cutie" is not a Caspos unit/,
    );
    expect(await bad({ type: 'print_receipt', lines: [item({ vat: '21%' })] })).toMatch(
      /^operation\.lines\[0\]\.vat: VAT rate 21% does not exist on Caspos/,
    );
    expect(await bad({ type: 'print_receipt', lines: [item({ vat: 'G' })] })).toMatch(/VAT letter G is not set up/);
    expect(await bad({ type: 'print_receipt', lines: [item()], buyer: { vat_number: 'RO18547290' } })).toMatch(
      /^operation\.buyer/,
    );
    expect(await bad({ type: 'print_receipt', lines: [item()], close_action: 'void' })).toMatch(
      /^operation\.close_action/,
    );
    expect(await bad({ type: 'print_refund', lines: [item()] })).toMatch(
      /^operation\.original\.document_id: is required/,
    );
    expect(
      await bad({
        type: 'credit_sale',
        lines: [item()],
        payments: [{ method: 'cash', amount_cents: 150 }],
        credit: { contract: 'A', payer: 'B' },
      }),
    ).toMatch(/needs a payment of method "credit"/);
    expect(
      await bad({
        type: 'rollback',
        original: { document_id: 'x' },
        total_cents: 100,
        payments: [{ method: 'cash', amount_cents: 90 }],
        vat_amounts: [{ vat: 'A', amount_cents: 100 }],
      }),
    ).toMatch(/^operation\.payments: must add up/);
    expect(await bad({ type: 'je_report', range: { type: 'z_number', start: 1, end: 2 } })).toMatch(
      /^operation\.range\.type: Caspos reports by date only/,
    );
    expect(await bad({ type: 'open_shift', bogus: 1 })).toMatch(/^operation\.bogus: is not a known field/);
    // The other way round: a Caspos operation on the simulated register.
    expect(
      (await th.post('/devices/operation', { device_id: th.fiscalId, operation: { type: 'open_shift' } })).status,
    ).toBe(400);
    expect(docs().length).toBe(before);
    expect((await th.get(`/jobs?device_id=${deviceId}&limit=1000`)).body).toEqual(jobs);
  });

  it('the VAT letter table is the device’s own: "18%" goes to the letter of type 1, whichever it is', async () => {
    const id = await addDevice({
      name: 'Kassa 2',
      options: { username: 'kassir1', password: PASSWORD, vat_types: { A: 2, B: 1, C: 3 } },
    });
    expect(
      (await th.get('/devices/fiscal')).body.fiscal_devices.find((d: any) => d.config.id === id).vat_rates,
    ).toEqual({ A: 1800, B: 1800, C: 0 });
    expect(await run({ type: 'print_receipt', lines: [item(), item({ vat: 'A' })] }, id)).toMatchObject({ status: 0 });
    expect(lastRequest('sale').data.items.map((i: any) => i.vatType)).toEqual([1, 2]);
    expect(
      (
        await th.post('/devices/operation', {
          device_id: id,
          operation: { type: 'print_receipt', lines: [item({ vat: '0%' })] },
        })
      ).body.error,
    ).toMatch(/vatType 5\) has no letter/);
  });

  it('removing the device ends its session on the Caspos (toLogout)', async () => {
    const id = await addDevice({ name: 'Kassa 3' });
    const logouts = () => em.emulator.requests.filter((r) => r.operation === 'toLogout').length;
    const before = logouts();
    expect((await th.post('/manage/delete_fiscal_device', { id })).body.status).toBe(0);
    await waitFor(() => logouts() === before + 1);
    expect(lastRequest('toLogout')).toEqual({ operation: 'toLogout', username: 'kassir1', password: PASSWORD });
  });

  it('a device error reaches the cashier as an instruction, the device’s own text behind device_error', async () => {
    await fetch(`http://127.0.0.1:${em.port}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ force: { code: 604, operations: ['sale'] } }),
    });
    const r = await run({ type: 'print_receipt', lines: [item()] });
    expect(r).toMatchObject({
      status: -506,
      code: 'DEVICE_REJECTED',
      device_error: { code: 604, text: expect.stringContaining('document time not in permitted interval') },
    });
    expect(r.error).toMatch(/Conectați-o la internet/);
  });
});
