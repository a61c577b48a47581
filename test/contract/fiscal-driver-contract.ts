/**
 * The fiscal-driver contract every family runs (`describeFiscalDriver`): simulated, Datecs X and classic over TCP and
 * a socat pty, Caspos over HTTP — and a real register when an environment variable names its port. Each case runs
 * the driver, then asks the WITNESS (the register's own printed journal and counters, read apart from the driver)
 * whether exactly what the driver claims happened, and nothing else. Cases run only for the operations the family's
 * descriptor lists as capabilities (nothing is skipped: an operation a family cannot do is not a case for it).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceFamily } from '../../src-main/devices/family.js';
import type { ExecContext, FiscalDriver } from '../../src-main/domain/driver-contract.js';
import { DeviceError } from '../../src-main/domain/error-codes.js';
import { FiscalOperation } from '../../src-main/domain/operations.js';
import type { ReceiptResult, ReportTotals } from '../../src-main/domain/results.js';

export interface WitnessDocument {
  kind: string;
  number: number;
  total_cents?: number;
  /** The printed text. */
  text: string;
}

/** What the register itself says, read apart from the driver under test. */
export interface RegisterWitness {
  serial(): Promise<string>;
  /** Every document printed, oldest first. */
  documents(): Promise<WitnessDocument[]>;
  state(): Promise<{ receipt_open: boolean; receipt_number: number; z_number: number; drawer_cents: number }>;
  /** Emulators only: the paper runs out at the n-th printed line from now / is loaded again. */
  paperOutAt?(line: number): Promise<void>;
  loadPaper?(): Promise<void>;
}

export interface FiscalRig {
  driver: FiscalDriver;
  witness: RegisterWitness;
  /** VAT group letters the register has (A/B for every rig here). */
  groups: [string, string];
  close(): Promise<void>;
}

const ctx = (): ExecContext => ({ jobId: randomUUID(), language: 'en' });
const op = (o: unknown): FiscalOperation => FiscalOperation.parse(o);

