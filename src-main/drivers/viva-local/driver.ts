/**
 * Viva.com Local Terminal API driver (docs/devices/viva-local.md): sale, referenced refund, void (a same-day refund
 * of the full amount), abort, status inquiry by the ECR's reference, liveness. The session id is derived from the
 * ECR reference, so a payment whose answer was lost is found again by reading its session, never started twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { PosCapability, PosDriver, PosExecContext } from '../../domain/driver-contract.js';
import { DeviceError } from '../../domain/error-codes.js';
import type { PosDriverOperation } from '../../domain/operations.js';
import type { PosInquiry, PosOutcome, PosResult, PosResultAny } from '../../domain/results.js';
import { VIVA_PATHS } from '../../protocols/viva-local/messages.js';
import { answeredAmount } from '../../protocols/viva-local/session-verdict.js';
import { FISCOOL_SESSION_NAMESPACE, uuidBytes, uuidV5FromDigest } from '../../protocols/viva-local/session-id.js';
import { vivaSlip } from '../../protocols/viva-local/slip.js';
import type { Endpoint } from './http-json.js';
import type { VivaLocalOptions } from './options.js';
import { SessionClient, type Final } from './session-client.js';

export const VIVA_LOCAL_CAPABILITIES: ReadonlySet<PosCapability> = new Set<PosCapability>([
  'sale',
  'refund_referenced',
  'void_referenced',
  'abort',
  'transaction_status',
  'get_status',
]);

/** The Viva session id of an ECR reference (UUID version 5 in FisCool's namespace). */
export function sessionIdFor(reference: string): string {
  const h = createHash('sha1');
  h.update(uuidBytes(FISCOOL_SESSION_NAMESPACE));
  h.update(reference, 'utf8');
  return uuidV5FromDigest(h.digest());
}

const OUTCOME: Record<Final['cls'], PosOutcome> = {
  approved: 'approved',
  declined: 'declined',
  cancelled: 'cancelled',
  timeout: 'timeout',
  busy: 'busy',
  offline: 'error',
  rejected: 'error',
};

type Money = { kind: 'sale' | 'refund' | 'void'; reference: string; amount: number; path: string; body: Record<string, unknown> };

export class VivaLocalDriver implements PosDriver {
  readonly family = 'viva-local';
  readonly capabilities = VIVA_LOCAL_CAPABILITIES;
  readonly #client: SessionClient;
  #current: { sessionId: string; reference: string } | null = null;
  #tid: string;

  constructor(
    endpoint: Endpoint,
    readonly options: VivaLocalOptions,
  ) {
    this.#client = new SessionClient(endpoint, options);
    this.#tid = options.terminal_id ?? `viva@${endpoint.host}:${endpoint.port}`;
  }

