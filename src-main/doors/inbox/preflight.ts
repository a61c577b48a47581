/**
 * Pre-flight and waiting of the inbox lifecycle: wait (state `waiting`) until the device is ready, follow a job to
 * its end, and the cooperative stop/discard signals of the folder worker.
 */
import { DEVICE_ERRORS } from '../../domain/error-codes.js';
import type { JobRecord } from '../../domain/jobs.js';
import { isFinished } from '../../pipeline/contracts.js';
import { tr, type InboxEnv } from './context.js';
import { bi } from './parser/types.js';
import type { InboxFileRecord, RecordPatch } from './store.js';

export interface Control {
  /** True once the inbox is stopping: give up at the next step, leave the `.processing` file for the next start. */
  stopped(): boolean;
  /** The user discarded this record while it waited. */
  discarded(id: string): boolean;
  /** Sleep until woken (device status change, retry, stop) or `ms` passed. */
  sleep(ms: number): Promise<void>;
  /** Resolves when the inbox stops. */
  stopping: Promise<void>;
}

export class Abandoned extends Error {}

export function deviceErrorText(env: InboxEnv, code: string, fallback: string): string {
  const entry = (DEVICE_ERRORS as Record<string, { ro: string; en: string } | undefined>)[code];
  return entry ? entry[env.lang()] : fallback;
}

export async function settle(
  env: InboxEnv,
  ctl: Control,
  job: JobRecord,
  done: Promise<JobRecord>,
): Promise<JobRecord> {
  const stop = ctl.stopping.then(() => null);
  let j = await Promise.race([done, stop]);
  if (j === null) throw new Abandoned('stopping');
  while (!isFinished(j)) {
    if (ctl.stopped()) throw new Abandoned('stopping');
    j = (await env.operations.waitForJob(j.id, 1000)) ?? job;
    if (ctl.stopped()) throw new Abandoned('stopping');
  }
  return j;
}

/** Save some fields; keep the in-memory progress of the documents (saved at the finish). */
export function persist(env: InboxEnv, rec: InboxFileRecord, patch: RecordPatch): InboxFileRecord {
  const saved = env.store.update(rec.id, patch);
  return { ...saved, docs: rec.docs, dialect: rec.dialect, job_id: rec.job_id };
}

type WaitResult =
  | { rec: InboxFileRecord; failure: null }
  | { rec: InboxFileRecord; failure: { code: string; reason: string; discarded?: boolean } };

/** Device conditions the register reports by itself (its status read): they may have been fixed since the last read. */
const STATUS_CONDITIONS: ReadonlySet<string> = new Set(['PAPER_OUT', 'COVER_OPEN', 'Z_REPORT_REQUIRED', 'FISCAL_MEMORY_FULL']);
/** While a file waits on such a condition, the register's status is read again at most this often. */
const FRESH_STATUS_MS = 2000;

/**
 * Pre-flight: wait (state `waiting`) until the device is ready, the wait times out, or the user discards the file.
 * A register that reports it cannot print (paper out, cover open, …) gets no job while the file waits: one failed job
 * per condition, not one per retry.
 */
export async function waitForDevice(
  env: InboxEnv,
  ctl: Control,
  rec: InboxFileRecord,
  device_id: string,
): Promise<WaitResult> {
  let freshAt = 0;
  for (;;) {
    if (ctl.stopped()) throw new Abandoned('stopping');
    if (ctl.discarded(rec.id)) {
      return {
        rec,
        failure: {
          code: 'DISCARDED',
          reason: env.lang() === 'ro' ? 'Fișier renunțat de utilizator.' : 'File discarded by the user.',
          discarded: true,
        },
      };
    }
    let r = env.devices.readiness(device_id);
    if (!r.ready && STATUS_CONDITIONS.has(r.code) && env.devices.refreshStatus && Date.now() - freshAt >= FRESH_STATUS_MS) {
      freshAt = Date.now();
      await env.devices.refreshStatus(device_id);
      r = env.devices.readiness(device_id);
    }
    if (r.ready) {
      if (rec.state !== 'processing') {
        rec = persist(env, rec, { state: 'processing', error: null });
        env.emit(rec);
      }
      return { rec, failure: null };
    }
    const s = env.settings();
    const reason = deviceErrorText(env, r.code, r.reason);
    // A retry from the API restarts the wait: read the start of the wait from the journal.
    const stored = env.store.get(rec.id)?.waiting_since;
    if (stored !== undefined && stored !== rec.waiting_since) rec = { ...rec, waiting_since: stored };
    if (r.code === 'NOT_FOUND' || !s.wait_for_device) return { rec, failure: { code: r.code, reason } };
    const since = rec.waiting_since ? Date.parse(rec.waiting_since) : Date.now();
    if (Date.now() - since >= s.wait_timeout_s * 1000) {
      const t = bi(
        `Casa de marcat nu a fost gata în ${s.wait_timeout_s} s: `,
        `The register was not ready within ${s.wait_timeout_s} s: `,
      );
      return { rec, failure: { code: r.code, reason: tr(env, t) + reason } };
    }
    if (rec.state !== 'waiting' || rec.waiting_since === null) {
      rec = persist(env, rec, {
        state: 'waiting',
        waiting_since: rec.waiting_since ?? new Date(since).toISOString(),
        error: reason,
      });
      env.emit(rec);
    }
    await ctl.sleep(Math.min(500, s.rescan_ms));
  }
}
