/**
 * The driver contract for Caspos, written to plug into the unified `describeFiscalDriver` (issue 10): a function
 * taking a factory of rigs. Each case runs the driver and then asks the witness — the device's own state (the
 * emulator's documents and shift, the virtual register's printed journal; on hardware the control tape) — whether
 * exactly what the driver claims happened, and nothing else.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FiscalDriver } from '../../../src-main/domain/driver-contract.js';
import { ctx, exec, receipt, refused as refusal } from './rig.js';

export interface WitnessDocument {
  id: string;
  number: number;
  kind: string;
  total_cents: number;
  uuid: string | null;
}

export interface CasposWitness {
  documents(): Promise<WitnessDocument[]>;
  /** Printed documents (register journal): kind and total, and the tag naming the documentUUID. */
  printed(): Promise<Array<{ kind: string; total_cents?: number; tag?: string }>>;
  shiftOpen(): Promise<boolean>;
}

export interface CasposContractRig {
  driver: FiscalDriver;
  /** A second driver on the same device with other options (e.g. auto_open_shift off). */
  driverWith(options: Record<string, unknown>): FiscalDriver;
  witness: CasposWitness;
  /** The device executes the next request of `operation` but its answer never arrives. */
  loseNextAnswer(operation: string): Promise<void>;
  close(): Promise<void>;
}

