import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { FiscalOperation } from '../../../src-main/domain/operations.js';
import { createSimulatedFiscalDriver, type SimulatedFiscalDriver } from '../../../src-main/drivers/simulated/index.js';
import type { ReceiptResult } from '../../../src-main/domain/results.js';
import { codeOf, ctx, deviceErrorOf, fiscalConfig, tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const op = (o: unknown): FiscalOperation => FiscalOperation.parse(o);
const all = { range: { type: 'z_number' as const, start: 1, end: 99 }, doc_type: 'all' as const };

function driver(options: Record<string, unknown> = {}): SimulatedFiscalDriver {
  return createSimulatedFiscalDriver(fiscalConfig(options), { dataDir: dirs.make() });
}

const item = (price: number, vat = 'A', extra: Record<string, unknown> = {}) => ({
  type: 'item',
  description: 'Cafea',
  quantity_thousandths: 1000,
  unit_price_cents: price,
  vat,
  ...extra,
});

describe('simulated fiscal driver', () => {
  it('connects with identity and VAT rates; state lives in <dataDir>/simulated/<id>/', async () => {
    const dataDir = dirs.make();
    const cfg = fiscalConfig({ vat_rates: { A: 1900, B: 500, C: 0 }, serial: 'SIM0000042' });
    const d = createSimulatedFiscalDriver(cfg, { dataDir });
    const id = await d.connect();
    expect(id).toMatchObject({ serial: 'SIM0000042', model: 'FisCool Virtual Register', vat_rates: { A: 1900, B: 500, C: 0 } });
    expect(existsSync(join(dataDir, 'simulated', cfg.id, 'state.json'))).toBe(true);
    await d.ping();
    expect(await d.readCounters()).toEqual({ receipt_number: 0, z_number: 0, receipt_open: false, cash_in_cents: 0, cash_out_cents: 0 });
  });

  it('prints a receipt with discounts, texts, payments and buyer, tagged with the job id', async () => {
    const d = driver();
    const progress: number[] = [];
    const r = (await d.execute(
      op({
        type: 'print_receipt',
        lines: [
          item(1000, 'A', { discount: { kind: 'percent', basis_points: 1000 } }),
          { type: 'text', text: 'Mulțumim!' },
          item(550, 'B', { quantity_thousandths: 2000, um: 'buc' }),
          { type: 'subtotal', discount: { kind: 'amount', amount_cents: 100 } },
        ],
        payments: [
          { method: 'card', amount_cents: 1000 },
          { method: 'cash', amount_cents: 2000 },
        ],
        buyer: { vat_number: 'RO18547290' },
        flags: { is_invoice: true },
      }),
      { ...ctx('job-42'), progress: (p) => progress.push(p.done ?? -1) },
    )) as ReceiptResult;
    // 900 + 1100 - 100 = 1900; paid 3000 → change 1100
    expect(r).toMatchObject({ slip_number: 1, total_cents: 1900, change_cents: 1100, fiscal_serial: (await d.connect()).serial });
    expect(r.receipt_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(progress).toEqual([1, 2, 3, 4, 4]);
    const [doc] = d.register.readJournal(all);
    expect(doc).toMatchObject({ kind: 'fiscal_receipt', tag: 'job-42', total_cents: 1900 });
    expect(doc?.lines).toContain('Mulțumim!');
    expect(doc?.lines).toContain('CIF cumpărător: RO18547290');
  });

  it('pays in cash by default and applies a receipt discount at the end', async () => {
    const d = driver();
    const r = (await d.execute(
      op({ type: 'print_receipt', lines: [item(1000), item(1000, 'B')], receipt_discount: { kind: 'percent', basis_points: 5000 } }),
      ctx(),
    )) as ReceiptResult;
    expect(r).toMatchObject({ total_cents: 1000, change_cents: 0 });
    expect(d.register.status().cash_in_drawer_cents).toBe(1000);
  });

  it('prints a refund with its original receipt and reason', async () => {
    const d = driver();
    const r = (await d.execute(
      op({ type: 'print_refund', lines: [item(700)], original: { slip_number: 12 }, reason: 'Produs defect' }),
      ctx('refund-1'),
    )) as ReceiptResult;
    expect(r).toMatchObject({ slip_number: 1, total_cents: 700 });
    const [doc] = d.register.readJournal(all);
    expect(doc?.kind).toBe('refund');
    expect(doc?.lines).toEqual(expect.arrayContaining(['Bon original nr. 12', 'Motiv: Produs defect']));
  });

  it('voids with close_action "void": everything registered, then cancelled', async () => {
    const d = driver();
    const r = (await d.execute(op({ type: 'print_receipt', lines: [item(1234)], close_action: 'void' }), ctx('v'))) as ReceiptResult;
    expect(r).toMatchObject({ slip_number: 0, voided: true, total_cents: 1234, change_cents: 0 });
    expect(await d.readCounters()).toMatchObject({ receipt_number: 0, receipt_open: false });
    expect(d.register.readJournal(all).map((x) => [x.kind, x.tag])).toEqual([['voided', 'v']]);
  });

  it('refuses to start a receipt while one is open, without touching it', async () => {
    const d = driver();
    d.register.openFiscalReceipt({ tag: 'stuck' });
    expect(await codeOf(d.execute(op({ type: 'print_receipt', lines: [item(100)] }), ctx()))).toBe('RECEIPT_OPEN');
    expect(await codeOf(d.execute(op({ type: 'print_non_fiscal', lines: ['x'] }), ctx()))).toBe('RECEIPT_OPEN');
    expect(d.register.status().receipt).toBe('fiscal');
    expect(await d.execute(op({ type: 'cancel_receipt' }), ctx())).toEqual({ cancelled: true });
    expect(await d.execute(op({ type: 'cancel_receipt' }), ctx())).toEqual({ cancelled: false });
  });

  it('cancels a receipt that fails mid-way and maps the register error', async () => {
    const d = driver();
    const e = await deviceErrorOf(
      d.execute(op({ type: 'print_receipt', lines: [item(100), item(100)], payments: [{ method: 'card', amount_cents: 500 }] }), ctx('bad')),
    );
    expect(e.code).toBe('DEVICE_REJECTED');
    expect(e.deviceError).toMatchObject({ code: 'NON_CASH_EXCEEDS' });
    expect(await d.readCounters()).toMatchObject({ receipt_open: false, receipt_number: 0 });
    expect(d.register.readJournal(all).map((x) => x.kind)).toEqual(['voided']);
    const vat = await deviceErrorOf(d.execute(op({ type: 'print_receipt', lines: [item(100, 'D')] }), ctx()));
    expect(vat.code).toBe('VAT_RATE_NOT_PROGRAMMED');
    const short = await deviceErrorOf(d.execute(op({ type: 'print_receipt', lines: [item(100)], payments: [{ method: 'cash', amount_cents: 50 }] }), ctx()));
    expect(short.code).toBe('PAYMENT_INSUFFICIENT');
    expect(await d.readCounters()).toMatchObject({ receipt_open: false, receipt_number: 0 });
  });

  it('paper out mid-receipt (cancel refused too): nothing printed, the receipt said to be left open, cancelled once the paper is back', async () => {
    const d = driver({ paper_out_at_line: 9 });
    const e = await deviceErrorOf(d.execute(op({ type: 'print_receipt', lines: [item(1), item(2), item(3), item(4)] }), ctx()));
    expect(e.code).toBe('PAPER_OUT');
    expect(e.mayHaveActed).toBe(false);
    expect(e.leftOpen).toBe(true);
    expect(await d.readCounters()).toMatchObject({ receipt_open: true, receipt_number: 0 });
    expect(await d.execute(op({ type: 'get_status' }), ctx())).toMatchObject({ paper: 'out', receipt_open: true });
    d.register.loadPaper();
    expect(await d.settleOpenReceipt(null)).toBe('cancelled');
    expect(await d.readCounters()).toMatchObject({ receipt_open: false, receipt_number: 0 });
  });

  it('maps cover open, Z required and disconnected; ping and connect fail while disconnected', async () => {
    const d = driver();
    d.register.injectFaults({ cover_open: true });
    expect(await codeOf(d.execute(op({ type: 'print_x' }), ctx()))).toBe('COVER_OPEN');
    d.register.closeCover();
    await d.execute(op({ type: 'print_receipt', lines: [item(100)] }), ctx());
    d.register.advanceClock(25 * 3600_000);
    expect(await codeOf(d.execute(op({ type: 'print_receipt', lines: [item(100)] }), ctx()))).toBe('Z_REPORT_REQUIRED');
    const states: string[] = [];
    const off = d.onConnectionChange((s) => states.push(s));
    d.register.injectFaults({ disconnected: true });
    expect(await codeOf(d.ping())).toBe('DEVICE_UNREACHABLE');
    expect(await codeOf(d.connect())).toBe('DEVICE_UNREACHABLE');
    expect(await codeOf(d.readCounters())).toBe('DEVICE_UNREACHABLE');
    d.register.reconnect();
    off();
    expect(states).toEqual(['disconnected', 'connected']);
    await d.ping();
  });

  it('reads the electronic journal line by line, or prints it', async () => {
    const d = driver();
    await d.execute(op({ type: 'print_receipt', lines: [item(321)] }), ctx());
    await d.execute(op({ type: 'print_non_fiscal', lines: ['Comanda 7'] }), ctx());
    const today = d.register.status().datetime.slice(0, 10);
    const fiscal = (await d.execute(
      op({ type: 'je_report', range: { type: 'date', start: today, end: today }, doc_type: 'fiscal_receipts' }),
      ctx(),
    )) as { lines: string[] };
    expect(fiscal.lines.some((l) => l.includes('3.21'))).toBe(true);
    expect(fiscal.lines).not.toContain('Comanda 7');
    const allDocs = (await d.execute(op({ type: 'je_report', range: { type: 'z_number', start: 1, end: 1 } }), ctx())) as { lines: string[] };
    expect(allDocs.lines).toContain('Comanda 7');
    expect(allDocs.lines).toContain(''); // documents separated by an empty line
    const printed = await d.execute(op({ type: 'je_report', range: { type: 'z_number', start: 1, end: 1 }, output_mode: 'print' }), ctx());
    expect(printed).toEqual({});
  });

  it('prints the fiscal memory report, a duplicate and a non-fiscal receipt', async () => {
    const d = driver();
    expect(await codeOf(d.execute(op({ type: 'print_duplicate' }), ctx()))).toBe('DEVICE_REJECTED');
    await d.execute(op({ type: 'print_receipt', lines: [item(999)] }), ctx());
    await d.execute(op({ type: 'print_z' }), ctx());
    expect(await d.execute(op({ type: 'print_duplicate' }), ctx())).toEqual({});
    expect(await d.execute(op({ type: 'print_fiscal_memory_report', range: { type: 'z_number', start: 1, end: 1 }, detailed: true }), ctx())).toEqual({});
    expect(await d.execute(op({ type: 'print_non_fiscal', lines: ['Linia 1', '', 'Linia 3'] }), ctx())).toEqual({});
    const docs = d.register.readJournal({ range: { type: 'z_number', start: 2, end: 2 }, doc_type: 'non_fiscal' });
    expect(docs.map((x) => x.lines.join('\n'))).toEqual([
      expect.stringContaining('DUPLICAT'),
      expect.stringContaining('RAPORT MEMORIE FISCALĂ'),
      expect.stringContaining('Linia 3'),
    ]);
  });

  it('rejects bad options with a clear message', () => {
    expect(() => driver({ timing: 'fast' })).toThrow(/timing/);
    expect(() => driver({ vat_rates: { A: 21.5 } })).toThrow(/vat_rates/);
  });

  it('keeps the register across driver instances (same device id and data dir)', async () => {
    const dataDir = dirs.make();
    const cfg = fiscalConfig();
    const a = createSimulatedFiscalDriver(cfg, { dataDir });
    await a.execute(op({ type: 'print_receipt', lines: [item(100)] }), ctx());
    const b = createSimulatedFiscalDriver(cfg, { dataDir });
    expect((await b.connect()).serial).toBe((await a.connect()).serial);
    expect(await b.readCounters()).toMatchObject({ receipt_number: 1 });
  });
});
