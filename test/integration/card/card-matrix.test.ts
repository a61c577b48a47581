/**
 * The linked-payment matrix: a real hub process (killed with SIGKILL at chosen steps and restarted), its simulated
 * register, and the Viva Local Terminal API emulator on a real port. Terminal: approve / decline / no card in time /
 * never answers / answer lost; register: receipt printed / paper out; hub SIGKILL: none / while the customer is at
 * the terminal / after the approval the hub did not get / while printing / while voiding. Every request is retried
 * with its Idempotency-Key until answered; at the end the terminal's log, the register's journal and the hub's
 * journal must agree: every approved, un-voided charge has exactly one receipt, no receipt claims a card payment
 * that was not approved, nothing was charged twice, and no pending void is left.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import { VivaLocalEmulator } from '../../../src-main/emulators/viva-local/index.js';
import { tempDir } from '../../helpers/hub.js';
import { freePort, postOperation, startHubProcess, type HubProcess } from '../../helpers/hub-process.js';
import { cardAmountsFromJournal, checkCardConsistency } from './consistency.js';
import { FAST_VIVA } from './linked-hub.js';

const dataDir = tempDir('fiscool-card-matrix-');
const emuDir = tempDir('fiscool-card-matrix-terminal-');
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(emuDir, { recursive: true, force: true });
});

type Kill = 'none' | 'customer' | 'approved' | 'printing' | 'voiding';
interface Case {
  name: string;
  amount: number;
  paperOut?: boolean;
  kill: Kill;
  /** Acceptable answers: status 0, or these codes. */
  expect: Array<0 | string>;
}

const CASES: Case[] = [
  { name: 'approve-printed', amount: 1000, kill: 'none', expect: [0] },
  { name: 'approve-printed-kill-customer', amount: 1100, kill: 'customer', expect: [0] },
  { name: 'approve-printed-kill-approved', amount: 1255, kill: 'approved', expect: [0] },
  { name: 'approve-printed-kill-printing', amount: 1300, kill: 'printing', expect: [0] },
  { name: 'approve-paperout', amount: 1400, paperOut: true, kill: 'none', expect: ['PAPER_OUT'] },
  { name: 'approve-paperout-kill-voiding', amount: 1500, paperOut: true, kill: 'voiding', expect: ['PAPER_OUT', 'POS_CANCELLED'] },
  { name: 'decline', amount: 1651, kill: 'none', expect: ['POS_DECLINED'] },
  { name: 'decline-kill-customer', amount: 1751, kill: 'customer', expect: ['POS_DECLINED'] },
  { name: 'decline-paperout', amount: 1851, paperOut: true, kill: 'none', expect: ['POS_DECLINED'] },
  { name: 'card-timeout', amount: 1954, kill: 'none', expect: ['POS_TIMEOUT'] },
  { name: 'no-answer', amount: 2052, kill: 'none', expect: ['POS_UNREACHABLE'] },
  { name: 'no-answer-kill', amount: 2152, kill: 'customer', expect: ['POS_UNREACHABLE'] },
  { name: 'answer-lost-printed', amount: 2255, kill: 'none', expect: [0] },
  { name: 'answer-lost-paperout', amount: 2355, paperOut: true, kill: 'none', expect: ['PAPER_OUT'] },
];

