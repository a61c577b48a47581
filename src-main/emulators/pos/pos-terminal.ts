/**
 * The simulated card terminal: sales, refunds, voids and batch settlement, decided by amount rules (by default a
 * "…51" amount is declined for insufficient funds and a "…52" amount never gets an answer). Every answered
 * transaction is appended to `transactions.jsonl` in its state directory (fsync'ed), and the terminal rebuilds its
 * batch and counters from that file on start. `stateDir` undefined = memory only.
 */
import { randomInt } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { toLocalIso } from '../virtual-register/register-clock.js';
import { DECLINE_TEXT, DEFAULT_POS_RULES, ruleFor, type PosAnswer, type PosRules, type PosTransaction } from './pos-types.js';

export const POS_LOG_FILE = 'transactions.jsonl';

export interface PosTerminalOptions {
  stateDir?: string;
  terminalId?: string;
  rules?: Partial<PosRules>;
  now?: () => Date;
}

export class PosTerminal {
  readonly terminalId: string;
  readonly rules: PosRules;
  private readonly log: PosTransaction[] = [];
  private readonly file: string | undefined;
  private readonly now: () => Date;
  private online = true;

  constructor(opts: PosTerminalOptions = {}) {
    this.terminalId = opts.terminalId ?? 'FC' + randomInt(0, 1_000_000).toString().padStart(6, '0');
    this.rules = { ...DEFAULT_POS_RULES, ...opts.rules };
    this.now = opts.now ?? (() => new Date());
    if (opts.stateDir !== undefined) {
      mkdirSync(opts.stateDir, { recursive: true });
      this.file = join(opts.stateDir, POS_LOG_FILE);
      if (existsSync(this.file)) this.load(this.file);
    }
  }

  /** Batch number now open (settlements so far + 1). */
  get batch(): number {
    return this.log.filter((t) => t.kind === 'settlement').length + 1;
  }

  isOnline(): boolean {
    return this.online;
  }

  /** Fault: the terminal stops answering (false) or comes back (true). */
  setOnline(online: boolean): void {
    this.online = online;
  }

  transactions(): PosTransaction[] {
    return structuredClone(this.log);
  }

  sale(amount_cents: number, reference?: string): PosAnswer {
    return this.payment('sale', amount_cents, { ...(reference !== undefined ? { reference } : {}) });
  }

  refund(amount_cents: number, original_rrn?: string): PosAnswer {
    if (original_rrn !== undefined && !this.log.some((t) => t.kind === 'sale' && t.approved && t.rrn === original_rrn)) {
      return { kind: 'error', code: 'NOT_FOUND', text: 'Tranzacția originală nu există / Original transaction not found' };
    }
    return this.payment('refund', amount_cents, { ...(original_rrn !== undefined ? { original_rrn } : {}) });
  }

  /** Void a sale or refund of the open batch: by RRN, or the last one when no RRN is given. */
  void(rrn?: string): PosAnswer {
    if (!this.online) return { kind: 'no_answer' };
    const voided = this.voidedRrns();
    const batch = this.batch;
    const candidates = this.log.filter((t) => (t.kind === 'sale' || t.kind === 'refund') && t.approved && t.rrn !== null);
    const target = rrn === undefined ? candidates.filter((t) => t.batch === batch && !voided.has(t.rrn ?? '')).pop() : candidates.find((t) => t.rrn === rrn);
    if (!target) return { kind: 'error', code: 'NOT_FOUND', text: 'Tranzacție inexistentă / Transaction not found' };
    if (voided.has(target.rrn ?? '')) return { kind: 'error', code: 'ALREADY_VOIDED', text: 'Tranzacție deja anulată / Already voided' };
    if (target.batch !== batch) return { kind: 'error', code: 'BATCH_CLOSED', text: 'Lotul a fost închis; faceți un retur / Batch closed; make a refund' };
    const tx = this.append({
      kind: 'void',
      amount_cents: target.amount_cents,
      approved: true,
      response_code: '00',
      response_text: 'Aprobat / Approved',
      auth_code: authCode(),
      rrn: target.rrn,
      card_masked: target.card_masked,
      original_rrn: target.rrn ?? '',
    });
    return { kind: 'answer', tx };
  }

