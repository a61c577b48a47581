/**
 * Crash test (issue 2): the hub process is killed with SIGKILL at random moments while receipts are being printed,
 * then restarted; every request is retried with its Idempotency-Key until answered. The virtual register's own
 * journal (its memory, kept apart from the hub's journal) must then hold each receipt exactly once, and no receipt
 * may be left open.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import { tempDir } from '../../helpers/hub.js';
import { freePort, postOperation, startHubProcess, type HubProcess } from '../../helpers/hub-process.js';

const dataDir = tempDir('fiscool-crash-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const RECEIPTS = 100;
const ROUNDS = 6;

function receiptBody(deviceId: string, n: number) {
  const lines = Array.from({ length: 1 + (n % 5) }, (_, i) => ({
    type: 'item',
    description: `Articol ${n}-${i}`,
    quantity_thousandths: 1000 + i * 250,
    unit_price_cents: 100 + n,
    vat: i % 2 === 0 ? 'A' : 'B',
  }));
  return { device_id: deviceId, operation: { type: 'print_receipt', lines } };
}

describe('crash recovery', () => {
  it('SIGKILL mid-receipt, restart: each accepted receipt is in the register exactly once, none left open', async () => {
    const port = await freePort();
    let hub: HubProcess = await startHubProcess(dataDir, port);
    const devices = (await (await fetch(`${hub.url}/devices/fiscal`)).json()) as { fiscal_devices: Array<{ config: any }> };
    const cfg = devices.fiscal_devices[0]!.config;
    // A register slow enough that kills land in the middle of receipts.
    // Slow enough that every kill window (60–210 ms) lands on work in progress, so all six kills happen
    // before the hundred receipts are through.
    const saved = await fetch(`${hub.url}/manage/save_fiscal_device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...cfg, options: { ...cfg.options, timing: { baud: 0, per_line_ms: 6, per_command_ms: 2 } } }),
    });
    expect(saved.status).toBe(200);
    await hub.kill('SIGTERM');

    const answers = new Map<number, any>();
    const pending = () => Array.from({ length: RECEIPTS }, (_, i) => i).filter((i) => !answers.has(i));
    let kills = 0;
    for (let round = 0; round < ROUNDS + 20 && pending().length > 0; round++) {
      hub = await startHubProcess(dataDir, port);
      const todo = pending();
      const inFlight = todo.map(async (i) => {
        const a = await postOperation<any>(hub.url, `crash-${i}`, receiptBody(cfg.id, i));
        if (a && a.status === 0) answers.set(i, a);
        else if (a) throw new Error(`receipt ${i} failed: ${JSON.stringify(a)}`);
      });
      if (round < ROUNDS) {
        await new Promise((r) => setTimeout(r, 60 + Math.floor(Math.random() * 150)));
        await hub.kill('SIGKILL');
        kills++;
        await Promise.allSettled(inFlight);
      } else {
        await Promise.all(inFlight);
        await hub.kill('SIGTERM');
      }
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(pending()).toEqual([]);

    // The kills really interrupted work: some jobs were found running at a restart and were reconciled or re-run.
    const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
    const interrupted = db
      .prepare(`SELECT COUNT(*) AS n FROM jobs WHERE attempts > 1 OR outcome LIKE '%"reconciled":true%'`)
      .get() as { n: number };
    db.close();
    expect(interrupted.n).toBeGreaterThan(0);

    const register = new VirtualRegister({ stateDir: join(dataDir, 'simulated', cfg.id) });
    const docs = register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'fiscal_receipts' });
    const byTag = new Map<string, number>();
    for (const d of docs) if (d.tag) byTag.set(d.tag, (byTag.get(d.tag) ?? 0) + 1);
    for (const [i, a] of answers) {
      expect(byTag.get(a.job_id), `receipt ${i} (job ${a.job_id})`).toBe(1);
    }
    expect(docs.filter((d) => d.kind === 'fiscal_receipt').length).toBe(RECEIPTS);
    expect(register.status().receipt).toBe('none');
    const slips = new Set([...answers.values()].map((a) => a.slip_number));
    expect(slips.size).toBe(RECEIPTS);
  }, 120_000);
});
