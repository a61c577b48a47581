/**
 * The fault matrix: every wire fault at every stage of a receipt (state read, open, sale k, subtotal, payment, close,
 * reading the printed receipt's time after close), for both
 * framings. After each case the "pipeline" reconciles from the counters, and a follow-up receipt must succeed.
 * At the end: no receipt printed twice, none left open, and every success the driver reported is in the journal
 * exactly once, every failure it reported as "did not act" is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../src-main/domain/error-codes.js';
import type { PrintReceipt } from '../../../src-main/domain/operations.js';
import type { ReceiptResult } from '../../../src-main/domain/results.js';
import type { WireFault } from '../../../src-main/emulators/datecs/wire-faults.js';
import { ctx, journal, startRig, type Rig } from './harness.js';

type Stage = 'state read' | 'open' | 'sale 2' | 'subtotal' | 'payment' | 'close' | 'after close';
const STAGES: Stage[] = ['state read', 'open', 'sale 2', 'subtotal', 'payment', 'close', 'after close'];
const CMDS: Record<'x' | 'classic', Record<Stage, { cmd: number; occurrence: number }>> = {
  x: {
    'state read': { cmd: 76, occurrence: 1 },
    'after close': { cmd: 123, occurrence: 2 }, // the receipt's date, read after 56
    open: { cmd: 48, occurrence: 1 }, 'sale 2': { cmd: 49, occurrence: 2 }, subtotal: { cmd: 51, occurrence: 1 }, payment: { cmd: 53, occurrence: 1 }, close: { cmd: 56, occurrence: 1 } },
  classic: {
    'state read': { cmd: 0x4c, occurrence: 1 },
    'after close': { cmd: 0x3e, occurrence: 1 },
    open: { cmd: 0x30, occurrence: 1 },
    'sale 2': { cmd: 0x31, occurrence: 2 },
    subtotal: { cmd: 0x33, occurrence: 1 },
    payment: { cmd: 0x35, occurrence: 1 },
    close: { cmd: 0x38, occurrence: 1 },
  },
};
const FAULTS: Array<{ name: string; fault: Omit<WireFault, 'cmd' | 'occurrence'> }> = [
  { name: 'NAK ×2', fault: { kind: 'nak', count: 2 } },
  { name: 'NAK storm', fault: { kind: 'nak', count: 50 } },
  { name: 'dropped answer', fault: { kind: 'drop', count: 1 } },
  { name: 'answers lost for good', fault: { kind: 'drop', count: 50 } },
  { name: 'garbled answer ×2', fault: { kind: 'garble', count: 2 } },
  { name: 'disconnect after executing', fault: { kind: 'disconnect', duration_ms: 150 } },
  { name: 'paper out', fault: { kind: 'paper_out', at_line: 1 } },
];

const receiptFor = (tag: string): PrintReceipt => ({
  type: 'print_receipt',
  lines: [
    { type: 'item', description: `${tag} a`, quantity_thousandths: 1000, unit_price_cents: 1000, vat: 'A' },
    { type: 'item', description: `${tag} b`, quantity_thousandths: 1500, unit_price_cents: 200, vat: 'B' },
    { type: 'item', description: `${tag} c`, quantity_thousandths: 1000, unit_price_cents: 50, vat: 'C' },
    { type: 'subtotal', discount: { kind: 'percent', basis_points: 500 } },
  ],
  payments: [{ method: 'cash', amount_cents: 2000 }],
});

for (const protocol of ['x', 'classic'] as const) {
  describe(`fault matrix, ${protocol} framing over TCP`, () => {
    let rig: Rig;
    const reported = new Map<string, { ok: boolean; mayHaveActed: boolean; code?: string }>();
    const printedCount = (tag: string) => journal(rig).filter((d) => d.kind === 'fiscal_receipt' && d.lines.some((l) => l.includes(`${tag} a`))).length;

    beforeAll(async () => {
      rig = await startRig({ protocol, transport: 'tcp', driverOptions: { timeout_ms: 100, max_attempts: 4 } });
      await rig.driver.connect();
    });
    afterAll(async () => {
      await rig.close();
    });

    for (const [fi, { name, fault }] of FAULTS.entries()) {
      for (const [si, stage] of STAGES.entries()) {
        it(`${name} at ${stage}`, async () => {
          const tag = `T${protocol[0] ?? ''}${fi}${si}`; // short: the receipt line must hold it whole
          const before = await rig.driver.readCounters();
          rig.em.emulator.injectWireFault({ ...fault, ...CMDS[protocol][stage] });
          let outcome: { ok: boolean; mayHaveActed: boolean; code?: string };
          try {
            const r = (await rig.driver.execute(receiptFor(tag), ctx)) as ReceiptResult;
            outcome = { ok: true, mayHaveActed: true };
            expect(r.slip_number).toBe(before.receipt_number! + 1);
          } catch (e) {
            expect(e).toBeInstanceOf(DeviceError);
            const de = e as DeviceError;
            outcome = { ok: false, mayHaveActed: de.mayHaveActed, code: de.code };
          }
          reported.set(tag, outcome);
          // The pipeline's reconciliation: fault gone, read the counters, decide.
          rig.em.emulator.faults.clear();
          rig.em.register.loadPaper();
          // In doubt: the pipeline settles a receipt left open (one being paid is finished, anything else cancelled).
          if (!outcome.ok && outcome.mayHaveActed) await rig.driver.settleOpenReceipt(receiptFor(tag), ctx);
          const after = await rig.driver.readCounters();
          const printed = printedCount(tag);
          expect(printed).toBeLessThanOrEqual(1);
          expect(after.receipt_number! - before.receipt_number!).toBe(printed);
          if (outcome.ok || outcome.mayHaveActed) expect(rig.em.register.status().receipt).toBe('none');
          if (outcome.ok) expect(printed).toBe(1);
          if (!outcome.ok && !outcome.mayHaveActed) expect(printed).toBe(0);
          if (stage === 'after close') {
            // The receipt was printed before the fault: whatever happens next, the caller hears "success".
            expect(outcome.ok).toBe(true);
          } else {
            if (fault.kind === 'paper_out') expect(outcome.code).toBe('PAPER_OUT');
            if (fault.count === 50) expect(outcome.ok).toBe(false);
            if (fault.kind !== 'paper_out' && fault.count !== 50) expect(outcome.ok).toBe(true); // recoverable faults are absorbed
          }
          // Failing to read the register's state before opening is a clean failure: nothing was printed.
          if (stage === 'state read' && !outcome.ok) expect(outcome.mayHaveActed).toBe(false);
          // A follow-up receipt always works, whatever was left open.
          const follow = (await rig.driver.execute(receiptFor(`${tag}n`), ctx)) as ReceiptResult;
          expect(follow.slip_number).toBe(after.receipt_number! + 1);
          expect(rig.em.register.status().receipt).toBe('none');
        });
      }
    }

    it('the journal holds no receipt twice and nothing is open', () => {
      const docs = journal(rig).filter((d) => d.kind === 'fiscal_receipt');
      const numbers = docs.map((d) => d.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const tag of reported.keys()) expect(printedCount(tag)).toBeLessThanOrEqual(1);
      expect(rig.em.register.status().receipt).toBe('none');
      expect(reported.size).toBe(FAULTS.length * STAGES.length);
    });
  });
}