async function call(url: string, path: string, body?: unknown): Promise<any> {
  const r = await fetch(url + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return r.json();
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('linked card payments: approve / decline / timeout / answer lost × printed / paper out × hub SIGKILL', () => {
  it('ends with the terminal log, the register journal and the hub journal consistent', async () => {
    const emu = await VivaLocalEmulator.start({ stateDir: emuDir, terminalId: '16038894' });
    const port = await freePort();
    let hub: HubProcess = await startHubProcess(dataDir, port);
    const fiscal = (await call(hub.url, '/devices/fiscal')).fiscal_devices[0].config;
    const pos = await call(hub.url, '/manage/save_pos_terminal', {
      name: 'Viva',
      manufacturer: 'Viva',
      model: 'Android Terminal',
      connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: emu.port } },
      options: { ...FAST_VIVA, poll_ms: 30, request_timeout_ms: 800, lost_answer_ms: 400, in_doubt_wait_ms: 8000 },
    });
    const posId: string = pos.device.id;
    const timing = { baud: 0, per_line_ms: 120, per_command_ms: 1 };
    const saveFiscal = (options: Record<string, unknown>) =>
      call(hub.url, '/manage/save_fiscal_device', { ...fiscal, auto_send_card_to_pos: true, linked_pos_device_id: posId, options: { ...fiscal.options, timing, ...options } });
    await saveFiscal({});
    const ready = () =>
      until('devices connected', async () => {
        const f = (await call(hub.url, '/devices/fiscal')).fiscal_devices[0];
        const p = (await call(hub.url, '/devices/pos')).pos_terminals.find((t: any) => t.config.id === posId);
        return f?.status === 'Connected' && p?.status === 'Connected';
      });
    const quiet = () =>
      until('no job left running or in doubt', async () => {
        const jobs = (await call(hub.url, '/jobs?limit=200')).jobs as any[];
        const pending = (await call(hub.url, '/pos/pending-voids')).pending_voids as any[];
        return jobs.every((j) => j.state === 'succeeded' || j.state === 'failed') && pending.every((p) => p.state === 'failed' || p.state === 'needs_check');
      });
    await ready();

    const answers = new Map<string, any>();
    let kills = 0;
    for (const c of CASES) {
      emu.setDelays({ card_ms: c.kill === 'customer' ? 1500 : 0, pin_ms: 0, auth_ms: c.kill === 'voiding' ? 1200 : 0 });
      emu.setFaults({ answer_lost_ms: c.kill === 'approved' ? 3000 : 1500 });
      if (c.paperOut) {
        await saveFiscal({ paper_out_at_line: 2 });
        await ready();
      }
      const key = `matrix-${c.name}`;
      const body = {
        device_id: fiscal.id,
        operation: {
          type: 'print_receipt',
          lines: [
            { type: 'item', description: `Articol ${c.name}`.slice(0, 40), quantity_thousandths: 1000, unit_price_cents: c.amount, vat: 'A' },
            { type: 'text', text: 'Multumim!' },
          ],
          payments: [{ method: 'card', amount_cents: c.amount }],
        },
      };
      const first = postOperation(hub.url, key, body);
      if (c.kill !== 'none') {
        const seen = emu.terminal.transactions().length;
        const fresh = () => emu.terminal.transactions().slice(seen);
        if (c.kill === 'customer') {
          await until('the customer at the terminal', () => emu.terminal.current() !== null || (c.amount % 100 === 52 && emu.endpoint.requests.some((r) => r.method === 'POST' && (r.body as any)?.amount === c.amount)), 20_000);
        } else if (c.kill === 'approved') {
          await until('the approval the hub does not hear', () => fresh().some((t) => t.kind === 'sale' && t.state === 'approved'), 20_000);
        } else if (c.kill === 'printing') {
          await until('the approval', () => fresh().some((t) => t.kind === 'sale' && t.state === 'approved'), 20_000);
          await new Promise((r) => setTimeout(r, 450));
        } else {
          await until('the void in progress', () => fresh().some((t) => t.kind === 'void' && t.state === 'in_progress'), 20_000);
        }
        await hub.kill('SIGKILL');
        kills++;
        expect(await first).toBeNull();
        hub = await startHubProcess(dataDir, port);
        await ready();
      }
      let answer = c.kill === 'none' ? await first : null;
      for (let i = 0; i < 20 && (answer === null || answer.code === 'IN_DOUBT'); i++) answer = await postOperation(hub.url, key, body);
      answers.set(c.name, answer);
      expect(c.expect, `${c.name}: ${JSON.stringify(answer)}`).toContain(answer.status === 0 ? 0 : answer.code);
      await quiet();
      if (c.paperOut) {
        await saveFiscal({});
        await ready();
      }
    }
    expect(kills).toBe(CASES.filter((c) => c.kill !== 'none').length);

    // Every card receipt that printed names its approval; a paper-out after an approval says the charge was voided.
    for (const c of CASES) {
      const a = answers.get(c.name);
      if (a.status === 0) expect(a.pos, c.name).toMatchObject({ approved: true, amount_cents: c.amount });
      if (a.code === 'PAPER_OUT' && a.pos) expect(a.pos_void, c.name).toMatchObject({ state: 'voided' });
    }
    await until('no pending void', async () => (await call(hub.url, '/pos/pending-voids')).pending_voids.length === 0, 30_000);
    await hub.kill('SIGTERM');

    // Each kill really interrupted the receipt: it was found running at the restart and settled again.
    const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
    for (const c of CASES.filter((x) => x.kill !== 'none')) {
      const row = db.prepare('SELECT attempts, outcome FROM jobs WHERE id = ?').get(answers.get(c.name).job_id) as { attempts: number; outcome: string };
      expect(row.attempts > 1 || row.outcome.includes('"reconciled":true'), c.name).toBe(true);
    }
    const reconciledSales = db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE device_kind = 'pos' AND outcome LIKE '%"reconciled":true%'`).get() as { n: number };
    db.close();
    expect(reconciledSales.n).toBeGreaterThan(0);

    const register = new VirtualRegister({ stateDir: join(dataDir, 'simulated', fiscal.id) });
    const receipts = register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'fiscal_receipts' });
    const report = checkCardConsistency(emu.transactions(), (id) => emu.terminal.isReversed(id), (t) => t.merchant_reference, receipts, cardAmountsFromJournal(join(dataDir, 'journal.sqlite')));
    expect(report.chargesWithoutOneReceipt).toEqual([]);
    expect(report.receiptsWithoutCharge).toEqual([]);
    expect(report.chargedTwice).toEqual([]);
    const printed = CASES.filter((c) => answers.get(c.name).status === 0).length;
    expect(report.cardReceipts).toBe(printed);
    expect(report.approvedCharges - report.reversedCharges).toBe(printed);
    expect(register.status().receipt).toBe('none');
    console.log(`card matrix: ${CASES.length} cases, ${kills} hub kills, ${report.approvedCharges} approved charges, ${report.reversedCharges} voided, ${report.cardReceipts} card receipts; 0 without receipt, 0 unmatched receipts, 0 double charges`);
    await emu.close();
  }, 300_000);
});
