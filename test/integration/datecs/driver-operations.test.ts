import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../src-main/domain/error-codes.js';
import type { FiscalOperation, PrintReceipt } from '../../../src-main/domain/operations.js';
import type { DeviceStatusReport, ReceiptResult } from '../../../src-main/domain/results.js';
import { ctx, journal, startRig, type Rig, type Transport } from './harness.js';

const receipt = (extra: Partial<PrintReceipt> = {}): PrintReceipt => ({
  type: 'print_receipt',
  lines: [
    { type: 'item', description: 'Pâine albă', quantity_thousandths: 2000, unit_price_cents: 450, vat: 'B', department: 1 },
    { type: 'item', description: 'Șampon', quantity_thousandths: 1000, unit_price_cents: 2399, vat: 'A', discount: { kind: 'percent', basis_points: 1000 } },
    { type: 'text', text: 'Mulțumim!' },
    { type: 'subtotal', discount: { kind: 'amount', amount_cents: 100 } },
  ],
  payments: [
    { method: 'card', amount_cents: 1000 },
    { method: 'cash', amount_cents: 2000 },
  ],
  ...extra,
});

const errorOf = async (p: Promise<unknown>): Promise<DeviceError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DeviceError);
  return e as DeviceError;
};

const cases: Array<{ protocol: 'x' | 'classic'; transport: Transport }> = [
  { protocol: 'x', transport: 'tcp' },
  { protocol: 'x', transport: 'pty' },
  { protocol: 'classic', transport: 'tcp' },
  { protocol: 'classic', transport: 'pty' },
];

