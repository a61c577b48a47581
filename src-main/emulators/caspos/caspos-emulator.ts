/**
 * The Caspos device emulator (seed 004) over the virtual register: one request at a time, as a device does.
 * Order of checks for every request: valid JSON and a known operation (1002, 1200) → integration enabled (403) →
 * session (401; toLogin opens it with the configured user) → injected faults → printer (999) → a repeated
 * documentUUID answers the first document (code 1, across restarts) → shift open (503) and under 24 hours (504)
 * → the operation's own checks → print on the register, record, persist → answer (maybe late or lost).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CasposJsonError, isJObject, parseCasposJson, type JObject } from '../../protocols/caspos/json-read.js';
import { writeCasposJson, type WValue } from '../../protocols/caspos/json-write.js';
import { SEED_MESSAGES } from '../../protocols/caspos/errors.js';
import { VirtualRegister, type VirtualRegisterOptions } from '../virtual-register/virtual-register.js';
import { documentAnswer, successMessage } from './answer-shapes.js';
import { REGISTER_VAT_RATES } from './doc-common.js';
import type { DocContext, DocResult } from './doc-context.js';
import { cash, correction, rollBack } from './doc-other.js';
import { creditPay, moneyBack, prepayment, sale } from './doc-sales.js';
import { CasposFaults } from './faults.js';
import { initialLedger, LedgerStore, type LedgerState } from './ledger.js';
import { queries, type QueryContext } from './queries.js';
import { Fields, Refusal } from './request-reader.js';

export interface CasposEmulatorOptions {
  /** Directory for the ledger and the register's files; undefined = memory only. */
  stateDir?: string;
  username?: string;
  password?: string;
  /** Number of the first document (default 1) and of the first shift (default 1). */
  firstDocNumber?: number;
  firstShift?: number;
  register?: VirtualRegisterOptions;
}

export type EmulatorReply = { kind: 'answer'; body: string; delayMs: number } | { kind: 'drop' } | { kind: 'hang' };

/** Documents: need an open shift under 24 hours and the printer, carry a documentUUID. */
const DOCUMENTS: Record<string, (c: DocContext) => DocResult> = {
  sale,
  moneyBack,
  credit: creditPay,
  prepayment: (c) => prepayment(c, false),
  prepaymentProducts: (c) => prepayment(c, true),
  correction,
  rollBack,
  deposit: (c) => cash(c, 'deposit'),
  withDraw: (c) => cash(c, 'withdraw'),
};
const PRINTING = new Set([
  ...Object.keys(DOCUMENTS),
  'closeShift',
  'getXReport',
  'printLastCheque',
  'openCashbox',
  'isConnectedPrinter',
  'openShift',
]);
const KNOWN = new Set([...Object.keys(DOCUMENTS), ...Object.keys(queries), 'toLogin', 'toLogout']);
const DAY_MS = 24 * 3600_000;

export class CasposEmulator {
  readonly register: VirtualRegister;
  readonly faults = new CasposFaults();
  readonly requests: Array<{ operation: string; body: string }> = [];
  integrationEnabled = true;
  #state: LedgerState;
  #session: string | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #store: LedgerStore;
  readonly #creds: { username: string; password: string };

  constructor(opts: CasposEmulatorOptions = {}) {
    this.register = new VirtualRegister({
      ...opts.register,
      ...(opts.stateDir ? { stateDir: join(opts.stateDir, 'register') } : {}),
      identity: {
        model: 'SUNMI V1S',
        firmware: 'Versiya: 1.0.7.0',
        vat_rates: REGISTER_VAT_RATES,
        ...opts.register?.identity,
      },
    });
    this.#store = new LedgerStore(opts.stateDir);
    const code = this.register.identity().serial.slice(-5);
    this.#state = this.#store.load() ?? initialLedger(code, opts.firstDocNumber ?? 1, opts.firstShift ?? 1);
    this.#creds = { username: opts.username ?? 'username', password: opts.password ?? 'password' };
  }