/** `faults`: the witness can run the paper out (emulators; not a real register). */
export function describeFiscalDriver(label: string, family: DeviceFamily, makeRig: () => Promise<FiscalRig>, opts: { faults?: boolean } = {}): void {
  const can = (t: string) => (family.capabilities as readonly string[]).includes(t);
  const when = (cond: boolean) => (cond ? it : () => undefined);
  describe(`fiscal driver contract: ${label}`, () => {
    let rig: FiscalRig;
    const run = (o: unknown) => rig.driver.execute(op(o), ctx());
    const receipts = async () => (await rig.witness.documents()).filter((d) => d.kind === 'fiscal_receipt');
    const tagged = async (tag: string) => (await receipts()).filter((d) => d.text.includes(tag));

    beforeAll(async () => {
      rig = await makeRig();
      await rig.driver.connect();
    }, 60_000);
    afterAll(async () => {
      await rig?.close();
    });

    it('connects and says who the register is, as the register itself does', async () => {
      const id = await rig.driver.connect();
      expect(id.serial).toBe(await rig.witness.serial());
      expect(Object.keys(id.vat_rates)).toEqual(expect.arrayContaining(rig.groups));
      await rig.driver.ping();
    });

    it('counters are the register’s own', async () => {
      const c = await rig.driver.readCounters({ numbers: true });
      const w = await rig.witness.state();
      expect(c.receipt_open).toBe(w.receipt_open);
      expect(c.receipt_number).toBe(w.receipt_number);
    });

    it('a receipt (items, a line discount, text, card + cash with change) is printed once, with the total it reports', async () => {
      const [a, b] = rig.groups;
      const tag = `CT${randomUUID().slice(0, 6)}`;
      const before = await rig.witness.state();
      const r = (await run({
        type: 'print_receipt',
        lines: [
          { type: 'item', description: `${tag} cafea`, quantity_thousandths: 2000, unit_price_cents: 850, vat: a },
          { type: 'text', text: 'Multumim' },
          { type: 'item', description: `${tag} apa`, quantity_thousandths: 1500, unit_price_cents: 420, vat: b, discount: { kind: 'percent', basis_points: 1000 } },
        ],
        payments: [
          { method: 'card', amount_cents: 1000 },
          { method: 'cash', amount_cents: 2000 },
        ],
      })) as ReceiptResult;
      // 2 × 8.50 + (1.5 × 4.20 − 10 %) = 17.00 + 5.67 = 22.67; paid 30.00 → 7.33 change
      expect(r.total_cents).toBe(2267);
      expect(r.change_cents).toBe(733);
      const printed = await tagged(tag);
      expect(printed).toHaveLength(1);
      expect(printed[0]?.total_cents).toBe(2267);
      expect(r.slip_number).toBe(printed[0]?.number);
      const after = await rig.witness.state();
      expect(after.receipt_number).toBe(before.receipt_number + 1);
      expect(after.receipt_open).toBe(false);
    });

    it('payments listed cash first, then card: the card is taken first (change only from cash), printed once', async () => {
      const tag = `PC${randomUUID().slice(0, 6)}`;
      const r = (await run({
        type: 'print_receipt',
        lines: [{ type: 'item', description: `${tag} paine`, quantity_thousandths: 1000, unit_price_cents: 3500, vat: rig.groups[0] }],
        payments: [
          { method: 'cash', amount_cents: 3000 },
          { method: 'card', amount_cents: 1000 },
        ],
      })) as ReceiptResult;
      expect(r.change_cents).toBe(500);
      expect(await tagged(tag)).toHaveLength(1);
    });

    when(can('deposit_cash') && can('withdraw_cash'))('the cash in the drawer follows cash in and cash out', async () => {
      const w0 = (await rig.witness.state()).drawer_cents;
      // A device that does not say what its drawer holds answers null (Caspos); one that says must say the truth.
      const d = (await run({ type: 'deposit_cash', amount: 10_000 })) as { cash_in_drawer_cents: number | null };
      const w1 = (await rig.witness.state()).drawer_cents;
      expect(w1 - w0).toBe(10_000);
      if (d.cash_in_drawer_cents !== null) expect(d.cash_in_drawer_cents).toBe(w1);
      const o = (await run({ type: 'withdraw_cash', amount: 2_500 })) as { cash_in_drawer_cents: number | null };
      if (o.cash_in_drawer_cents !== null) expect(o.cash_in_drawer_cents).toBe(w1 - 2_500);
      expect((await rig.witness.state()).drawer_cents).toBe(w1 - 2_500);
    });

    when(can('print_z'))('an X report prints and resets nothing; a Z report adds one fiscal memory record', async () => {
      const s0 = await rig.witness.state();
      if (can('print_x')) {
        const x = (await run({ type: 'print_x' })) as { totals: ReportTotals };
        expect(x.totals.total_cents).toBeGreaterThan(0);
        expect((await rig.witness.state()).z_number).toBe(s0.z_number);
      }
      const z = (await run({ type: 'print_z' })) as { z_number: number };
      const s1 = await rig.witness.state();
      expect(s1.z_number).toBe(s0.z_number + 1);
      expect(z.z_number).toBe(s1.z_number);
    });

    when(can('print_non_fiscal'))('a non-fiscal receipt prints and leaves nothing open', async () => {
      const n0 = (await rig.witness.documents()).length;
      await run({ type: 'print_non_fiscal', lines: ['Comanda 12', 'Masa 4'] });
      const docs = await rig.witness.documents();
      expect(docs.length).toBe(n0 + 1);
      expect(docs.at(-1)?.kind).toBe('non_fiscal');
      expect((await rig.witness.state()).receipt_open).toBe(false);
    });

    it('status, date and time, VAT rates and device information answer from the register', async () => {
      const st = (await run({ type: 'get_status' })) as { paper: string; receipt_open: boolean };
      expect(st.paper).toBe('ok');
      expect(st.receipt_open).toBe(false);
      if (can('get_datetime')) {
        const dt = (await run({ type: 'get_datetime' })) as { datetime: string };
        expect(Math.abs(Date.parse(dt.datetime) - Date.now())).toBeLessThan(10 * 60_000);
      }
      const info = (await run({ type: 'get_device_info' })) as { serial: string; last_receipt_number: number };
      expect(info.serial).toBe(await rig.witness.serial());
      expect(info.last_receipt_number).toBe((await rig.witness.state()).receipt_number);
      const vat = (await run({ type: 'get_vat_rates' })) as { vat_rates: Record<string, number> };
      expect(Object.keys(vat.vat_rates)).toEqual(expect.arrayContaining(rig.groups));
    });

    when(opts.faults === true)('paper running out mid-receipt: told so, and never a receipt the driver did not report', async () => {
      if (!rig.witness.paperOutAt || !rig.witness.loadPaper) throw new Error('this rig says it can inject faults but its witness cannot');
      const tag = `PO${randomUUID().slice(0, 6)}`;
      const before = await rig.witness.state();
      await rig.witness.paperOutAt(3);
      let printed = false;
      try {
        await run({ type: 'print_receipt', lines: [1, 2, 3, 4].map((i) => ({ type: 'item', description: `${tag} ${i}`, quantity_thousandths: 1000, unit_price_cents: 100, vat: rig.groups[0] })) });
        printed = true;
      } catch (e) {
        expect(e).toBeInstanceOf(DeviceError);
        expect((e as DeviceError).code).toBe('PAPER_OUT');
        await rig.witness.loadPaper();
        // A receipt the driver could not finish is settled the way the pipeline settles it.
        if ((e as DeviceError).mayHaveActed && rig.driver.settleOpenReceipt) {
          await rig.driver.settleOpenReceipt(null, ctx());
        }
      }
      await rig.witness.loadPaper();
      const after = await rig.witness.state();
      expect(after.receipt_number - before.receipt_number).toBe((await tagged(tag)).length);
      if (printed) expect(await tagged(tag)).toHaveLength(1);
      if (rig.driver.settleOpenReceipt) await rig.driver.settleOpenReceipt(null, ctx());
      expect((await rig.witness.state()).receipt_open).toBe(false);
    });

    when(can('cancel_receipt'))('cancel_receipt says whether there was anything to cancel', async () => {
      expect(await run({ type: 'cancel_receipt' })).toEqual({ cancelled: false });
      expect((await rig.witness.state()).receipt_open).toBe(false);
    });
  });
}