  /** Close the batch: totals of approved, not voided sales and refunds. */
  settlement(): PosAnswer {
    if (!this.online) return { kind: 'no_answer' };
    const batch = this.batch;
    const voided = this.voidedRrns();
    const live = this.log.filter((t) => t.batch === batch && t.approved && !voided.has(t.rrn ?? ''));
    const sales = live.filter((t) => t.kind === 'sale');
    const refunds = live.filter((t) => t.kind === 'refund');
    const totals = {
      count: sales.length,
      total_cents: sales.reduce((s, t) => s + t.amount_cents, 0),
      refunds_cents: refunds.reduce((s, t) => s + t.amount_cents, 0),
    };
    const tx = this.append({
      kind: 'settlement',
      amount_cents: totals.total_cents - totals.refunds_cents,
      approved: true,
      response_code: '00',
      response_text: 'Lot închis / Batch closed',
      auth_code: null,
      rrn: null,
      card_masked: null,
      totals,
    });
    return { kind: 'answer', tx };
  }

  /** The last sale made with this reference, if any (answered sales only). */
  findByReference(reference: string): PosTransaction | null {
    const found = this.log.filter((t) => t.kind === 'sale' && t.reference === reference).pop();
    return found ? structuredClone(found) : null;
  }

  isVoided(rrn: string): boolean {
    return this.voidedRrns().has(rrn);
  }

  private payment(kind: 'sale' | 'refund', amount: number, extra: Partial<PosTransaction>): PosAnswer {
    if (!this.online) return { kind: 'no_answer' };
    if (!Number.isInteger(amount) || amount < 1) return { kind: 'error', code: 'INVALID_AMOUNT', text: 'Sumă invalidă / Invalid amount' };
    const rule = ruleFor(amount, this.rules);
    if (rule === 'no_answer') return { kind: 'no_answer' };
    const card = `************${randomInt(0, 10_000).toString().padStart(4, '0')}`;
    const approved = rule === 'approve';
    const tx = this.append({
      kind,
      amount_cents: amount,
      approved,
      response_code: approved ? '00' : '51',
      response_text: approved ? 'Aprobat / Approved' : DECLINE_TEXT,
      auth_code: approved ? authCode() : null,
      rrn: this.nextRrn(),
      card_masked: card,
      ...extra,
    });
    return { kind: 'answer', tx };
  }

  private append(t: Omit<PosTransaction, 'seq' | 'datetime' | 'batch'>): PosTransaction {
    const tx: PosTransaction = { seq: this.log.length + 1, datetime: toLocalIso(this.now()), batch: this.batch, ...t };
    if (this.file !== undefined) {
      const fd = openSync(this.file, 'a');
      try {
        writeSync(fd, JSON.stringify(tx) + '\n');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    this.log.push(tx);
    return structuredClone(tx);
  }

  /** 12-digit retrieval reference: YYMMDD + 6-digit sequence. */
  private nextRrn(): string {
    const d = toLocalIso(this.now());
    return d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10) + (this.log.length + 1).toString().padStart(6, '0');
  }

  private voidedRrns(): Set<string> {
    return new Set(this.log.filter((t) => t.kind === 'void').map((t) => t.original_rrn ?? ''));
  }

  private load(file: string): void {
    const text = readFileSync(file, 'utf8');
    let good = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        this.log.push(JSON.parse(line) as PosTransaction);
        good += Buffer.byteLength(line) + 1;
      } catch {
        break; // torn last line after a crash
      }
    }
    if (good < Buffer.byteLength(text)) {
      // Rewrite without the torn tail so later appends stay parseable.
      const fd = openSync(file, 'w');
      try {
        for (const t of this.log) writeSync(fd, JSON.stringify(t) + '\n');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
}

function authCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

