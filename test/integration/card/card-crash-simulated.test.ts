/**
 * Crashes of the hub on the card path with the built-in simulated terminal, which lives inside the hub process: a
 * SIGKILL of the hub is a power cut of the terminal too. A real hub process (SIGKILLed at a moment read from the
 * terminal's own log), its simulated register out of paper, the terminal's persisted log as the witness. Found by
 * the chaos harness (seed 305): a void interrupted that way was left as a pending void for the cashier although the
 * terminal, asked at the restart, said plainly that it had voided nothing.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PosTerminal } from '../../../src-main/emulators/pos/pos-terminal.js';
import { tempDir } from '../../helpers/hub.js';
import { freePort, postOperation, startHubProcess, type HubProcess } from '../../helpers/hub-process.js';
import { TerminalWatch } from '../../helpers/terminal-watch.js';

const dataDir = tempDir('fiscool-card-crash-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function call(url: string, path: string, body?: unknown): Promise<any> {
  const r = await fetch(url + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return r.json();
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('hub crashes on the card path (simulated terminal inside the hub)', () => {
  it('a void cut short by a crash is voided again at the restart: no pending void, the charge reversed once', async () => {
    const port = await freePort();
    let hub: HubProcess = await startHubProcess(dataDir, port);
    const fiscal = (await call(hub.url, '/devices/fiscal')).fiscal_devices[0].config;
    const pos = (await call(hub.url, '/devices/pos')).pos_terminals[0].config;
    expect(fiscal).toMatchObject({ auto_send_card_to_pos: true, linked_pos_device_id: pos.id });
    // The bank takes 1.5 s to authorise (a sale or a void): time for the crash to land in the middle of the void.
    await call(hub.url, '/manage/save_pos_terminal', { ...pos, options: { delays: { auth_ms: 1500 }, timeout_ms: 5000 } });
    await call(hub.url, '/manage/save_fiscal_device', { ...fiscal, options: { ...fiscal.options, paper_out_at_line: 2 } });
    await until('devices connected', async () => {
      const f = (await call(hub.url, '/devices/fiscal')).fiscal_devices[0];
      const p = (await call(hub.url, '/devices/pos')).pos_terminals[0];
      return f?.status === 'Connected' && p?.status === 'Connected';
    });

    const stateDir = join(dataDir, 'simulated-pos', pos.id);
    const watch = new TerminalWatch(stateDir);
    const body = {
      device_id: fiscal.id,
      operation: {
        type: 'print_receipt',
        lines: [{ type: 'item', description: 'Ghete', quantity_thousandths: 1000, unit_price_cents: 4321, vat: 'A' }],
        payments: [{ method: 'card', amount_cents: 4321 }],
      },
    };
    const first = postOperation(hub.url, 'crash-during-void', body);
    // Approved, then paper out while printing, then the void starts: the hub (and its terminal) dies right then.
    const voiding = await watch.next('void:in_progress', 20_000);
    watch.close();
    expect(voiding, 'the void started').not.toBeNull();
    await hub.kill('SIGKILL');
    expect(await first).toBeNull();

    hub = await startHubProcess(dataDir, port);
    let answer: any = null;
    for (let i = 0; i < 30 && (answer === null || answer.code === 'IN_DOUBT'); i++) answer = await postOperation(hub.url, 'crash-during-void', body);
    // Nothing printed: the receipt failed (paper out), and its card payment is given back.
    expect(['PAPER_OUT', 'POS_CANCELLED'], JSON.stringify(answer)).toContain(answer.code);
    await until('no pending void left', async () => (await call(hub.url, '/pos/pending-voids')).pending_voids.length === 0);
    await hub.kill('SIGTERM');

    const terminal = new PosTerminal({ stateDir });
    const log = terminal.transactions();
    const sale = log.find((t) => t.kind === 'sale' && t.reference === `receipt-${answer.job_id}`);
    expect(sale).toMatchObject({ state: 'approved', amount_cents: 4321 });
    // The first void was interrupted by the power loss (it did nothing); a second one voided the sale.
    const voids = log.filter((t) => t.kind === 'void' && t.original_txid === sale?.txid);
    expect(voids.map((t) => t.state)).toEqual(['interrupted', 'approved']);
    expect(terminal.isReversed(sale?.txid ?? '')).toBe(true);
  }, 120_000);
});
