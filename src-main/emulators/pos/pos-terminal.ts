/**
 * The virtual card terminal: the customer and the bank behind every terminal emulator. A transaction goes through
 * stages (waiting for the card, PIN, authorisation) with configurable customer delays, is decided by amount rules
 * (by default …51 declined, …52 never answered, …53 cancelled by the customer, …54 no card presented, …55
 * approved with the answer lost), can be aborted until the card is read, and is logged (fsync'ed) when it starts
 * and when it ends. A power cut can be planned at a stage: the transaction in progress is then never approved, and
 * on power-on the log marks it interrupted. `stateDir` undefined = memory only.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { cardOf } from './pos-card.js';
import { batchTotals, checkRefund, checkVoid, type OriginalRef } from './pos-checks.js';
import { PosMemory } from './pos-memory.js';
import {
  DEFAULT_POS_RULES,
  OUTCOME_TEXT,
  ruleFor,
  ZERO_DELAYS,
  type PosDelays,
  type PosRefusal,
  type PosRule,
  type PosRules,
  type PosStage,
  type PosTransaction,
  type PosTxState,
} from './pos-types.js';

export interface PosTerminalOptions {
  stateDir?: string;
  terminalId?: string;
  rules?: Partial<PosRules>;
  delays?: Partial<PosDelays>;
  now?: () => Date;
}

export interface StartRequest {
  kind: 'sale' | 'refund' | 'void';
  amount_cents: number;
  reference?: string;
  merchant_reference?: string;
  /** Refund: the original sale (referenced refund) or none (unreferenced). Void: the original, or 'last'. */
  original?: OriginalRef | 'last';
}

export interface PosRun {
  readonly txid: string;
  readonly request: StartRequest;
  stage(): PosStage;
  /** Resolves with the final transaction. Never resolves when the power is cut first. */
  readonly done: Promise<PosTransaction>;
  /** Abort from the ECR: possible until the card is read. */
  abort(): boolean;
  /** The terminal will not deliver this transaction's answer (rule or planned fault). */
  readonly answerLost: boolean;
}

export type StartAnswer = PosRefusal | { kind: 'silent' } | { kind: 'started'; run: PosRun };

export interface PosFaults {
  /** A transaction started by hand on the terminal: every request is refused as busy. */
  busy: boolean;
  /** One-shot: cut the power when the next transaction reaches this stage (`approved`: right after logging it). */
  power_cut_at: PosStage | null;
  /** One-shot: the next transaction's answer is lost. */
  answer_lost_next: boolean;
}

type StageListener = (txid: string, stage: PosStage, tx: PosTransaction) => void;

interface LiveRun {
  tx: PosTransaction;
  stage: PosStage;
  timer: NodeJS.Timeout | null;
  finish: (tx: PosTransaction) => void;
  abortable: boolean;
}

export class PosTerminal {
  readonly terminalId: string;
  rules: PosRules;
  delays: PosDelays;
  readonly faults: PosFaults = { busy: false, power_cut_at: null, answer_lost_next: false };
  readonly #memory: PosMemory;
  #online = true;
  #powered = true;
  #live: LiveRun | null = null;
  readonly #stageListeners = new Set<StageListener>();
  readonly #powerListeners = new Set<(on: boolean) => void>();

  constructor(opts: PosTerminalOptions = {}) {
    this.terminalId = opts.terminalId ?? 'FC' + randomInt(0, 1_000_000).toString().padStart(6, '0');
    this.rules = { ...DEFAULT_POS_RULES, ...opts.rules };
    this.delays = { ...ZERO_DELAYS, ...opts.delays };
    this.#memory = new PosMemory(opts.stateDir, opts.now ?? (() => new Date()));
    this.#memory.boot();
  }

  /** Batch number now open (settlements so far + 1). */
  get batch(): number {
    return this.#memory.batch;
  }

  isOnline(): boolean {
    return this.#online && this.#powered;
  }

  get powered(): boolean {
    return this.#powered;
  }

  /** Fault: the terminal stops answering (false) or comes back (true). */
  setOnline(online: boolean): void {
    this.#online = online;
  }