  async connect(): Promise<{ terminal_id: string }> {
    await this.ping();
    return { terminal_id: this.#tid };
  }

  async disconnect(): Promise<void> {
    // one HTTP request per call: nothing stays open
  }

  async ping(): Promise<void> {
    await this.#client.probe(randomUUID());
  }

  async execute(op: PosDriverOperation, ctx: PosExecContext): Promise<PosResultAny> {
    const reference = ('reference' in op && op.reference) || ctx.jobId;
    switch (op.type) {
      case 'sale':
        return this.#money({ kind: 'sale', reference, amount: op.amount, path: VIVA_PATHS.sale, body: { amount: op.amount } }, ctx);
      case 'refund': {
        const transactionId = op.original_transaction_id ?? op.original?.transaction_id ?? null;
        if (!transactionId) throw this.#needsTransaction(op.original_rrn ?? op.original?.rrn ?? null, 'refund');
        const body = { amount: op.amount, transactionId };
        return this.#money({ kind: 'refund', reference, amount: op.amount, path: VIVA_PATHS.refund, body }, ctx);
      }
      case 'void': {
        const o = op.original;
        const transactionId = op.transaction_id ?? o?.transaction_id ?? null;
        if (o?.kind === 'refund') throw new DeviceError('NOT_SUPPORTED', 'the Viva Local Terminal API cannot void a refund');
        if (!transactionId) throw this.#needsTransaction(op.rrn ?? o?.rrn ?? null, 'void');
        if (!o?.amount_cents) throw new DeviceError('DEVICE_REJECTED', 'the amount of the transaction to void is not known to FisCool', { deviceError: { code: 'NOT_FOUND' } });
        const body = { amount: o.amount_cents, transactionId };
        return this.#money({ kind: 'void', reference, amount: o.amount_cents, path: VIVA_PATHS.refund, body }, ctx);
      }
      case 'abort': {
        const c = this.#current;
        if (!c) return { requested: false, in_progress: false };
        return { requested: await this.#client.abort(c.sessionId), in_progress: true, reference: c.reference };
      }
      case 'transaction_status':
        return this.inquire(op.reference);
      case 'get_status': {
        let online = true;
        await this.ping().catch(() => (online = false));
        return { online, busy: this.#current !== null, terminal_id: this.#tid };
      }
      case 'settlement':
        throw new DeviceError('NOT_SUPPORTED', 'Viva closes the business day by itself (22:00 GMT+2); the Local Terminal API has no settlement call');
    }
  }

  async inquire(reference: string): Promise<PosInquiry> {
    let v;
    try {
      v = await this.#client.read(sessionIdFor(reference));
    } catch (e) {
      throw new DeviceError('POS_UNREACHABLE', `the card terminal does not answer: ${(e as Error).message}`);
    }
    if (v.kind === 'not_found') return { reference, state: 'not_found' };
    if (v.kind === 'in_progress') return { reference, state: 'in_progress' };
    if (v.kind === 'unknown') throw new DeviceError('POS_UNREACHABLE', `the terminal's answer says nothing about the payment: ${v.detail}`);
    const kind = v.response?.transactionTypeId === 4 ? 'refund' : 'sale';
    const tx = this.#result(v, { kind, reference, amount: v.response?.amount ?? 0 });
    const state: PosInquiry['state'] =
      v.cls === 'approved' ? 'approved' : v.cls === 'declined' ? 'declined' : v.cls === 'cancelled' ? 'cancelled' : v.cls === 'timeout' ? 'timeout' : 'failed';
    return { reference, state, transaction: tx };
  }

  async #money(m: Money, ctx: PosExecContext): Promise<PosResult> {
    const prompt = ctx.prompt ?? (() => undefined);
    const sessionId = sessionIdFor(m.reference);
    // A reference starts at most one session: if the terminal already knows it, report, never start again.
    let existing;
    try {
      existing = await this.#client.read(sessionId);
    } catch (e) {
      throw new DeviceError('POS_UNREACHABLE', `the card terminal does not answer: ${(e as Error).message}`);
    }
    if (existing.kind === 'unknown') throw new DeviceError('POS_UNREACHABLE', `the terminal answered oddly: ${existing.detail}`);
    if (existing.kind !== 'not_found') {
      throw new DeviceError('DEVICE_REJECTED', `the reference ${m.reference} was already used for a transaction on this terminal`, {
        deviceError: { code: 'REFERENCE_USED', text: 'ask transaction_status for it' },
      });
    }
    const body = {
      sessionId,
      ...m.body,
      currencyCode: this.options.currency_code,
      merchantReference: m.reference,
      showTransactionResult: this.options.show_transaction_result,
      showReceipt: this.options.show_receipt,
    };
    this.#current = { sessionId, reference: m.reference };
    try {
      await this.#client.start(m.path, body);
      prompt({ stage: m.kind === 'sale' ? 'waiting_for_card' : 'processing' });
      const { final, timedOut } = await this.#client.follow(sessionId, prompt);
      const result = this.#result(final, m);
      if (final.cls === 'approved') {
        prompt({ stage: 'approved' });
        return result;
      }
      throw this.#notApproved(final, result, timedOut, prompt);
    } finally {
      this.#current = null;
    }
  }

  #result(f: Final, m: Pick<Money, 'kind' | 'reference' | 'amount'>): PosResult {
    const r = f.response;
    const approved = f.cls === 'approved';
    const amount = answeredAmount(r, m.amount);
    if (approved && r?.tid) this.#tid = r.tid;
    return {
      approved,
      auth_code: r?.authorizationId ?? null,
      rrn: r?.retrievalReferenceNumber ?? null,
      card_masked: r?.primaryAccountNumberMasked ?? null,
      terminal_id: r?.tid ?? this.#tid,
      receipt_text: vivaSlip(r, { kind: m.kind, amount_cents: amount, approved, eventId: f.eventId, message: f.message }),
      amount_cents: amount,
      response_text: f.message,
      response_code: String(f.eventId),
      outcome: OUTCOME[f.cls],
      kind: m.kind,
      reference: m.reference,
      transaction_id: r?.transactionId ?? null,
      stan: r?.referenceNumber ?? null,
      card_brand: r?.applicationLabel ?? null,
      ...(r?.transactionDate ? { datetime: r.transactionDate } : {}),
    };
  }

  #notApproved(f: Final, pos: PosResult, timedOut: boolean, prompt: NonNullable<PosExecContext['prompt']>): DeviceError {
    const deviceError = { code: f.eventId, text: f.message };
    const opts = { deviceError, pos };
    switch (f.cls) {
      case 'declined':
        prompt({ stage: 'declined', detail: f.message });
        return new DeviceError('POS_DECLINED', f.message, opts);
      case 'cancelled':
        prompt({ stage: timedOut ? 'timeout' : 'cancelled', detail: f.message });
        return new DeviceError(timedOut ? 'POS_TIMEOUT' : 'POS_CANCELLED', f.message, opts);
      case 'timeout':
        prompt({ stage: 'timeout', detail: f.message });
        return new DeviceError('POS_TIMEOUT', f.message, opts);
      case 'busy':
        prompt({ stage: 'declined', detail: f.message });
        return new DeviceError('POS_BUSY', f.message, opts);
      case 'offline':
        prompt({ stage: 'declined', detail: f.message });
        return new DeviceError('POS_UNREACHABLE', `${f.message}: the terminal could not reach the bank; no money was taken`, opts);
      default:
        prompt({ stage: 'declined', detail: f.message });
        return new DeviceError('DEVICE_REJECTED', f.message, opts);
    }
  }

  #needsTransaction(rrn: string | null, what: 'refund' | 'void'): DeviceError {
    if (rrn === null && what === 'refund') {
      return new DeviceError('NOT_SUPPORTED', 'the Viva Local Terminal API documents no unreferenced refund: give the original card payment');
    }
    const known = rrn ? `the card payment with RRN ${rrn} is not in FisCool's journal` : 'no card payment to cancel was found';
    return new DeviceError('DEVICE_REJECTED', `${known}; give its Viva transaction id (original_transaction_id / transaction_id)`, {
      deviceError: { code: 'NOT_FOUND' },
    });
  }
}
