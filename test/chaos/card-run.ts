/**
 * The card side of a chaos run: the hub's simulated terminal linked to the register, the pending voids once the hub
 * has settled what it can, and the card verdict read after the run from the terminal's persisted log, the hub's
 * journal and the register's journal (card-verdict.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PosTerminal } from '../../src-main/emulators/pos/pos-terminal.js';
import type { JournalDocument } from '../../src-main/emulators/virtual-register/register-api.js';
import { fiscalJobsFromJournal } from '../integration/card/consistency.js';
import { countCardVerdict, type CardVerdict } from './card-verdict.js';
import type { ChaosRequest } from './doors.js';

export interface PendingVoidEntry {
  receipt_job_id: string;
  state: string;
  amount_cents: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET, or POST a JSON body, to the hub; the parsed answer. */
export async function json(url: string, body?: unknown): Promise<any> {
  const r = await fetch(url, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return r.json();
}

/** The hub's simulated terminal (seeded in a fresh data dir), with customer delays; its id, to link the register to. */
export async function linkTerminal(base: string, timing: 'zero' | 'realistic'): Promise<string> {
  const list = (await json(`${base}/devices/pos`)) as { pos_terminals: Array<{ config: { id: string; model: string } & Record<string, unknown> }> };
  const pos = list.pos_terminals.find((t) => t.config.model === 'Simulated Terminal')?.config;
  if (!pos) throw new Error(`the hub has no simulated card terminal: ${JSON.stringify(list)}`);
  // A customer at the terminal (and the bank) take a moment; a terminal silent for timeout_ms is in doubt and asked.
  const options = timing === 'realistic' ? { delays: { card_ms: 300, pin_ms: 200, auth_ms: 200 }, timeout_ms: 1500 } : { delays: { card_ms: 60, pin_ms: 0, auth_ms: 40 }, timeout_ms: 700 };
  const saved = await json(`${base}/manage/save_pos_terminal`, { ...pos, options: { ...(pos.options as object | undefined), ...options } });
  if (saved.status !== undefined && saved.status !== 0 && !saved.device) throw new Error(`cannot configure the card terminal: ${JSON.stringify(saved)}`);
  return pos.id;
}

/** The pending voids once none is still being worked on (or at `until`). */
export async function settledPendingVoids(base: string, until: number): Promise<PendingVoidEntry[]> {
  for (;;) {
    let list: PendingVoidEntry[] = [];
    try {
      list = ((await json(`${base}/pos/pending-voids`)) as { pending_voids: PendingVoidEntry[] }).pending_voids;
    } catch {
      // the hub is busy starting: ask again
    }
    if (list.every((p) => p.state !== 'in_progress' && p.state !== 'checking') || Date.now() > until) return list;
    await sleep(250);
  }
}

/** After the hub stopped: its journal, the terminal's persisted log (in the hub's data dir) and the register's journal. */
export function cardVerdictOf(
  requests: ChaosRequest[],
  journal: JournalDocument[],
  hubDir: string,
  posId: string,
  deviceId: string,
  pendingVoids: PendingVoidEntry[],
): CardVerdict {
  const stateDir = join(hubDir, 'simulated-pos', posId);
  if (!existsSync(stateDir)) throw new Error(`no transaction log of the card terminal in ${stateDir}`);
  const terminal = new PosTerminal({ stateDir });
  return countCardVerdict({
    requests,
    journal,
    jobs: fiscalJobsFromJournal(join(hubDir, 'journal.sqlite')).filter((j) => j.device_id === deviceId),
    terminalLog: terminal.transactions(),
    isReversed: (txid) => terminal.isReversed(txid),
    pendingVoids,
  });
}

export function cardFigures(c: CardVerdict): string {
  const states = Object.entries(c.charges)
    .map(([k, n]) => `${k}:${n}`)
    .join(',');
  return (
    `card requests=${c.requests} charges=[${states}] voided=${c.voids} reversed=${c.reversed} receipts=${c.receipts} ` +
    `(native ${c.receiptsByDoor.native}, inp ${c.receiptsByDoor.inp}, erpnet ${c.receiptsByDoor.erpnet}, ucsfphub ${c.receiptsByDoor.ucsfphub}) ` +
    `charges_without_receipt=${c.chargesWithoutReceipt} receipts_without_charge=${c.receiptsWithoutCharge} charged_twice=${c.chargedTwice} pending_voids=${c.pendingVoids}`
  );
}
