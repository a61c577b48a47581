/**
 * The simulated register's own costs, side by side in one run:
 *  - a 10-item receipt on a persistent register (atomic state + fsync'ed journal) ÷ the same on a memory-only one;
 *  - reloading a register with 2000 journal documents ÷ loading an empty one;
 *  - realistic timing: measured time of a receipt through the driver ÷ the time the model asked for (timer overshoot).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualRegister } from '../src-main/emulators/virtual-register/virtual-register.js';
import { createSimulatedFiscalDriver } from '../src-main/drivers/simulated/index.js';
import { FiscalOperation } from '../src-main/domain/operations.js';

const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (x: number) => x.toFixed(2);

function receipt(r: VirtualRegister, i: number): void {
  r.openFiscalReceipt({ tag: `b${i}` });
  for (let k = 0; k < 10; k++) r.sell({ description: `Produs ${k}`, quantity_thousandths: 1000 + k, unit_price_cents: 199 + k, vat_group: k % 2 ? 'A' : 'B' });
  r.pay('cash');
  r.closeReceipt();
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fiscool-bench-sim-'));
  try {
    // 1. persistence cost, interleaved
    const persistent = new VirtualRegister({ stateDir: join(dir, 'p') });
    const memory = new VirtualRegister({});
    const tp: number[] = [];
    const tm: number[] = [];
    for (let i = 0; i < 200; i++) {
      let t0 = now();
      receipt(persistent, i);
      tp.push(now() - t0);
      t0 = now();
      receipt(memory, i);
      tm.push(now() - t0);
    }
    process.stdout.write(
      `10-item receipt, persistent ÷ memory-only register: ${fmt(median(tp) / median(tm))}x ` +
        `(median ${fmt(median(tp))} ms vs ${fmt(median(tm))} ms; 12 plain state writes + fsync'ed journal append and state write at close)\n`,
    );

    // 2. reload cost with a full journal
    for (let i = 200; i < 2000; i++) receipt(persistent, i);
    const tl: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t0 = now();
      new VirtualRegister({ stateDir: join(dir, 'p') });
      tl.push(now() - t0);
      t0 = now();
      new VirtualRegister({ stateDir: join(dir, `e${i}`) });
      te.push(now() - t0);
    }
    process.stdout.write(`load with 2000 journal documents ÷ load empty: ${fmt(median(tl) / median(te))}x (${fmt(median(tl))} ms vs ${fmt(median(te))} ms)\n`);

    // 3. realistic timing: measured ÷ modelled
    const d = createSimulatedFiscalDriver(
      { id: randomUUID(), name: 'b', manufacturer: 'FisCool', model: 'Simulated', connection_details: { type: 'None' }, enabled: true, options: { timing: 'realistic' } },
      { dataDir: dir },
    );
    const op = FiscalOperation.parse({
      type: 'print_receipt',
      lines: Array.from({ length: 10 }, (_, k) => ({ type: 'item', description: `Produs ${k}`, quantity_thousandths: 1000, unit_price_cents: 100 + k, vat: 'A' })),
    });
    const ratios: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = d.modelledMs;
      const t0 = now();
      await d.execute(op, { jobId: `t${i}`, language: 'ro' });
      ratios.push((now() - t0) / (d.modelledMs - before));
    }
    process.stdout.write(`realistic timing, measured ÷ modelled time of a 10-item receipt: ${fmt(median(ratios))}x\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
