/** Runs one card-terminal job. A sale whose outcome is unknown is looked up by its reference, never re-charged. */
import { DeviceError } from '../domain/error-codes.js';
import type { PosOperation } from '../domain/operations.js';
import type { StoredJob } from '../journal/job-store.js';
import { errorOutcome, outcomeFromError, successOutcome } from './outcomes.js';
import type { RunnerDeps, RunVerdict } from './runner-deps.js';

function withReference(job: StoredJob): PosOperation {
  const op = job.operation as unknown as PosOperation;
  return op.type === 'sale' && !op.reference ? { ...op, reference: job.id } : op;
}

export async function runPosJob(deps: RunnerDeps, job: StoredJob): Promise<RunVerdict> {
  const runtime = deps.registry.posRuntime(job.device_id);
  const lang = deps.language();
  if (!runtime) {
    deps.finish(job, errorOutcome('POS_UNREACHABLE', lang, 'the terminal is disabled or its driver could not start'));
    return 'finished';
  }
  return runtime.exclusive(async (): Promise<RunVerdict> => {
    try {
      await runtime.ensureConnected();
    } catch (e) {
      deps.finish(job, errorOutcome('POS_UNREACHABLE', lang, e instanceof Error ? e.message : String(e)));
      return 'finished';
    }
    deps.markRunning(job, null);
    const op = withReference(job);
    try {
      const result = await runtime.driver.execute(op, { jobId: job.id, language: lang });
      deps.finish(job, successOutcome(op.type, result, lang));
    } catch (e) {
      if (e instanceof DeviceError && e.mayHaveActed && op.type === 'sale') return reconcilePosNow(deps, job);
      deps.finish(job, outcomeFromError(e, lang));
    }
    return 'finished';
  });
}

/** Look the sale up on the terminal: approved → succeeded; absent → failed (the card was not charged). */
export async function reconcilePosNow(deps: RunnerDeps, job: StoredJob): Promise<RunVerdict> {
  const runtime = deps.registry.posRuntime(job.device_id);
  const lang = deps.language();
  const op = withReference(job);
  if (!runtime || op.type !== 'sale' || !op.reference) {
    deps.finish(job, errorOutcome('IN_DOUBT', lang));
    return 'finished';
  }
  try {
    await runtime.ensureConnected();
    const found = await runtime.driver.findByReference(op.reference);
    if (found && 'approved' in found && found.approved) deps.finish(job, successOutcome('sale', found, lang));
    else deps.finish(job, errorOutcome('POS_UNREACHABLE', lang, 'the payment did not go through; the card was not charged'));
    return 'finished';
  } catch (e) {
    deps.parkInDoubt(job, errorOutcome('IN_DOUBT', lang, e instanceof Error ? e.message : String(e)));
    return 'in_doubt';
  }
}
