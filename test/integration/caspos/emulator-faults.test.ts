/**
 * Faults injected in the Caspos emulator through its control routes, and what the driver makes of each: the
 * printer disconnected, a code answered instead of executing, a slow answer, an answer lost after the device
 * executed (dropped or never sent), paper running out mid-receipt.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ctx, exec as run, receipt, refused, startCasposRig, type CasposRig } from './rig.js';

let rig: CasposRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});
const start = async (driverOptions?: Record<string, unknown>) => {
  rig = await startCasposRig(driverOptions ? { driverOptions } : {});
  await rig.driver.connect();
  return rig;
};
const exec = (r: CasposRig, op: unknown, jobId?: string) => run(r.driver, op, jobId);
const sales = (r: CasposRig) => r.em.emulator.state().documents.filter((d) => d.kind === 'sale');

describe('Caspos emulator faults, as the driver sees them', () => {
  it('printer disconnected: check_printer and get_status say so; a receipt is refused and nothing is made', async () => {
    const r = await start();
    await r.control('faults', { printer_connected: false });
    expect(await exec(r, { type: 'check_printer' })).toEqual({
      printer_connected: false,
      device_error: { code: 999, text: 'Error message: Printer is not connected' },
    });
    expect(await exec(r, { type: 'get_status' })).toMatchObject({ paper: 'out', raw: { printer_connected: false } });
    expect(await refused(exec(r, receipt([{}])))).toMatchObject({
      code: 'DEVICE_REJECTED',
      mayHaveActed: false,
      deviceError: { code: 999 },
    });
    expect(sales(r)).toEqual([]);
    await r.control('clear-faults', {});
    await exec(r, receipt([{}]));
    expect(sales(r)).toHaveLength(1);
  });

  it('a forced code is answered instead of executing (604 offline too long → what the cashier should do)', async () => {
    const r = await start();
    await r.control('faults', { force: { code: 604, operations: ['sale'] } });
    const e = await refused(exec(r, receipt([{}])));
    expect(e).toMatchObject({ code: 'DEVICE_REJECTED', deviceError: { code: 604 } });
    expect(e.message).toMatch(/offline|internet/);
    expect(sales(r)).toEqual([]);
    await r.control('faults', { force: { code: 503, operations: ['getXReport'] } });
    expect(await refused(exec(r, { type: 'print_x' }))).toMatchObject({ code: 'SHIFT_CLOSED' });
  });

  it('a slow answer within the timeout is fine; beyond it the driver says the device may have acted, and the document is there once', async () => {
    const r = await start({ timeout_ms: 800 });
    await r.control('faults', { delay_ms: 300, delay_operations: ['sale'] });
    expect((await exec(r, receipt([{}]))).slip_number).toBe(1);
    await r.control('faults', { delay_ms: 2000, delay_operations: ['sale'] });
    const job = randomUUID();
    const e = await refused(exec(r, receipt([{ unit_price_cents: 222 }]), job));
    expect(e).toMatchObject({ code: 'DEVICE_UNREACHABLE', mayHaveActed: true });
    expect(e.message).toMatch(/no answer/);
    await r.control('clear-faults', {});
    const settled = await r.driver.settle(receipt([{ unit_price_cents: 222 }]) as never, ctx(job));
    expect(settled).toMatchObject({ kind: 'done', result: { repeated: true, total_cents: 222 } });
    expect(sales(r).filter((d) => d.uuid === job)).toHaveLength(1);
  });

  it('an answer never sent after executing (hang) and one dropped: both "may have acted"; a connection refused did nothing', async () => {
    const r = await start({ timeout_ms: 600 });
    await r.control('faults', { lose_answer: { mode: 'hang', operations: ['deposit'] } });
    expect(await refused(exec(r, { type: 'deposit_cash', amount: 100 }))).toMatchObject({
      code: 'DEVICE_UNREACHABLE',
      mayHaveActed: true,
    });
    await r.control('faults', { lose_answer: { mode: 'drop', operations: ['withDraw'] } });
    expect(await refused(exec(r, { type: 'withdraw_cash', amount: 100 }))).toMatchObject({
      code: 'DEVICE_UNREACHABLE',
      mayHaveActed: true,
    });
    expect(r.em.emulator.state().documents.map((d) => d.kind)).toEqual(['deposit', 'withdraw']);
    await r.em.close();
    expect(await refused(exec(r, { type: 'print_x' }))).toMatchObject({
      code: 'DEVICE_UNREACHABLE',
      mayHaveActed: false,
    });
  });

  it('paper running out mid-receipt: refused (999), the register’s receipt cancelled, no document; fine after new paper', async () => {
    const r = await start();
    await exec(r, { type: 'open_shift' });
    // The receipt's header takes 6 lines, each item 1: the paper runs out at the second item.
    await r.control('paper-out', { line: 8 });
    expect(await refused(exec(r, receipt([{}, {}, {}])))).toMatchObject({
      code: 'DEVICE_REJECTED',
      deviceError: { code: 999 },
    });
    expect(sales(r)).toEqual([]);
    await r.control('clear-faults', {});
    await exec(r, receipt([{}]));
    const journal = await r.control('journal');
    expect(journal.map((d: any) => d.kind)).toEqual(['voided', 'fiscal_receipt']);
  });
});
