/**
 * The simulated card-terminal driver: a PosDriver over a PosTerminal in the same process. A declined sale throws
 * POS_DECLINED; a terminal that does not answer throws POS_UNREACHABLE (mayHaveActed) after `timeoutMs`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { ExecContext, PosDriver } from '../../domain/driver-contract.js';
import type { PosTerminalConfig } from '../../domain/device-config.js';
import { DeviceError } from '../../domain/error-codes.js';
import type { PosOperation } from '../../domain/operations.js';
import type { PosResult, PosResultAny } from '../../domain/results.js';
import { PosTerminal } from '../../emulators/pos/pos-terminal.js';
import { slipLines } from '../../emulators/pos/pos-receipt.js';
import type { PosAnswer, PosTransaction } from '../../emulators/pos/pos-types.js';

export const DEFAULT_POS_TIMEOUT_MS = 2000;

export class SimulatedPosDriver implements PosDriver {
  readonly family = 'simulated-pos';

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

  async execute(op: PosOperation, _ctx: ExecContext): Promise<PosResultAny> {
    switch (op.type) {
      case 'sale':
        return this.answer(this.terminal.sale(op.amount, op.reference), true);
      case 'refund':
        return this.answer(this.terminal.refund(op.amount, op.original_rrn), true);
      case 'void':
        return this.answer(this.terminal.void(op.rrn), true);
      case 'settlement': {
        const a = await this.settle(this.terminal.settlement());
        return a;
      }
      case 'get_status':
        return { online: this.terminal.isOnline(), busy: false };
    }
  }

  async findByReference(reference: string): Promise<PosResultAny | null> {
    await this.ping();
    const tx = this.terminal.findByReference(reference);
    if (!tx) return null;
    const result = this.toResult(tx);
    if (tx.rrn !== null && this.terminal.isVoided(tx.rrn)) {
      // A voided sale did not charge the card in the end.
      return { ...result, approved: false, response_text: 'Tranzacție anulată / Voided' };
    }
    return result;
  }

  private toResult(tx: PosTransaction): PosResult {
    return {
      approved: tx.approved,
      auth_code: tx.auth_code,
      rrn: tx.rrn,
      card_masked: tx.card_masked,
      terminal_id: this.terminal.terminalId,
      receipt_text: slipLines(tx, this.terminal.terminalId),
      amount_cents: tx.amount_cents,
      response_text: tx.response_text,
    };
  }

  private async noAnswer(): Promise<never> {
    await new Promise((resolve) => setTimeout(resolve, this.timeoutMs));
    throw new DeviceError('POS_UNREACHABLE', `the card terminal did not answer within ${this.timeoutMs} ms`, { mayHaveActed: true });
  }

  private async answer(a: PosAnswer, declineIsError: boolean): Promise<PosResult> {
    if (a.kind === 'no_answer') return this.noAnswer();
    if (a.kind === 'error') throw new DeviceError('DEVICE_REJECTED', a.text, { deviceError: { code: a.code, text: a.text } });
    const result = this.toResult(a.tx);
    if (!a.tx.approved && declineIsError) {
      throw new DeviceError('POS_DECLINED', a.tx.response_text, { deviceError: { code: a.tx.response_code, text: a.tx.response_text } });
    }
    return result;
  }

  private async settle(a: PosAnswer): Promise<PosResultAny> {
    if (a.kind === 'no_answer') return this.noAnswer();
    if (a.kind === 'error') throw new DeviceError('DEVICE_REJECTED', a.text, { deviceError: { code: a.code, text: a.text } });
    const t = a.tx.totals ?? { count: 0, total_cents: 0, refunds_cents: 0 };
    return { count: t.count, total_cents: t.total_cents, refunds_cents: t.refunds_cents, batch_number: a.tx.batch };
  }
}

export const SimulatedPosOptionsSchema = z.strictObject({
  terminal_id: z.string().min(1).max(16).optional(),
  decline_suffixes: z.array(z.string().regex(/^\d{2}$/)).optional(),
  timeout_suffixes: z.array(z.string().regex(/^\d{2}$/)).optional(),
  timeout_ms: z.number().int().min(1).max(600_000).optional(),
});

/** Build the simulated terminal driver: transaction log in `<dataDir>/simulated-pos/<config.id>/`. */
export function createSimulatedPosDriver(
  config: PosTerminalConfig,
  env: { dataDir: string; timeoutMs?: number },
): SimulatedPosDriver {
  const parsed = SimulatedPosOptionsSchema.safeParse(config.options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`simulated card terminal options: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  const o = parsed.data;
  const terminal = new PosTerminal({
    stateDir: join(env.dataDir, 'simulated-pos', config.id),
    terminalId: o.terminal_id ?? 'FC' + config.id.replace(/[^0-9a-f]/gi, '').slice(0, 6).toUpperCase(),
    rules: {
      ...(o.decline_suffixes ? { decline_suffixes: o.decline_suffixes } : {}),
      ...(o.timeout_suffixes ? { timeout_suffixes: o.timeout_suffixes } : {}),
    },
  });
  return new SimulatedPosDriver(terminal, env.timeoutMs ?? o.timeout_ms ?? DEFAULT_POS_TIMEOUT_MS);
}
