/**
 * What the virtual card terminal remembers: its transactions, kept in memory in their latest state and written to
 * the fsync'ed log (pos-log.ts) at every change; the open batch, the next retrieval reference, and the lookups the
 * ECR protocols ask for. At power-on (`boot`) the log is read again and a transaction left in progress is recorded
 * as interrupted.
 */
import { toLocalIso } from '../virtual-register/register-clock.js';
import { findOriginal, refundedOf, voidedIds, type OriginalRef } from './pos-checks.js';
import { PosLog } from './pos-log.js';
import { OUTCOME_TEXT, type PosTransaction } from './pos-types.js';

export class PosMemory {
  #log: PosTransaction[] = [];
  readonly #store: PosLog;

  constructor(
    stateDir: string | undefined,
    private readonly now: () => Date,
  ) {
    this.#store = new PosLog(stateDir);
  }

  /** The transactions, in order (not copies: callers that hand them out clone them). */
  get log(): readonly PosTransaction[] {
    return this.#log;
  }

  /** Batch number now open (settlements so far + 1). */
  get batch(): number {
    return this.#log.filter((t) => t.kind === 'settlement').length + 1;
  }

  boot(): void {
    this.#log = this.#store.load();
    for (const t of this.#log) {
      if (t.state !== 'in_progress') continue;
      const i = OUTCOME_TEXT.interrupted;
      this.write({ ...t, state: 'interrupted', response_code: i.code, response_text: i.text });
    }
  }

  /** A new transaction: numbered, dated and put in the open batch. */
  record(t: Omit<PosTransaction, 'seq' | 'datetime' | 'batch'>): PosTransaction {
    return this.write({ ...t, seq: this.#log.length + 1, datetime: toLocalIso(this.now()), batch: this.batch });
  }

  /** Log a new state of a transaction (fsync'ed) and keep it in memory. */
  write(tx: PosTransaction): PosTransaction {
    this.#store.append(tx);
    const i = this.#log.findIndex((t) => t.txid === tx.txid);
    if (i >= 0) this.#log[i] = tx;
    else this.#log.push(tx);
    return structuredClone(tx);
  }

  /** 12-digit retrieval reference: YYMMDD + 6-digit running number. */
  nextRrn(): string {
    const d = toLocalIso(this.now());
    const n = this.#log.filter((t) => t.rrn !== null).length + 1;
    return d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10) + n.toString().padStart(6, '0');
  }

  hasReference(reference: string): boolean {
    return this.#log.some((t) => t.reference === reference);
  }

  findByReference(reference: string): PosTransaction | null {
    const found = this.#log.filter((t) => t.reference === reference).pop();
    return found ? structuredClone(found) : null;
  }

  findByTxid(txid: string): PosTransaction | null {
    const found = this.#log.find((t) => t.txid === txid);
    return found ? structuredClone(found) : null;
  }

  findApproved(ref: OriginalRef): PosTransaction | null {
    const found = findOriginal(this.#log, ref, ['sale', 'refund']);
    return found ? structuredClone(found) : null;
  }

  /** A sale or refund cancelled by a void, or a sale refunded in full. */
  isReversed(txid: string): boolean {
    if (voidedIds(this.#log).has(txid)) return true;
    const tx = this.#log.find((t) => t.txid === txid);
    return tx?.kind === 'sale' && refundedOf(this.#log, tx) >= tx.amount_cents;
  }
}