export function describeCasposDriver(label: string, makeRig: () => Promise<CasposContractRig>): void {
  describe(`Caspos driver contract: ${label}`, () => {
    let rig: CasposContractRig | null = null;
    const start = async () => {
      rig = await makeRig();
      await rig.driver.connect();
      return rig;
    };
    afterEach(async () => {
      await rig?.close();
      rig = null;
    });

    it('connects: identity with a serial and the VAT table as vat_rates; ping and counters answer', async () => {
      const r = await start();
      const id = await r.driver.connect();
      expect(id.serial).not.toBe('');
      expect(id.vat_rates).toEqual({ A: 1800, B: 1800, C: 0, D: 0, E: 200, F: 800 });
      await r.driver.ping();
      expect(await r.driver.readCounters()).toMatchObject({ receipt_open: false });
    });

    it('a receipt is one document and one printed receipt, under the job id as documentUUID; the shift opens itself', async () => {
      const r = await start();
      expect(await r.witness.shiftOpen()).toBe(false);
      const job = randomUUID();
      const before = (await r.driver.readCounters()).receipt_number;
      const res = await exec(
        r.driver,
        receipt([{ unit_price_cents: 250, quantity_thousandths: 2000 }], {
          payments: [{ method: 'cash', amount_cents: 1000 }],
        }),
        job,
      );
      expect(res).toMatchObject({ total_cents: 500, change_cents: 500 });
      const docs = await r.witness.documents();
      expect(docs.filter((d) => d.kind === 'sale')).toEqual([
        { id: res.document.document_id, number: res.slip_number, kind: 'sale', total_cents: 500, uuid: job },
      ]);
      expect((await r.witness.printed()).filter((p) => p.kind === 'fiscal_receipt')).toEqual([
        expect.objectContaining({ total_cents: 500, tag: expect.stringContaining(job) }),
      ]);
      expect(await r.witness.shiftOpen()).toBe(true);
      expect((await r.driver.readCounters()).receipt_number).toBe(before! + 1);
    });

    it('the same job again is recognised by the device: the first document’s answer, no second document', async () => {
      const r = await start();
      const job = randomUUID();
      const op = receipt([{ unit_price_cents: 120 }]);
      const first = await exec(r.driver, op, job);
      const again = await exec(r.driver, op, job);
      expect(again).toMatchObject({
        repeated: true,
        slip_number: first.slip_number,
        document: { document_id: first.document.document_id },
      });
      expect((await r.witness.documents()).filter((d) => d.kind === 'sale')).toHaveLength(1);
      expect((await r.witness.printed()).filter((p) => p.kind === 'fiscal_receipt')).toHaveLength(1);
    });

    it('an answer lost after the device acted: the driver says it may have acted; settle returns the first document', async () => {
      const r = await start();
      const job = randomUUID();
      const op = receipt([{ unit_price_cents: 999 }]);
      await r.loseNextAnswer('sale');
      const e = await refusal(exec(r.driver, op, job));
      expect(e).toMatchObject({ code: 'DEVICE_UNREACHABLE', mayHaveActed: true });
      const docs = await r.witness.documents();
      expect(docs.filter((d) => d.uuid === job)).toHaveLength(1);
      const settled = await r.driver.settle!(op as never, ctx(job));
      expect(settled).toMatchObject({
        kind: 'done',
        result: { reconciled: true, document: { document_id: docs.find((d) => d.uuid === job)!.id } },
      });
      expect((await r.witness.documents()).filter((d) => d.uuid === job)).toHaveLength(1);
    });

    it('settle of a document the device never made makes it now (same documentUUID), once', async () => {
      const r = await start();
      const job = randomUUID();
      const settled = await r.driver.settle!(receipt([{ unit_price_cents: 300 }]) as never, ctx(job));
      expect(settled).toMatchObject({ kind: 'done' });
      expect((await r.witness.documents()).filter((d) => d.uuid === job)).toHaveLength(1);
    });

    it('refund against the sale: the returned quantity is checked; a refused document changes nothing', async () => {
      const r = await start();
      const sale = await exec(
        r.driver,
        receipt([{ description: 'Süd', quantity_thousandths: 2000, unit_price_cents: 150, barcode: '4760001234567' }]),
      );
      const refund = (q: number) => ({
        type: 'print_refund',
        original: { document_id: sale.document.document_id },
        lines: [
          {
            type: 'item',
            description: 'Süd',
            quantity_thousandths: q,
            unit_price_cents: 150,
            vat: 'A',
            barcode: '4760001234567',
          },
        ],
        payments: [{ method: 'cash', amount_cents: (q * 150) / 1000 }],
      });
      const count = async () => (await r.witness.documents()).length;
      const n = await count();
      const tooMuch = await refusal(exec(r.driver, refund(3000)));
      expect(tooMuch).toMatchObject({ code: 'DEVICE_REJECTED', mayHaveActed: false, deviceError: { code: 641 } });
      expect(await count()).toBe(n);
      const ok = await exec(r.driver, refund(1000));
      expect(ok.total_cents).toBe(150);
      expect((await r.witness.printed()).filter((p) => p.kind === 'refund')).toEqual([
        expect.objectContaining({ total_cents: 150 }),
      ]);
      expect(await refusal(exec(r.driver, refund(1500)))).toMatchObject({ deviceError: { code: 641 } });
      await exec(r.driver, refund(1000));
    });

    it('cash in and out are documents; X totals equal the documents; Z closes the shift', async () => {
      const r = await start();
      await exec(r.driver, { type: 'deposit_cash', amount: 5000 });
      await exec(
        r.driver,
        receipt([
          { unit_price_cents: 1800, vat: 'A' },
          { unit_price_cents: 700, vat: 'C' },
        ]),
      );
      await exec(r.driver, { type: 'withdraw_cash', amount: 1000 });
      const x = await exec(r.driver, { type: 'print_x' });
      expect(x.totals).toEqual({
        by_vat_group: { A: 1800, C: 700 },
        by_payment: { cash: 2500 },
        receipts: 1,
        refunds_cents: 0,
        total_cents: 2500,
      });
      const kinds = (await r.witness.documents()).map((d) => d.kind);
      expect(kinds).toEqual(['deposit', 'sale', 'withdraw']);
      const z = await exec(r.driver, { type: 'print_z' });
      expect(z.totals).toEqual(x.totals);
      expect(z.z_number).toBeGreaterThan(0);
      expect(await r.witness.shiftOpen()).toBe(false);
      expect((await r.witness.printed()).filter((p) => p.kind === 'z_report')).toHaveLength(1);
      // A second Z: no shift to close, said so, nothing printed.
      expect(await refusal(exec(r.driver, { type: 'print_z' }))).toMatchObject({
        code: 'DEVICE_REJECTED',
        deviceError: { code: 503 },
      });
      expect((await r.witness.printed()).filter((p) => p.kind === 'z_report')).toHaveLength(1);
    });

    it('with auto_open_shift off, a document on a closed shift is refused (SHIFT_CLOSED) and nothing is made', async () => {
      const r = await start();
      const d = r.driverWith({ auto_open_shift: false });
      await d.connect();
      expect(await refusal(exec(d, receipt([{}])))).toMatchObject({ code: 'SHIFT_CLOSED', mayHaveActed: false });
      expect(await r.witness.documents()).toEqual([]);
      expect(await exec(d, { type: 'open_shift', cash_cents: 2000 })).toMatchObject({ shift_open: true });
      expect(await exec(d, { type: 'open_shift' })).toMatchObject({ shift_open: true, already_open: true });
      expect((await r.witness.documents()).map((x) => [x.kind, x.total_cents])).toEqual([['deposit', 2000]]);
      await exec(d, receipt([{}]));
    });

    it('status, device information, VAT rates, duplicate and drawer answer', async () => {
      const r = await start();
      await exec(r.driver, receipt([{}]));
      expect(await exec(r.driver, { type: 'get_status' })).toMatchObject({
        paper: 'ok',
        receipt_open: false,
        raw: { printer_connected: true, shift_open: true },
      });
      expect(await exec(r.driver, { type: 'get_device_info' })).toMatchObject({
        last_receipt_number: 1,
        model: expect.any(String),
      });
      expect(await exec(r.driver, { type: 'get_vat_rates' })).toMatchObject({
        vat_rates: { A: 1800 },
        vat_types: { A: 1, B: 2, C: 3, D: 5, E: 6, F: 7 },
      });
      await exec(r.driver, { type: 'print_duplicate' });
      await exec(r.driver, { type: 'open_drawer' });
      expect(await exec(r.driver, { type: 'check_printer' })).toEqual({ printer_connected: true });
    });
  });
}