  transactions(): PosTransaction[] {
    return structuredClone([...this.#memory.log]);
  }

  /** The transaction in progress, if any. */
  current(): { txid: string; reference?: string; stage: PosStage; kind: PosTransaction['kind'] } | null {
    const l = this.#live;
    return l ? { txid: l.tx.txid, ...(l.tx.reference !== undefined ? { reference: l.tx.reference } : {}), stage: l.stage, kind: l.tx.kind } : null;
  }

  onStage(listener: StageListener): () => void {
    this.#stageListeners.add(listener);
    return () => this.#stageListeners.delete(listener);
  }

  /** Told when the power goes (false) and comes back (true). */
  onPower(listener: (on: boolean) => void): () => void {
    this.#powerListeners.add(listener);
    return () => this.#powerListeners.delete(listener);
  }

  start(req: StartRequest): StartAnswer {
    if (!this.isOnline()) return { kind: 'silent' };
    if (this.#live || this.faults.busy) return refused('BUSY', 'Terminal ocupat / Terminal busy');
    if (!Number.isInteger(req.amount_cents) || req.amount_cents < 1) {
      if (req.kind !== 'void') return refused('INVALID_AMOUNT', 'Sumă invalidă / Invalid amount');
    }
    if (req.reference !== undefined && this.#memory.hasReference(req.reference)) {
      return refused('REFERENCE_USED', 'Referința a mai fost folosită / This reference was already used');
    }
    const rule: PosRule = req.kind === 'sale' ? ruleFor(req.amount_cents, this.rules) : 'approve';
    if (rule === 'no_answer') return { kind: 'silent' };

    let original: PosTransaction | undefined;
    if (req.kind === 'refund' && req.original !== undefined && req.original !== 'last') {
      const c = checkRefund(this.#memory.log, req.original, req.amount_cents);
      if ('kind' in c) return c;
      original = c.original;
    }
    if (req.kind === 'void') {
      const c = checkVoid(this.#memory.log, req.original ?? 'last', this.batch, true);
      if ('kind' in c) return c;
      original = c.original;
    }
    const lost = rule === 'answer_lost' || this.faults.answer_lost_next;
    this.faults.answer_lost_next = false;
    const amount = req.kind === 'void' && original ? original.amount_cents : req.amount_cents;
    const tx = this.#memory.record({
      txid: randomUUID(),
      kind: req.kind,
      state: 'in_progress',
      amount_cents: amount,
      approved: false,
      response_code: '',
      response_text: '',
      auth_code: null,
      rrn: null,
      stan: null,
      card_masked: original?.card_masked ?? null,
      card_brand: original?.card_brand ?? null,
      ...(req.reference !== undefined ? { reference: req.reference } : {}),
      ...(req.merchant_reference !== undefined ? { merchant_reference: req.merchant_reference } : {}),
      ...(original?.rrn ? { original_rrn: original.rrn } : {}),
      ...(original ? { original_txid: original.txid } : {}),
    });
    let finish: (t: PosTransaction) => void = () => undefined;
    const done = new Promise<PosTransaction>((resolve) => (finish = resolve));
    const cardPresent = req.kind === 'sale' || (req.kind === 'refund' && original === undefined);
    const live: LiveRun = { tx, stage: cardPresent ? 'waiting_for_card' : 'processing', timer: null, finish, abortable: cardPresent };
    this.#live = live;
    this.#enter(live, live.stage);
    if (cardPresent) this.#cardStage(live, rule);
    else this.#authStage(live, 'approve');
    const run: PosRun = {
      txid: tx.txid,
      request: req,
      stage: () => live.stage,
      done,
      answerLost: lost,
      abort: () => this.#abort(live),
    };
    return { kind: 'started', run };
  }

  /**
   * Record a request the bank refused after it was accepted (a refund of an unknown transaction, …) as a failed
   * transaction, so a status inquiry by its reference answers it.
   */
  recordRefused(req: StartRequest, r: PosRefusal): PosTransaction {
    return this.#memory.record({
      txid: randomUUID(),
      kind: req.kind,
      state: 'failed',
      amount_cents: Math.max(0, req.amount_cents),
      approved: false,
      response_code: r.code,
      response_text: r.text,
      auth_code: null,
      rrn: null,
      stan: null,
      card_masked: null,
      card_brand: null,
      ...(req.reference !== undefined ? { reference: req.reference } : {}),
      ...(req.merchant_reference !== undefined ? { merchant_reference: req.merchant_reference } : {}),
    });
  }

  /** Abort the transaction in progress (from the ECR). False when nothing runs or the card was already read. */
  abortCurrent(): boolean {
    return this.#live ? this.#abort(this.#live) : false;
  }

  /** Close the batch: totals of approved, not voided sales and refunds. */
  settle(): PosTransaction | PosRefusal | { kind: 'silent' } {
    if (!this.isOnline()) return { kind: 'silent' };
    if (this.#live || this.faults.busy) return refused('BUSY', 'Terminal ocupat / Terminal busy');
    const totals = batchTotals(this.#memory.log, this.batch);
    return this.#memory.record({
      txid: randomUUID(),
      kind: 'settlement',
      state: 'approved',
      amount_cents: totals.total_cents - totals.refunds_cents,
      approved: true,
      response_code: '00',
      response_text: 'Lot închis / Batch closed',
      auth_code: null,
      rrn: null,
      stan: null,
      card_masked: null,
      card_brand: null,
      totals,
    });
  }

  findByReference(reference: string): PosTransaction | null {
    return this.#memory.findByReference(reference);
  }

  findByTxid(txid: string): PosTransaction | null {
    return this.#memory.findByTxid(txid);
  }

  findApproved(ref: OriginalRef): PosTransaction | null {
    return this.#memory.findApproved(ref);
  }

  /** A sale or refund cancelled by a void, or a sale refunded in full. */
  isReversed(txid: string): boolean {
    return this.#memory.isReversed(txid);
  }

  /** Cut the power now: what runs is never approved; the log keeps it "in progress" until power-on. */
  powerOff(): void {
    if (!this.#powered) return;
    this.#powered = false;
    const live = this.#live;
    if (live?.timer) clearTimeout(live.timer);
    this.#live = null;
    for (const l of this.#powerListeners) l(false);
  }

  /** Power on: the log is read again; a transaction left in progress is recorded as interrupted. */
  powerOn(): void {
    if (this.#powered) return;
    this.#powered = true;
    this.#memory.boot();
    for (const l of this.#powerListeners) l(true);
  }

  #cardStage(live: LiveRun, rule: PosRule): void {
    this.#after(live, this.delays.card_ms, () => {
      if (rule === 'cancel') return this.#final(live, 'cancelled', OUTCOME_TEXT.cancelled);
      if (rule === 'card_timeout') return this.#final(live, 'timeout', OUTCOME_TEXT.timeout);
      live.tx = this.#memory.write({ ...live.tx, ...cardOf() });
      if (live.tx.kind === 'sale' && live.tx.amount_cents > this.rules.pin_above_cents) {
        this.#enter(live, 'pin');
        return this.#after(live, this.delays.pin_ms, () => this.#toAuth(live, rule));
      }
      this.#toAuth(live, rule);
    });
  }

  #toAuth(live: LiveRun, rule: PosRule): void {
    live.abortable = false;
    this.#enter(live, 'processing');
    this.#authStage(live, rule);
  }

  #authStage(live: LiveRun, rule: PosRule): void {
    live.abortable = false;
    this.#after(live, this.delays.auth_ms, () => {
      if (rule === 'decline') return this.#final(live, 'declined', OUTCOME_TEXT.insufficient);
      if (rule === 'over_limit') return this.#final(live, 'declined', OUTCOME_TEXT.over_limit);
      this.#final(live, 'approved', OUTCOME_TEXT.approved);
    });
  }

  #abort(live: LiveRun): boolean {
    if (this.#live !== live || !live.abortable) return false;
    if (live.timer) clearTimeout(live.timer);
    this.#final(live, 'cancelled', OUTCOME_TEXT.aborted);
    return true;
  }

  #after(live: LiveRun, ms: number, fn: () => void): void {
    live.timer = setTimeout(() => {
      live.timer = null;
      if (this.#live === live) fn();
    }, ms);
  }

  #enter(live: LiveRun, stage: PosStage): void {
    live.stage = stage;
    for (const l of this.#stageListeners) l(live.tx.txid, stage, structuredClone(live.tx));
    if (this.faults.power_cut_at === stage && stage !== 'approved') {
      this.faults.power_cut_at = null;
      this.powerOff();
    }
  }

  #final(live: LiveRun, state: Exclude<PosTxState, 'in_progress'>, answer: { code: string; text: string }): void {
    const approved = state === 'approved';
    const rrn = approved ? this.#memory.nextRrn() : null;
    live.tx = this.#memory.write({
      ...live.tx,
      state,
      approved,
      response_code: answer.code,
      response_text: answer.text,
      auth_code: approved ? randomInt(0, 1_000_000).toString().padStart(6, '0') : null,
      rrn,
      stan: rrn ? rrn.slice(-6) : null,
    });
    const stage: PosStage = state === 'interrupted' || state === 'failed' ? 'declined' : state;
    this.#live = null;
    live.stage = stage;
    for (const l of this.#stageListeners) l(live.tx.txid, stage, structuredClone(live.tx));
    if (this.faults.power_cut_at === 'approved' && approved) {
      this.faults.power_cut_at = null;
      this.powerOff();
      return; // the answer never leaves the terminal
    }
    live.finish(structuredClone(live.tx));
  }
}

function refused(code: PosRefusal['code'], text: string): PosRefusal {
  return { kind: 'refused', code, text };
}