for (const { protocol, transport } of cases) {
  describe(`Datecs driver, ${protocol} framing over ${transport === 'pty' ? 'a socat pseudo-terminal' : 'TCP'}`, () => {
    let rig: Rig;
    const run = (op: FiscalOperation) => rig.driver.execute(op, ctx);

    beforeAll(async () => {
      rig = await startRig({ protocol, transport, driverProtocol: protocol === 'x' ? 'auto' : 'classic' });
    });
    afterAll(async () => {
      await rig.close();
    });

    it('print_receipt: items with VAT and department, discounts, text, subtotal discount, split payment with change', async () => {
      const before = await rig.driver.readCounters();
      const r = (await run(receipt())) as ReceiptResult;
      // 2 × 4.50 + (23.99 − 10%) − 1.00 = 9.00 + 21.59 − 1.00 = 29.59; paid 30.00 → 0.41 change
      expect(r.total_cents).toBe(2959);
      expect(r.change_cents).toBe(41);
      expect(r.slip_number).toBe(before.receipt_number! + 1);
      expect(r.fiscal_serial).toBe(rig.em.register.identity().serial);
      expect(r.receipt_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      const docs = journal(rig).filter((d) => d.kind === 'fiscal_receipt');
      expect(docs).toHaveLength(1);
      expect(docs[0]?.total_cents).toBe(2959);
      expect(docs[0]?.lines.join('\n')).toMatch(/P[âa]ine/);
      const after = await rig.driver.readCounters();
      expect(after.receipt_number).toBe(before.receipt_number! + 1);
      expect(after.receipt_open).toBe(false);
    });

    if (protocol === 'x') {
      it('register not in PC mode: the error tells the cashier what to do, in their language', async () => {
        rig.em.emulator.pcMode = false;
        try {
          const ro = await errorOf(run(receipt()));
          expect(ro.code).toBe('DEVICE_REJECTED');
          expect(ro.deviceError?.code).toBe(-112005);
          expect(ro.message).toContain('modul PC (mod 6)');
          const en = await errorOf(rig.driver.execute(receipt(), { ...ctx, language: 'en' }));
          expect(en.message).toContain('PC mode (mode 6)');
        } finally {
          rig.em.emulator.pcMode = true;
        }
        expect(rig.em.register.status().receipt).toBe('none');
      });

      it('print_receipt with the buyer CUI (bon fiscal cu CIF, cmd 48 ClientTAXN)', async () => {
        const r = (await run(receipt({ buyer: { vat_number: 'RO18547290' } }))) as ReceiptResult;
        const doc = journal(rig).find((d) => d.kind === 'fiscal_receipt' && d.number === r.slip_number);
        expect(doc?.lines.join('\n')).toContain('18547290');
      });
    } else {
      it('refuses the buyer CUI on classic firmware with NOT_SUPPORTED and leaves nothing open', async () => {
        const e = await errorOf(run(receipt({ buyer: { vat_number: 'RO18547290' } })));
        expect(e.code).toBe('NOT_SUPPORTED');
        expect(rig.em.register.status().receipt).toBe('none');
      });
    }

    it('close_action void registers everything then cancels: no fiscal receipt added', async () => {
      const n = (await rig.driver.readCounters()).receipt_number;
      const r = (await run(receipt({ close_action: 'void' }))) as ReceiptResult;
      expect(r.voided).toBe(true);
      expect((await rig.driver.readCounters()).receipt_number).toBe(n);
      expect(rig.em.register.status().receipt).toBe('none');
    });

    it('print_refund is NOT_SUPPORTED', async () => {
      const e = await errorOf(run({ ...receipt(), type: 'print_refund' }));
      expect(e.code).toBe('NOT_SUPPORTED');
    });

    it('je_report reads the electronic journal line by line, by Z range and by date', async () => {
      if (rig.em.register.counters().z_number === 0) await run({ type: 'print_z' });
      const byZ = (await run({ type: 'je_report', range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'all', output_mode: 'read_line_by_line' })) as { lines: string[] };
      const expected = rig.em.register.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'all' }).flatMap((d) => d.lines);
      expect(byZ.lines.length).toBeGreaterThan(10);
      expect(byZ.lines.length).toBe(expected.length);
      const today = rig.em.register.status().datetime.slice(0, 10);
      const byDate = (await run({ type: 'je_report', range: { type: 'date', start: today, end: today }, doc_type: 'z_reports', output_mode: 'read_line_by_line' })) as { lines: string[] };
      const zLines = rig.em.register.readJournal({ range: { type: 'date', start: today, end: today }, doc_type: 'z_reports' }).flatMap((d) => d.lines);
      expect(byDate.lines.length).toBe(zLines.length);
      expect(byDate.lines.length).toBeGreaterThan(0);
      await run({ type: 'je_report', range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'z_reports', output_mode: 'print' });
    });

    it('fiscal memory report, duplicate, non-fiscal receipt, drawer', async () => {
      const n = journal(rig).length;
      await run({ type: 'print_fiscal_memory_report', range: { type: 'z_number', start: 1, end: 1 }, detailed: false });
      await run({ type: 'print_receipt', lines: [{ type: 'item', description: 'Apă', quantity_thousandths: 1000, unit_price_cents: 300, vat: 'A' }] });
      await run({ type: 'print_duplicate' });
      await run({ type: 'print_non_fiscal', lines: ['Comanda 12', 'Masa 4'] });
      await run({ type: 'open_drawer' });
      const docs = journal(rig).slice(n);
      expect(docs.some((d) => d.kind === 'non_fiscal' && d.lines.join(' ').includes('Masa 4'))).toBe(true);
      expect(rig.em.register.status().receipt).toBe('none');
    });

    it('24-hour block: Z_REPORT_REQUIRED until a Z report is printed', async () => {
      rig.em.register.advanceClock(25 * 3600_000);
      const e = await errorOf(run(receipt()));
      expect(e.code).toBe('Z_REPORT_REQUIRED');
      if (protocol === 'x') expect(e.deviceError?.code).toBe(-111024);
      else expect(e.deviceError?.code).toBe(-150204);
      await run({ type: 'print_z' });
      await run(receipt());
      rig.em.register.advanceClock(5 * 3600_000);
      const st = (await run({ type: 'get_status' })) as DeviceStatusReport;
      expect(st.hours_since_z).toBe(protocol === 'x' ? 5 : 0);
    });

    it('wraps free text longer than the register line (text_width, default 30) into several text commands', async () => {
      const long = 'Vă mulțumim pentru cumpărături și vă mai așteptăm cu drag!'; // 58 characters → 2 lines of ≤ 30
      const withText = (text: string): PrintReceipt => ({
        type: 'print_receipt',
        lines: [
          { type: 'item', description: 'Apă plată', quantity_thousandths: 1000, unit_price_cents: 300, vat: 'A', um: 'sticla50cl' },
          { type: 'text', text },
        ],
      });
      rig.em.emulator.resetStats();
      await run(withText('Scurt'));
      const shortFrames = rig.em.emulator.stats.requests;
      rig.em.emulator.resetStats();
      const r = (await run(withText(long))) as ReceiptResult;
      expect(rig.em.emulator.stats.requests).toBe(shortFrames + 1);
      const text = journal(rig).find((d) => d.kind === 'fiscal_receipt' && d.number === r.slip_number)?.lines.join('\n') ?? '';
      expect(text).toContain('pentru');
      expect(text).toContain('drag!');
    });

  });
}
