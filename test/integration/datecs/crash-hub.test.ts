/**
 * Crash test (issue 3): a Datecs emulator runs as a separate process (TCP, zero timing, its own state dir); the hub
 * runs as another process and is killed with SIGKILL at random moments while 200 receipts are sent, then
 * restarted; every unanswered request is retried with its Idempotency-Key. The emulator's fiscal journal must then
 * hold each receipt whose request got a success exactly once, no receipt twice, and nothing left open.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { controlRequest } from '../../../src-main/emulators/datecs/control-channel.js';
import type { JournalDocument, RegisterStatus } from '../../../src-main/emulators/virtual-register/register-api.js';
import { startEmulatorCli } from '../../helpers/emulator-process.js';
import { freePort, postOperation, startHubProcess, type HubProcess } from '../../helpers/hub-process.js';

const base = mkdtempSync(join(tmpdir(), 'fiscool-datecs-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

const RECEIPTS = 200;
const KILLS = 10;
/** Receipts sent per kill round: 10 × 15 < 200, so every kill round has work in flight. */
const BATCH = 15;

async function startEmulatorProcess(stateDir: string): Promise<{ tcpPort: number; controlPort: number }> {
  const { ready } = await startEmulatorCli(
    ['datecs', '--protocol', 'x', '--tcp', '0', '--control', '0', '--timing', 'zero', '--state', stateDir],
    (c) => children.push(c),
  );
  return { tcpPort: ready.tcp_port, controlPort: ready.control_port };
}

function receiptBody(deviceId: string, n: number) {
  const lines = Array.from({ length: 2 + (n % 4) }, (_, i) => ({
    type: 'item',
    description: `R${n}i${i}`,
    quantity_thousandths: 1000 + i * 250,
    unit_price_cents: 100 + n,
    vat: i % 2 === 0 ? '21%' : '11%',
  }));
  return { device_id: deviceId, operation: { type: 'print_receipt', lines } };
}

interface Answer {
  status: number;
  code?: string;
  slip_number?: number;
}

describe('Datecs crash test', () => {
  it('SIGKILL of the hub at random points during 200 receipts: each success printed exactly once, none twice', async () => {
    const em = await startEmulatorProcess(join(base, 'register'));
    const dataDir = join(base, 'hub');
    const port = await freePort();
    let hub: HubProcess = await startHubProcess(dataDir, port);
    const saved = (await (
      await fetch(`${hub.url}/manage/save_fiscal_device`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Datecs emulator',
          manufacturer: 'Datecs',
          model: 'DP-25MX',
          connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: em.tcpPort } },
          enabled: true,
        }),
      })
    ).json()) as { status: number; device: { id: string } };
    expect(saved.status).toBe(0);
    const deviceId = saved.device.id;
    await hub.kill('SIGTERM');

    const answers = new Map<number, Answer>();
    const pending = () => Array.from({ length: RECEIPTS }, (_, i) => i).filter((i) => !answers.has(i));
    let kills = 0;
    for (let round = 0; round < KILLS + 20 && pending().length > 0; round++) {
      hub = await startHubProcess(dataDir, port);
      // Kill rounds send a batch (unanswered ones first, so every receipt is retried after a kill); then the rest.
      const batch = round < KILLS ? pending().slice(0, BATCH) : pending();
      const inFlight = batch.map(async (i) => {
        const a = await postOperation<Answer>(hub.url, `datecs-crash-${i}`, receiptBody(deviceId, i));
        if (a && a.status === 0) answers.set(i, a);
        else if (a && a.code !== 'IN_DOUBT') throw new Error(`receipt ${i} failed: ${JSON.stringify(a)}`);
      });
      if (round < KILLS) {
        await new Promise((r) => setTimeout(r, 10 + Math.floor(Math.random() * 100)));
        // Aim at the middle of a receipt: kill as soon as the register has one open (or after 500 ms anyway).
        const until = Date.now() + 500;
        while (Date.now() < until) {
          const st = (await controlRequest(em.controlPort, 'status')).result as { status: RegisterStatus };
          if (st.status.receipt !== 'none') break;
        }
        await hub.kill('SIGKILL');
        kills++;
        await Promise.allSettled(inFlight);
      } else {
        await Promise.all(inFlight);
        await hub.kill('SIGTERM');
      }
    }
    expect(kills).toBe(KILLS);
    expect(pending()).toEqual([]);

    const journal = (await controlRequest(em.controlPort, 'journal')).result as JournalDocument[];
    const status = (await controlRequest(em.controlPort, 'status')).result as { status: RegisterStatus };
    const receipts = journal.filter((d) => d.kind === 'fiscal_receipt');
    const count = new Map<number, number>();
    for (const d of receipts) {
      const m = /R(\d+)i0\b/.exec(d.lines.join('\n'));
      expect(m, `receipt ${d.number} carries its request number`).not.toBeNull();
      const n = Number(m?.[1]);
      count.set(n, (count.get(n) ?? 0) + 1);
    }
    for (const [n, c] of count) expect(c, `receipt R${n} printed ${c} times`).toBe(1);
    for (const [i, a] of answers) {
      expect(count.get(i), `receipt ${i}`).toBe(1);
      const doc = receipts.find((d) => d.number === a.slip_number);
      expect(doc?.lines.join('\n')).toContain(`R${i}i0`);
    }
    expect(receipts.length).toBe(RECEIPTS);
    // The kills really landed mid-receipt: jobs were re-run or reconciled after a restart, and receipts left
    // open by a killed hub were cancelled on the register (voided documents).
    const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
    const interrupted = db
      .prepare(`SELECT COUNT(*) AS n FROM jobs WHERE attempts > 1 OR outcome LIKE '%"reconciled":true%'`)
      .get() as { n: number };
    db.close();
    const voided = journal.filter((d) => d.kind === 'voided').length;
    process.stdout.write(
      `datecs crash test: ${interrupted.n} interrupted jobs, ${voided} receipts cancelled after a kill\n`,
    );
    expect(interrupted.n).toBeGreaterThan(0);
    expect(voided).toBeGreaterThan(0);
    expect(status.status.receipt).toBe('none');
  }, 90_000);
});
