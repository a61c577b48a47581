/**
 * kill -9 a process that is printing receipts on a persistent VirtualRegister at random moments, reload, and check
 * that counters, period totals and the cash drawer agree with the electronic journal every time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';

const worker = fileURLToPath(new URL('./fixtures/register-worker.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fiscool-vr-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runAndKill(delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`worker exited on its own: ${err}`))));
  });
}

describe('virtual register: crash safety under kill -9', () => {
  it('counters, totals and drawer always match the journal after a kill at a random point', async () => {
    const delays = [40, 95, 160, 230];
    let lastCount = 0;
    for (const delay of delays) {
      await runAndKill(delay);
      const r = new VirtualRegister({ stateDir: dir });
      const docs = r.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'all' });
      const receipts = docs.filter((d) => d.kind === 'fiscal_receipt');
      const cashIns = docs.filter((d) => d.kind === 'cash_in');
      expect(receipts.map((d) => d.number)).toEqual(receipts.map((_, i) => i + 1));
      expect(receipts.length).toBeGreaterThan(lastCount); // the worker made progress each run
      lastCount = receipts.length;
      const c = r.counters();
      expect(c.receipt_number).toBe(receipts.length);
      const sales = receipts.reduce((s, d) => s + (d.total_cents ?? 0), 0);
      const cashIn = cashIns.reduce((s, d) => s + (d.total_cents ?? 0), 0);
      expect(c.cash_in_cents).toBe(cashIn);
      expect(r.status().cash_in_drawer_cents).toBe(sales + cashIn);
      if (c.receipt_open) expect(r.cancelReceipt().cancelled).toBe(true); // a kill mid-receipt leaves it open, as on a real register
      const x = r.xReport().totals; // also proves the register still prints
      expect(x.receipts).toBe(receipts.length);
      expect(x.total_cents).toBe(sales);
    }
  }, 60_000);
});
