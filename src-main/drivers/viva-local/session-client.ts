/**
 * Talking to one Viva terminal: start a session (sale / refund), poll it to its end, read it by id, abort it.
 * The ECR chooses the session id, so a lost answer is recovered by reading the session again [S15][S17]; a start
 * request is never sent twice for one id.
 */
import { DeviceError } from '../../domain/error-codes.js';
import type { PosPromptUpdate } from '../../domain/pos-prompts.js';
import { sessionVerdict, type SessionVerdict } from '../../protocols/viva-local/session-verdict.js';
import { VIVA_PATHS } from '../../protocols/viva-local/messages.js';
import { requestJson, TransportError, type Endpoint } from './http-json.js';
import type { VivaLocalOptions } from './options.js';

export type Final = Extract<SessionVerdict, { kind: 'final' }>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SessionClient {
  constructor(
    readonly endpoint: Endpoint,
    readonly o: VivaLocalOptions,
  ) {}

  /** GET the session; throws TransportError when the terminal does not answer. */
  async read(sessionId: string): Promise<SessionVerdict> {
    const a = await requestJson(this.endpoint, 'GET', VIVA_PATHS.session(sessionId), undefined, this.o.request_timeout_ms);
    if (a.status === 404 && (a.body === null || typeof a.body !== 'object' || !('state' in a.body))) return { kind: 'not_found' };
    return sessionVerdict(a.body);
  }

  /** Liveness: any well-formed answer about a session nobody started. */
  async probe(sessionId: string): Promise<void> {
    try {
      const v = await this.read(sessionId);
      if (v.kind === 'unknown') throw new DeviceError('POS_UNREACHABLE', `the terminal answered oddly: ${v.detail}`);
    } catch (e) {
      if (e instanceof TransportError) throw new DeviceError('POS_UNREACHABLE', `the card terminal does not answer: ${e.message}`);
      throw e;
    }
  }

  /**
   * POST a start request. Resolves when the terminal took it (PROCESSING); throws a definitive DeviceError when it
   * provably started nothing, or POS_UNREACHABLE with mayHaveActed when that is unknown.
   */
  async start(path: string, body: Record<string, unknown>): Promise<void> {
    let a;
    try {
      a = await requestJson(this.endpoint, 'POST', path, body, this.o.request_timeout_ms);
    } catch (e) {
      const t = e as TransportError;
      if (!t.sent) throw new DeviceError('POS_UNREACHABLE', `the card terminal does not answer: ${t.message}`);
      throw new DeviceError('POS_UNREACHABLE', `the request reached the terminal but no answer came back: ${t.message}`, { mayHaveActed: true });
    }
    const b = (a.body ?? {}) as { state?: unknown; eventId?: unknown; message?: unknown };
    if (a.status >= 400 && a.status < 500) {
      const text = typeof b.message === 'string' ? b.message : `HTTP ${a.status}`;
      throw new DeviceError('DEVICE_REJECTED', text, { deviceError: { code: typeof b.eventId === 'number' ? b.eventId : a.status, text } });
    }
    if (a.status >= 200 && a.status < 300 && b.state === 'PROCESSING') return;
    if (b.state === 'BUSY_ERROR') throw new DeviceError('POS_BUSY', 'the terminal is busy with another transaction', { deviceError: { code: 'BUSY_ERROR' } });
    // SERVER_ERROR, 5xx or an unknown answer: nothing says whether the session started.
    throw new DeviceError('POS_UNREACHABLE', `the terminal answered ${String(b.state ?? a.status)} to the start request`, { mayHaveActed: true });
  }

  /**
   * Poll until the session ends. Past `sale_timeout_ms` the payment is aborted once; a terminal silent for
   * `lost_answer_ms`, or still unfinished `abort_grace_ms` after the abort, leaves the outcome in doubt.
   */
  async follow(sessionId: string, prompt: (p: PosPromptUpdate) => void): Promise<{ final: Final; timedOut: boolean }> {
    const started = Date.now();
    let lastAnswer = Date.now();
    let abortedAt: number | null = null;
    for (;;) {
      await sleep(this.o.poll_ms);
      let v: SessionVerdict;
      try {
        v = await this.read(sessionId);
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        if (Date.now() - lastAnswer > this.o.lost_answer_ms) {
          throw new DeviceError('POS_UNREACHABLE', `the terminal stopped answering during the payment: ${e.message}`, { mayHaveActed: true });
        }
        continue;
      }
      lastAnswer = Date.now();
      if (v.kind === 'final') return { final: v, timedOut: abortedAt !== null };
      if (v.kind === 'not_found') {
        throw new DeviceError('POS_UNREACHABLE', 'the terminal no longer knows the payment it started', { mayHaveActed: true });
      }
      if (abortedAt === null && Date.now() - started > this.o.sale_timeout_ms) {
        abortedAt = Date.now();
        prompt({ stage: 'timeout', detail: 'FisCool aborts the payment' });
        await this.abort(sessionId).catch(() => undefined);
      } else if (abortedAt !== null && Date.now() - abortedAt > this.o.abort_grace_ms) {
        throw new DeviceError('POS_UNREACHABLE', 'the payment did not end after it was aborted', { mayHaveActed: true });
      }
    }
  }

  /** POST abort: true when the terminal took it (the session then ends, or continues if the card was read). */
  async abort(sessionId: string): Promise<boolean> {
    try {
      const a = await requestJson(this.endpoint, 'POST', VIVA_PATHS.abort, { sessionId }, this.o.request_timeout_ms);
      return (a.body as { state?: unknown } | null)?.state === 'PROCESSING';
    } catch (e) {
      if (e instanceof TransportError) throw new DeviceError('POS_UNREACHABLE', `the card terminal does not answer: ${e.message}`);
      throw e;
    }
  }
}