  /** A copy of the ledger (tests: the documents, the shift). */
  state(): LedgerState {
    return structuredClone(this.#state);
  }

  /** The register's clock (local ISO). */
  now(): string {
    return this.register.status().datetime;
  }

  /** Forget the session token, as when it expires on the device: the next request gets 401. */
  expireToken(): void {
    this.#session = null;
  }

  get sessionActive(): boolean {
    return this.#session !== null;
  }

  /** Handle one request body; requests are processed one at a time. */
  handle(body: string): Promise<EmulatorReply> {
    const run = this.#queue.then(() => this.#handle(body));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #handle(body: string): EmulatorReply {
    let req: JObject;
    try {
      const v = parseCasposJson(body, { lenient: false });
      if (!isJObject(v)) throw new CasposJsonError('not an object', 0);
      req = v;
    } catch (e) {
      return this.#answer(1002, '', null, e instanceof Error ? e.message : undefined);
    }
    const op = typeof req.operation === 'string' ? req.operation : '';
    this.requests.push({ operation: op, body });
    if (!KNOWN.has(op)) return this.#answer(1200, op, null, `operation "${op}"`);
    if (!this.integrationEnabled) return this.#answer(403, op);
    const top = new Fields(req, 'request');
    try {
      const auth = this.#auth(op, top);
      if (auth) return auth;
      const forced = this.faults.takeForced(op);
      if (forced) return this.#answer(forced.code, op, null, forced.message);
      if (PRINTING.has(op) && !this.faults.printerConnected)
        return this.#answer(999, op, null, 'Printer is not connected');
      const data = isJObject(req.data) ? new Fields(req.data) : new Fields({});
      const uuid = data.text('documentUUID', { max: 100 }) ?? null;
      if (uuid !== null && (op in DOCUMENTS || op === 'closeShift')) {
        const first = this.#state.answers[uuid];
        if (first !== undefined)
          return this.#reply(op, 1, parseCasposJson(first, { lenient: false }) as unknown as WValue, SEED_MESSAGES[1]);
      }
      const doc = DOCUMENTS[op];
      if (doc) return this.#document(op, doc, data, top, uuid);
      const query = queries[op] as (c: QueryContext) => Record<string, WValue> | null;
      const draft = structuredClone(this.#state);
      const result = query({
        state: draft,
        register: this.register,
        data,
        top,
        now: this.now(),
        uuid,
        cashOnOpen: (sum) => this.#cashOnOpen(draft, sum),
      });
      this.#commit(draft, uuid, op === 'closeShift' ? result : null);
      return this.#reply(op, 0, result);
    } catch (e) {
      if (e instanceof Refusal) return this.#reply(op, e.code, null, e.message, false);
      throw e;
    }
  }

  #auth(op: string, top: Fields): EmulatorReply | null {
    const u = top.text('username');
    const p = top.text('password');
    const wrong = (u !== undefined && u !== this.#creds.username) || (p !== undefined && p !== this.#creds.password);
    if (op === 'toLogin') {
      if (wrong || u === undefined || p === undefined) return this.#answer(401, op);
      this.#session = randomBytes(16).toString('base64');
      return this.#reply(op, 0, { access_token: this.#session });
    }
    if (wrong || this.#session === null) return this.#answer(401, op);
    if (op === 'toLogout') {
      this.#session = null;
      return this.#reply(op, 0, null);
    }
    return null;
  }

  #document(
    op: string,
    handler: (c: DocContext) => DocResult,
    data: Fields,
    top: Fields,
    uuid: string | null,
  ): EmulatorReply {
    const s = this.#state;
    if (!s.shift.open || s.shift.opened_at === null) return this.#answer(503, op);
    const now = this.now();
    if (Date.parse(now) - Date.parse(s.shift.opened_at) >= DAY_MS) return this.#answer(504, op);
    const draft = structuredClone(s);
    // cashierName sits in `data` for most documents, at the top level for correction and rollBack (as in the seed).
    data.text('cashierName', { max: 100, code: 608 });
    top.text('cashierName', { max: 100, code: 608 });
    const { doc, bank } = handler({
      state: draft,
      register: this.register,
      now,
      uuid,
      tag: `caspos:${uuid ?? 'none'}:${op}`,
      data,
      top,
    });
    const answer = documentAnswer(doc, bank);
    this.#commit(draft, uuid, answer);
    return this.#reply(op, 0, answer);
  }

  /** openShift's initial deposit: a deposit document of the new shift. */
  #cashOnOpen(draft: LedgerState, sum: number): void {
    cash(
      {
        state: draft,
        register: this.register,
        now: this.now(),
        uuid: null,
        tag: 'caspos:open-shift',
        data: new Fields({}),
        top: new Fields({}),
      },
      'deposit',
      sum,
    );
  }

  #commit(draft: LedgerState, uuid: string | null, answer: Record<string, WValue> | null): void {
    if (uuid !== null && answer !== null) draft.answers[uuid] = writeCasposJson(answer);
    this.#store.save(draft);
    this.#state = draft;
  }

  #answer(code: number, op: string, data: Record<string, WValue> | null = null, detail?: string): EmulatorReply {
    const message =
      code === 999
        ? `Error message: ${detail ?? ''}`.trim()
        : (SEED_MESSAGES[code] ?? 'Error message:') + (detail ? ` (${detail})` : '');
    return this.#reply(op, code, data, message, false);
  }

  /** The answer in the seed's shape; an executed request's answer may be delayed or lost (faults). */
  #reply(op: string, code: number, data: WValue | null, message?: string, executed = code === 0): EmulatorReply {
    const body = writeCasposJson({
      ...(data !== null ? { data } : {}),
      code: String(code),
      message: message ?? successMessage(op),
    });
    if (executed) {
      const lost = this.faults.takeLost(op);
      if (lost) return { kind: lost };
    }
    return { kind: 'answer', body, delayMs: this.faults.delayFor(op) };
  }
}
