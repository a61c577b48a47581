/**
 * Runs one card-terminal job. Money operations (sale, refund, void) hold the terminal; a lost answer is settled by
 * the terminal's status inquiry by reference, never by sending again. Control operations (abort, status, status
 * inquiry) run beside a transaction in progress. Operations the family cannot do are refused before the terminal.
 */
import { DeviceError } from '../domain/error-codes.js';
import { POS_CONTROL_OPERATIONS, POS_MONEY_OPERATIONS, type PosDriverOperation, type PosOperation } from '../domain/operations.js';
import type { PosInquiry } from '../domain/results.js';
import type { JobOutcome } from '../domain/jobs.js';
import type { StoredJob } from '../journal/job-store.js';
import { afterPosJob } from './card-reversal.js';
import { errorOutcome, outcomeFromError, successOutcome } from './outcomes.js';
import { capabilityFor, withOriginal } from './pos-journal.js';
import { emitPosPrompt } from './pos-prompt-events.js';
import type { RunnerDeps, RunVerdict } from './runner-deps.js';

function withReference(job: StoredJob): PosOperation {
  if (job.device_kind !== 'pos') throw new Error(`job ${job.id} is not a card terminal's job`);
  const op = job.operation;
  return POS_MONEY_OPERATIONS.has(op.type) && !('reference' in op && op.reference) ? ({ ...op, reference: job.id } as PosOperation) : op;
}

function finisher(deps: RunnerDeps, job: StoredJob): (o: JobOutcome) => RunVerdict {
  return (o) => {
    deps.finish(job, o);
    afterPosJob(deps, job.id);
    return 'finished';
  };
}

export async function runPosJob(deps: RunnerDeps, job: StoredJob): Promise<RunVerdict> {
  const runtime = deps.registry.posRuntime(job.device_id);
  const lang = deps.language();
  const finish = finisher(deps, job);
  if (!runtime) return finish(errorOutcome('POS_UNREACHABLE', lang, 'the terminal is disabled or its driver could not start'));
  const op = withReference(job);
  const caps = runtime.driver.capabilities;
  const need = capabilityFor(op);
  if (!(Array.isArray(need) ? need.some((c) => caps.has(c)) : caps.has(need))) {
    const name = deps.registry.getPos(job.device_id)?.config.name ?? job.device_id;
    return finish(errorOutcome('NOT_SUPPORTED', lang, `${op.type}${op.type === 'refund' ? ' without the original payment' : ''} is not possible on card terminal "${name}" (${runtime.driver.family})`));
  }
  const work = async (): Promise<RunVerdict> => {
    try {
      await runtime.ensureConnected();
    } catch (e) {
      return finish(errorOutcome('POS_UNREACHABLE', lang, e instanceof Error ? e.message : String(e)));
    }
    const driverOp: PosDriverOperation = withOriginal(deps.store, job.device_id, op, caps);
    if (op.type === 'void' && !driverOp.original && !caps.has('void_last') && !op.rrn && !op.transaction_id) {
      return finish(errorOutcome('DEVICE_REJECTED', lang, 'no approved card payment made through FisCool is left to void on this terminal'));
    }
    await deps.markRunning(job, null);
    try {
      const result = await runtime.driver.execute(driverOp, { jobId: job.id, language: lang, prompt: (p) => emitPosPrompt(deps, job, p) });
      const voided = op.type === 'void' ? { voided: { rrn: driverOp.original?.rrn ?? op.rrn ?? null, transaction_id: driverOp.original?.transaction_id ?? op.transaction_id ?? null } } : {};
      return finish(successOutcome(op.type, { ...result, ...voided }, lang));
    } catch (e) {
      if (e instanceof DeviceError && e.mayHaveActed && POS_MONEY_OPERATIONS.has(op.type)) return reconcilePosNow(deps, job);
      if (e instanceof DeviceError && e.code === 'POS_UNREACHABLE' && !e.pos) runtime.reportUnreachable(e.message);
      return finish(outcomeFromError(e, lang));
    }
  };
  return POS_CONTROL_OPERATIONS.has(op.type) ? work() : runtime.exclusive(work);
}

/** Settle a money operation whose answer was lost: ask the terminal by reference; keep it in doubt while it can't say. */
export async function reconcilePosNow(deps: RunnerDeps, job: StoredJob): Promise<RunVerdict> {
  const runtime = deps.registry.posRuntime(job.device_id);
  const lang = deps.language();
  const finish = finisher(deps, job);
  const op = withReference(job);
  if (!runtime || !POS_MONEY_OPERATIONS.has(op.type) || !('reference' in op) || !op.reference) {
    return finish(errorOutcome('IN_DOUBT', lang));
  }
  const park = (detail: string): RunVerdict => {
    if (job.state !== 'in_doubt') deps.parkInDoubt(job, errorOutcome('IN_DOUBT', lang, detail));
    return 'in_doubt';
  };
  let q: PosInquiry;
  try {
    await runtime.ensureConnected();
    q = await runtime.driver.inquire(op.reference);
  } catch (e) {
    return park(e instanceof Error ? e.message : String(e));
  }
  deps.logger.info({ job_id: job.id, state: q.state }, 'card transaction looked up on the terminal');
  const pos = q.transaction;
  switch (q.state) {
    case 'approved':
      if (q.reversed) return finish(errorOutcome('POS_CANCELLED', lang, 'the payment was cancelled on the terminal afterwards', undefined));
      emitPosPrompt(deps, job, { stage: 'approved' });
      return finish(successOutcome(op.type, { ...(pos ?? {}), reconciled: true }, lang));
    case 'in_progress':
      return park('the terminal is still processing the payment');
    case 'not_found':
      return finish(errorOutcome('POS_UNREACHABLE', lang, 'the terminal never started the payment; the card was not charged'));
    default: {
      const code = q.state === 'declined' ? 'POS_DECLINED' : q.state === 'cancelled' ? 'POS_CANCELLED' : q.state === 'timeout' ? 'POS_TIMEOUT' : 'POS_UNREACHABLE';
      emitPosPrompt(deps, job, { stage: q.state === 'failed' ? 'declined' : q.state });
      const o = errorOutcome(code, lang, pos?.response_text, pos?.response_code ? { code: pos.response_code, ...(pos.response_text ? { text: pos.response_text } : {}) } : undefined);
      return finish(pos && !o.ok ? { ...o, pos } : o);
    }
  }
}
