/** Runs one fiscal job on its device: pre-clear, journal-before-device, card link, execute, reconcile on doubt. */
import { counterNeeds } from '../domain/driver-contract.js';
import { DeviceError } from '../domain/error-codes.js';
import { READ_ONLY_OPERATIONS } from '../domain/operations.js';
import type { JobOutcome } from '../domain/jobs.js';
import type { PosResult } from '../domain/results.js';
import type { StoredJob } from '../journal/job-store.js';
import { cardLinkFor, chargeCard, failAfterEarlierCharge, reverseCard, withCardSlip } from './card-link.js';
import { errorOutcome, outcomeFromError, successOutcome } from './outcomes.js';
import { reconcileFiscalJob, settleOpenReceipt } from './reconcile.js';
import type { RunnerDeps, RunVerdict } from './runner-deps.js';

export async function runFiscalJob(deps: RunnerDeps, job: StoredJob): Promise<RunVerdict> {
  if (job.device_kind !== 'fiscal') throw new Error(`job ${job.id} is not a fiscal device's job`);
  const fiscalOp = job.operation;
  const runtime = deps.registry.fiscalRuntime(job.device_id);
  const lang = deps.language();
  const card = cardLinkFor(deps, job);
  // Nothing was sent on this run: a charge made by an earlier run of the job (re-run after a crash) is given back.
  const failEarly = async (outcome: JobOutcome) => deps.finish(job, await failAfterEarlierCharge(deps, job, card, outcome));
  if (!runtime) {
    await failEarly(errorOutcome('DEVICE_UNREACHABLE', lang, 'the device is disabled or its driver could not start'));
    return 'finished';
  }
  return runtime.exclusive(async (): Promise<RunVerdict> => {
    const driver = runtime.driver;
    const ctx = { jobId: job.id, language: lang, progress: (p: { step: string; done?: number; total?: number }) => deps.progress(job, p) };
    try {
      await runtime.ensureConnected();
    } catch (e) {
      await failEarly(outcomeFromError(e instanceof DeviceError ? e : new DeviceError('DEVICE_UNREACHABLE', String(e)), lang));
      return 'finished';
    }
    let counters: StoredJob['counters_before'] = null;
    try {
      if (!READ_ONLY_OPERATIONS.has(job.operation.type)) {
        const needs = counterNeeds(job.operation.type);
        counters = await driver.readCounters(needs);
        if (counters.receipt_open && job.operation.type !== 'cancel_receipt') {
          deps.logger.warn({ job_id: job.id }, 'a receipt was left open on the device; cancelling it before the new job');
          await settleOpenReceipt(driver, null, ctx);
          counters = await driver.readCounters(needs);
          if (counters.receipt_open) throw new DeviceError('RECEIPT_OPEN');
        }
      }
    } catch (e) {
      if (e instanceof DeviceError && e.code === 'DEVICE_UNREACHABLE') runtime.reportUnreachable(e.message);
      await failEarly(outcomeFromError(e, lang));
      return 'finished';
    }

    await deps.markRunning(job, counters);
    let pos: PosResult | null = null;
    try {
      if (card) pos = await chargeCard(deps, job, card);
      const op = pos ? withCardSlip(fiscalOp, pos, lang) : fiscalOp;
      const result = await driver.execute(op, { ...ctx, ...(counters ? { counters } : {}), ...(pos ? { pos } : {}) });
      deps.finish(job, successOutcome(job.operation.type, pos ? { ...result, pos } : result, lang));
      return 'finished';
    } catch (e) {
      if (e instanceof DeviceError && e.code === 'DEVICE_UNREACHABLE') runtime.reportUnreachable(e.message);
      if (e instanceof DeviceError && e.mayHaveActed) {
        return settleInDoubt(deps, job, e);
      }
      const outcome = outcomeFromError(e, lang);
      deps.finish(job, card && pos ? await reverseCard(deps, job, card, outcome) : outcome);
      return e instanceof DeviceError && e.leftOpen ? 'left_open' : 'finished';
    }
  });
}

/** A receipt left open (unpaid: nothing printed) by a failed job: cancel it now if the register can. */
export async function tidyOpenReceipt(deps: RunnerDeps, deviceId: string): Promise<boolean> {
  const runtime = deps.registry.fiscalRuntime(deviceId);
  if (!runtime) return true;
  return runtime.exclusive(async () => {
    try {
      await runtime.ensureConnected();
      await settleOpenReceipt(runtime.driver, null, { jobId: 'tidy', language: deps.language() });
      return true;
    } catch (e) {
      deps.logger.debug({ device_id: deviceId, err: e instanceof Error ? e.message : e }, 'the receipt left open cannot be cancelled yet');
      return false;
    }
  });
}

/** The device may have acted: ask it now; if it can't be asked, park the job in doubt. */
async function settleInDoubt(deps: RunnerDeps, job: StoredJob, cause: DeviceError): Promise<RunVerdict> {
  const fresh = deps.store.get(job.id) ?? job;
  const verdict = await reconcileNow(deps, fresh);
  if (verdict === 'in_doubt') deps.parkInDoubt(fresh, errorOutcome('IN_DOUBT', deps.language(), cause.message));
  return verdict;
}

/** Reconcile a job in doubt (caller holds the device lock). */
export async function reconcileNow(deps: RunnerDeps, job: StoredJob): Promise<RunVerdict> {
  const runtime = deps.registry.fiscalRuntime(job.device_id);
  if (!runtime) return 'in_doubt';
  const lang = deps.language();
  try {
    await runtime.ensureConnected();
    const serial = deps.registry.identity(job.device_id)?.serial ?? '';
    const verdict = await reconcileFiscalJob(job, runtime.driver, serial, { jobId: job.id, language: lang });
    deps.logger.info({ job_id: job.id, verdict: verdict.kind }, 'reconciled interrupted job');
    if (verdict.kind === 'done') {
      deps.finish(job, successOutcome(job.operation.type, verdict.result, lang));
      return 'finished';
    }
    return 'requeue';
  } catch (e) {
    deps.logger.warn({ job_id: job.id, err: e instanceof Error ? e.message : e }, 'cannot reconcile yet');
    return 'in_doubt';
  }
}
