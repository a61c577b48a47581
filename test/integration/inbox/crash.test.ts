/**
 * The hub is killed with SIGKILL at random points while a burst of 300 INP files is processed, then restarted,
 * until the folder is empty. Every file must end in BonOK or BonERR, no `.processing` left, and the register's own
 * journal (its memory, apart from the hub's) must hold each BonOK receipt exactly once.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import { tempDir } from '../../helpers/hub.js';
import { freePort, startHubProcess, type HubProcess } from '../../helpers/hub-process.js';
import { keyValues } from './harness.js';

const dataDir = tempDir('fiscool-inp-crash-');
const folder = join(dataDir, 'scan');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const FILES = 300;
const KILLS = 6;
const TIMING = { baud: 0, per_line_ms: 2, per_command_ms: 1 };
let port = 0;

/** Deterministic pseudo-random kill delays. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function fileContent(n: number): string {
  const H = ',1,______,_,__;';
  if (n % 10 === 7) return `S${H}Articol ${n};1.00;1.000;1;1;1;0;0;buc\nS${H}Rau;abc;1;1;1;1\nT${H}\n`; // bad number, line 2
  const items = Array.from(
    { length: 1 + (n % 4) },
    (_, i) => `S${H}Articol ${n}-${i};${(1 + (n % 50)).toFixed(2)};1.000;1;1;${1 + (i % 2)};0;0;buc`,
  );
  return [...items, `T${H}0;`].join('\r\n') + '\r\n';
}

/** The real headless service (`tsx src-main/service.ts`), which runs the inbox. */
async function start(): Promise<HubProcess> {
  return startHubProcess(dataDir, port);
}

const pendingInFolder = () => readdirSync(folder).filter((n) => /\.inp(\.processing)?$/.test(n));

describe('INP inbox crash safety', () => {
  it('SIGKILL at random points during a 300-file burst: every file finished once, receipts exactly once', async () => {
    port = await freePort();
    // Configure the scan folder and a register slow enough that kills land inside receipts, then stop cleanly.
    const first = await start();
    const cfg = (
      (await (await fetch(`${first.url}/devices/fiscal`)).json()) as {
        fiscal_devices: Array<{ config: Record<string, unknown> & { id: string; options?: object } }>;
      }
    ).fiscal_devices[0]!.config;
    const deviceId = cfg.id;
    const saved = await fetch(`${first.url}/manage/save_fiscal_device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...cfg, scan_folder: folder, options: { ...cfg.options, timing: TIMING } }),
    });
    expect(saved.status).toBe(200);
    await first.kill('SIGTERM');

    mkdirSync(folder, { recursive: true });
    for (let n = 0; n < FILES; n++) writeFileSync(join(folder, `bon${String(n).padStart(4, '0')}.inp`), fileContent(n));
    const rand = lcg(4242);
    let interrupted = 0;
    let claimedAtKill = 0;
    for (let k = 0; k < KILLS; k++) {
      const run = await start();
      await new Promise((r) => setTimeout(r, 100 + Math.floor(rand() * 500)));
      await run.kill('SIGKILL');
      if (pendingInFolder().length > 0) interrupted++;
      if (pendingInFolder().some((n) => n.endsWith('.processing'))) claimedAtKill++;
      if (pendingInFolder().length === 0) break;
    }
    // Last run: let it finish.
    const run = await start();
    const deadline = Date.now() + 60_000;
    while (pendingInFolder().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await run.kill('SIGTERM');

    expect(interrupted).toBeGreaterThanOrEqual(2);
    expect(claimedAtKill).toBeGreaterThanOrEqual(1); // killed with claimed files in flight
    expect(pendingInFolder()).toEqual([]);
    const ok = readdirSync(join(folder, 'BonOK')).filter((n) => !n.startsWith('.'));
    const err = readdirSync(join(folder, 'BonERR')).filter((n) => !n.startsWith('.'));
    expect([...ok, ...err].sort()).toEqual(
      Array.from({ length: FILES }, (_, n) => `bon${String(n).padStart(4, '0')}.inp`),
    );
    // Malformed files (every tenth, from 7) are in BonERR with line 2; everything else printed.
    expect(err.sort()).toEqual(
      Array.from({ length: FILES / 10 }, (_, i) => `bon${String(i * 10 + 7).padStart(4, '0')}.inp`),
    );
    for (const name of err)
      expect(keyValues(readFileSync(join(folder, 'BonERR', name), 'utf8'))).toMatchObject({
        ERROR_LINE: '2',
        RECEIPT_STATE: 'not_opened',
      });

    const slips = ok.map((name) => {
      const a = keyValues(readFileSync(join(folder, 'BonANSWER', name.replace(/\.inp$/, '.txt')), 'utf8'));
      expect(a['RESULT'], name).toBe('OK');
      return Number(a['RECEIPT_NO']);
    });
    expect(new Set(slips).size).toBe(ok.length);

    const register = new VirtualRegister({ stateDir: join(dataDir, 'simulated', deviceId) });
    const docs = register
      .readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'fiscal_receipts' })
      .filter((d) => d.kind === 'fiscal_receipt');
    expect(docs.map((d) => d.number).sort((a, b) => a - b)).toEqual([...slips].sort((a, b) => a - b));
    expect(register.status().receipt).toBe('none');

    // The hub's journal agrees: one inbox record per file in a final state, none active.
    const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
    const states = db
      .prepare(`SELECT state, COUNT(DISTINCT name) AS n FROM inbox_files GROUP BY state`)
      .all() as Array<{ state: string; n: number }>;
    db.close();
    expect(Object.fromEntries(states.map((s) => [s.state, s.n]))).toEqual({ done: ok.length, failed: err.length });
    expect(existsSync(join(folder, 'BonANSWER'))).toBe(true);
  }, 180_000);
});
