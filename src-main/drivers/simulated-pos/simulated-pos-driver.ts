/**
 * The simulated card-terminal driver: a PosDriver over the virtual terminal in the same process. Stages become
 * prompts; a terminal that stops making progress for `timeoutMs` (no answer, answer lost, power cut) throws
 * POS_UNREACHABLE with mayHaveActed, and the pipeline then asks `inquire`.
 */
import type { PosCapability, PosDriver, PosExecContext } from '../../domain/driver-contract.js';
import { POS_CAPABILITIES } from '../../domain/driver-contract.js';
import { DeviceError } from '../../domain/error-codes.js';
import type { PosDriverOperation } from '../../domain/operations.js';
import type { PosInquiry, PosResult, PosResultAny } from '../../domain/results.js';
import { PosTerminal, type StartAnswer, type StartRequest } from '../../emulators/pos/pos-terminal.js';
import type { PosTransaction } from '../../emulators/pos/pos-types.js';
import { refusalError, resultOf, settledError, stateOf } from './tx-mapping.js';

export const DEFAULT_POS_TIMEOUT_MS = 2000;

export class SimulatedPosDriver implements PosDriver {
  readonly family = 'simulated-pos';
  readonly capabilities: ReadonlySet<PosCapability> = new Set(POS_CAPABILITIES);

  constructor(
    readonly terminal: PosTerminal,
    readonly timeoutMs: number = DEFAULT_POS_TIMEOUT_MS,
  ) {}

  async connect(): Promise<{ terminal_id: string }> {
    await this.ping();
    return { terminal_id: this.terminal.terminalId };
  }

  async disconnect(): Promise<void> {
    // in-process: nothing to close
  }

  async ping(): Promise<void> {
    if (!this.terminal.isOnline()) throw new DeviceError('POS_UNREACHABLE', 'the simulated card terminal is offline');
  }

  async execute(op: PosDriverOperation, ctx: PosExecContext): Promise<PosResultAny> {
    switch (op.type) {
      case 'sale':
        return this.#run({ kind: 'sale', amount_cents: op.amount, ...(op.reference ? { reference: op.reference } : {}) }, ctx);
      case 'refund': {
        const txid = op.original_transaction_id ?? op.original?.transaction_id ?? undefined;
        const rrn = op.original_rrn ?? op.original?.rrn ?? undefined;
        const original = txid !== undefined || rrn !== undefined ? { ...(txid ? { txid } : {}), ...(rrn ? { rrn } : {}) } : undefined;
        return this.#run({ kind: 'refund', amount_cents: op.amount, ...(op.reference ? { reference: op.reference } : {}), ...(original ? { original } : {}) }, ctx);
      }
      case 'void': {
        const txid = op.transaction_id ?? op.original?.transaction_id ?? undefined;
        const rrn = op.rrn ?? op.original?.rrn ?? undefined;
        const original = txid !== undefined || rrn !== undefined ? { ...(txid ? { txid } : {}), ...(rrn ? { rrn } : {}) } : 'last';
        return this.#run({ kind: 'void', amount_cents: 0, original, ...(op.reference ? { reference: op.reference } : {}) }, ctx);
      }
      case 'abort': {
        const current = this.terminal.current();
        const requested = this.terminal.abortCurrent();
        return { requested, in_progress: current !== null, ...(current?.reference ? { reference: current.reference } : {}) };
      }
      case 'transaction_status':
        return this.inquire(op.reference);
      case 'settlement': {
        await this.ping();
        const s = this.terminal.settle();
        if (s.kind === 'silent') return this.#noAnswer();
        if (s.kind === 'refused') throw refusalError(s);
        const t = s.totals ?? { count: 0, total_cents: 0, refunds_cents: 0 };
        return { ...t, batch_number: s.batch };
      }
      case 'get_status':
        return { online: this.terminal.isOnline(), busy: this.terminal.current() !== null || this.terminal.faults.busy, terminal_id: this.terminal.terminalId };
    }
  }

  async inquire(reference: string): Promise<PosInquiry> {
    await this.ping();
    const tx = this.terminal.findByReference(reference);
    if (!tx) return { reference, state: 'not_found' };
    const state = stateOf(tx);
    return {
      reference,
      state,
      ...(state === 'approved' ? { reversed: this.terminal.isReversed(tx.txid) } : {}),
      ...(tx.state !== 'in_progress' ? { transaction: this.#result(tx) } : {}),
    };
  }

  #result(tx: PosTransaction): PosResult {
    return resultOf(tx, this.terminal.terminalId);
  }

  async #run(req: StartRequest, ctx: PosExecContext): Promise<PosResult> {
    const answer: StartAnswer = this.terminal.start(req);
    if (answer.kind === 'silent') return this.#noAnswer();
    if (answer.kind === 'refused') throw refusalError(answer);
    const run = answer.run;
    let timer: NodeJS.Timeout | undefined;
    let expire: () => void = () => undefined;
    const stalled = new Promise<never>((_, reject) => {
      expire = () =>
        reject(new DeviceError('POS_UNREACHABLE', `the card terminal did not answer within ${this.timeoutMs} ms`, { mayHaveActed: true }));
    });
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(expire, this.timeoutMs);
    };
    const off = this.terminal.onStage((txid, stage) => {
      if (txid !== run.txid) return;
      arm();
      if (!run.answerLost) ctx.prompt?.({ stage });
    });
    arm();
    ctx.prompt?.({ stage: run.stage() });
    try {
      const tx = await Promise.race([run.done, stalled]);
      if (run.answerLost) return await stalled;
      if (tx.state !== 'approved') throw settledError(tx, this.#result(tx));
      return this.#result(tx);
    } finally {
      off();
      if (timer) clearTimeout(timer);
    }
  }

  async #noAnswer(): Promise<never> {
    await new Promise((resolve) => setTimeout(resolve, this.timeoutMs));
    throw new DeviceError('POS_UNREACHABLE', `the card terminal did not answer within ${this.timeoutMs} ms`, { mayHaveActed: true });
  }
}
