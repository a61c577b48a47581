/**
 * The Viva Local Terminal API as the terminal answers it (docs/devices/viva-local.md): sale, refund (a same-day
 * refund of the full amount is a void), abort and session polling, over the virtual terminal. Decides what each
 * request gets; the HTTP endpoint only carries it.
 */
import { VIVA_EVENT } from '../../protocols/viva-local/event-ids.js';
import { AbortRequest, RefundRequest, SaleRequest, VIVA_PATHS, type StartAnswer } from '../../protocols/viva-local/messages.js';
import type { PosTerminal, StartRequest } from '../pos/pos-terminal.js';
import type { PosTransaction } from '../pos/pos-types.js';
import { sessionAnswer, sessionTypeOf } from './session-view.js';

export type ApiReply = { kind: 'json'; status: number; body: unknown } | { kind: 'hang' } | { kind: 'drop' };

export interface ApiFaults {
  /** Accept requests and never answer them. */
  hang: boolean;
  /** Close the connection on every request without answering. */
  drop: boolean;
  /** How long a session whose answer is lost drops its polls after it finished, ms. */
  answer_lost_ms: number;
}

const json = (status: number, body: unknown): ApiReply => ({ kind: 'json', status, body });
const wrongParameters = (message: string): ApiReply => json(400, { eventId: VIVA_EVENT.WRONG_PARAMETERS, message: `Wrong request parameters: ${message}` });

/** Viva's business day ends at 22:00 GMT+2 [S3]: the day a moment belongs to. */
export function businessDay(d: Date): string {
  return new Date(d.getTime() + 4 * 3600_000).toISOString().slice(0, 10);
}

export class TerminalApi {
  readonly faults: ApiFaults = { hang: false, drop: false, answer_lost_ms: 3000 };
  readonly #aborts = new Set<string>();
  readonly #lostUntil = new Map<string, number>();

  constructor(
    readonly terminal: PosTerminal,
    private readonly now: () => Date = () => new Date(),
  ) {}

  handle(method: string, path: string, body: unknown): ApiReply {
    if (this.faults.hang) return { kind: 'hang' };
    if (this.faults.drop) return { kind: 'drop' };
    if (method === 'GET' && path.startsWith(VIVA_PATHS.sessionPrefix)) {
      return this.#session(decodeURIComponent(path.slice(VIVA_PATHS.sessionPrefix.length)));
    }
    if (method === 'POST' && path === VIVA_PATHS.sale) return this.#sale(body);
    if (method === 'POST' && path === VIVA_PATHS.refund) return this.#refund(body);
    if (method === 'POST' && path === VIVA_PATHS.abort) return this.#abort(body);
    const known = [VIVA_PATHS.sale, VIVA_PATHS.refund, VIVA_PATHS.abort].includes(path as never);
    return known ? json(405, { message: `${method} not allowed on ${path}` }) : json(404, { message: `no such endpoint ${path}` });
  }

  #session(sessionId: string): ApiReply {
    const tx = this.terminal.findByReference(sessionId);
    if (!tx) return json(404, { state: 'SESSION_NOT_FOUND_ERROR', sessionId });
    const lost = this.#lostUntil.get(sessionId);
    if (lost !== undefined && tx.state !== 'in_progress') {
      if (Date.now() < lost) return { kind: 'drop' };
      this.#lostUntil.delete(sessionId);
    }
    return json(200, sessionAnswer(sessionId, tx, this.terminal.terminalId, this.#aborts.has(sessionId)));
  }

  #sale(body: unknown): ApiReply {
    const p = SaleRequest.safeParse(body);
    if (!p.success) return wrongParameters(p.error.issues.map((i) => i.path.join('.') || 'body').join(', '));
    const req: StartRequest = {
      kind: 'sale',
      amount_cents: p.data.amount,
      reference: p.data.sessionId,
      ...(p.data.merchantReference !== undefined ? { merchant_reference: p.data.merchantReference } : {}),
    };
    return this.#start(req, 'SALE');
  }

  #refund(body: unknown): ApiReply {
    const p = RefundRequest.safeParse(body);
    if (!p.success) return wrongParameters(p.error.issues.map((i) => i.path.join('.') || 'body').join(', '));
    const r = p.data;
    const base = {
      amount_cents: r.amount,
      reference: r.sessionId,
      ...(r.merchantReference !== undefined ? { merchant_reference: r.merchantReference } : {}),
    };
    const original = this.terminal.findByTxid(r.transactionId);
    const req: StartRequest =
      original && this.#voidable(original, r.amount)
        ? { ...base, kind: 'void', original: { txid: original.txid } }
        : { ...base, kind: 'refund', original: { txid: r.transactionId } };
    return this.#start(req, 'CANCEL');
  }

  /** A same-business-day cancel of the full amount is a void; anything else a refund [S3]. */
  #voidable(original: PosTransaction, amount: number): boolean {
    if (original.kind !== 'sale' || original.state !== 'approved' || amount !== original.amount_cents) return false;
    if (this.terminal.isReversed(original.txid)) return false;
    return businessDay(new Date(original.datetime)) === businessDay(this.now());
  }

  #start(req: StartRequest, type: StartAnswer['sessionType']): ApiReply {
    const sessionId = req.reference ?? '';
    const a = this.terminal.start(req);
    if (a.kind === 'silent') return { kind: 'hang' };
    if (a.kind === 'refused') {
      if (a.code === 'BUSY') return json(200, { state: 'BUSY_ERROR', sessionId, sessionType: type } satisfies StartAnswer);
      if (a.code === 'REFERENCE_USED') return wrongParameters('sessionId was already used');
      if (a.code === 'INVALID_AMOUNT' && req.kind === 'sale') return wrongParameters('amount');
      // The bank refuses it: the session exists and reads FAILURE.
      this.terminal.recordRefused(req, a);
      return json(200, { state: 'PROCESSING', sessionId, sessionType: type } satisfies StartAnswer);
    }
    if (a.run.answerLost) {
      void a.run.done.then(() => this.#lostUntil.set(sessionId, Date.now() + this.faults.answer_lost_ms));
    }
    return json(200, { state: 'PROCESSING', sessionId, sessionType: type } satisfies StartAnswer);
  }

  #abort(body: unknown): ApiReply {
    const p = AbortRequest.safeParse(body);
    if (!p.success) return wrongParameters('sessionId');
    const sessionId = p.data.sessionId;
    const current = this.terminal.current();
    if (!current || current.reference !== sessionId) {
      return json(200, { state: 'SESSION_NOT_FOUND_ERROR', sessionId, sessionType: 'SALE' } satisfies StartAnswer);
    }
    this.#aborts.add(sessionId);
    this.terminal.abortCurrent();
    return json(200, { state: 'PROCESSING', sessionId, sessionType: sessionTypeOf(current) } satisfies StartAnswer);
  }

  /** Power-on: what was only in memory (abort flags, lost-answer windows) is gone. */
  reset(): void {
    this.#aborts.clear();
    this.#lostUntil.clear();
  }
}
