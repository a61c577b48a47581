/**
 * Watches the simulated terminal's transaction log in a hub's data dir (JSONL, one record per state change,
 * fsync'ed before the terminal goes on), so a test (the chaos monkey) can SIGKILL the hub at a chosen moment of a card
 * transaction: a charge or a void in progress (the terminal is inside the hub: it loses power with it), or just
 * approved (the hub has not heard the answer yet).
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { POS_LOG_FILE, type PosTransaction } from '../../src-main/emulators/pos/index.js';

export type CardMoment = 'sale:in_progress' | 'sale:approved' | 'void:in_progress' | 'void:approved';
export const CARD_MOMENTS: readonly CardMoment[] = ['sale:in_progress', 'sale:approved', 'void:in_progress', 'void:approved'];

export class TerminalWatch {
  readonly #file: string;
  #offset = 0;
  #rest = '';
  #watcher: FSWatcher | null = null;
  #waiters: Array<{ moment: CardMoment; resolve: (tx: PosTransaction) => void }> = [];

  constructor(stateDir: string) {
    mkdirSync(stateDir, { recursive: true });
    this.#file = join(stateDir, POS_LOG_FILE);
    this.#watcher = watch(stateDir, () => this.#read());
    this.#read();
  }

  /** The next record at `moment`, or null after `ms`. */
  next(moment: CardMoment, ms: number): Promise<PosTransaction | null> {
    return new Promise((resolve) => {
      const waiter = { moment, resolve: (tx: PosTransaction) => (clearTimeout(timer), resolve(tx)) };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        resolve(null);
      }, ms);
      this.#waiters.push(waiter);
    });
  }

  close(): void {
    this.#watcher?.close();
    this.#watcher = null;
  }

  #read(): void {
    if (!existsSync(this.#file)) return;
    const fd = openSync(this.#file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size < this.#offset) this.#offset = 0; // rewritten (a torn line dropped at start-up)
      if (size === this.#offset) return;
      const buf = Buffer.alloc(size - this.#offset);
      readSync(fd, buf, 0, buf.length, this.#offset);
      this.#offset = size;
      const lines = (this.#rest + buf.toString('utf8')).split('\n');
      this.#rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        let tx: PosTransaction;
        try {
          tx = JSON.parse(line) as PosTransaction;
        } catch {
          continue;
        }
        const moment = `${tx.kind}:${tx.state}`;
        const hit = this.#waiters.filter((w) => w.moment === moment);
        this.#waiters = this.#waiters.filter((w) => w.moment !== moment);
        for (const w of hit) w.resolve(tx);
      }
    } finally {
      closeSync(fd);
    }
  }
}
