/**
 * The virtual terminal's transaction log: one JSON record per line, appended and fsync'ed at every state change
 * (started, then finished), so it survives a crash or a power cut. Loading folds the records by `txid` (the last
 * one wins), drops a torn last line and rewrites the file without it.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PosTransaction } from './pos-types.js';

export const POS_LOG_FILE = 'transactions.jsonl';

/** Records written before states existed: a finished transaction, approved or declined. */
function upgrade(raw: Partial<PosTransaction> & { seq: number }): PosTransaction {
  const approved = raw.approved === true;
  return {
    txid: `legacy-${raw.seq}`,
    state: approved ? 'approved' : 'declined',
    stan: raw.rrn ? raw.rrn.slice(-6) : null,
    card_brand: null,
    ...raw,
  } as PosTransaction;
}

export class PosLog {
  readonly #file: string | undefined;

  constructor(stateDir: string | undefined) {
    if (stateDir === undefined) return;
    mkdirSync(stateDir, { recursive: true });
    this.#file = join(stateDir, POS_LOG_FILE);
  }

  /** Every transaction in order of first appearance, each in its latest state. */
  load(): PosTransaction[] {
    if (this.#file === undefined || !existsSync(this.#file)) return [];
    const text = readFileSync(this.#file, 'utf8');
    const byId = new Map<string, PosTransaction>();
    let good = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') {
        good += Buffer.byteLength(line) + 1;
        continue;
      }
      let parsed: PosTransaction;
      try {
        parsed = upgrade(JSON.parse(line) as PosTransaction);
      } catch {
        break; // torn last line after a crash
      }
      byId.set(parsed.txid, parsed);
      good += Buffer.byteLength(line) + 1;
    }
    const txs = [...byId.values()];
    if (good < Buffer.byteLength(text)) this.#rewrite(txs);
    return txs;
  }

  append(tx: PosTransaction): void {
    if (this.#file === undefined) return;
    const fd = openSync(this.#file, 'a');
    try {
      writeSync(fd, JSON.stringify(tx) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  #rewrite(txs: PosTransaction[]): void {
    if (this.#file === undefined) return;
    const fd = openSync(this.#file, 'w');
    try {
      for (const t of txs) writeSync(fd, JSON.stringify(t) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
