/**
 * The lifecycle of one claimed file (spec/inp-files.md): parse → pre-flight (validate; wait for the device) →
 * execute every document through the pipeline with idempotency keys derived from device + name + content hash →
 * finish. Safe to run again on the same `.processing` file after a crash: the record and the keys are the same,
 * so the pipeline returns the jobs it already has instead of printing again.
 */
import { createHash } from 'node:crypto';
import { DEVICE_ERRORS, type DeviceErrorCode } from '../../domain/error-codes.js';
import type { JobOutcome } from '../../domain/jobs.js';
import { receiptStateAfter, type ErrorInfo } from './answer-files.js';
import { tr, type InboxEnv } from './context.js';
import { finishFailed, finishOk, type FileAtHand } from './finish.js';
import { Abandoned, deviceErrorText, settle, waitForDevice, type Control } from './preflight.js';
import { unsafeNameReason } from './fs-safe.js';
import { parseInp } from './parser/parse-inp.js';
import { bi, MAX_INP_BYTES, type InpDocument, type ParsedInp } from './parser/types.js';
import type { DocState, InboxFileRecord } from './store.js';

/** Device errors after which nothing was printed and the file may simply wait for the device again. */
const WAIT_AGAIN: ReadonlySet<string> = new Set([
  'DEVICE_UNREACHABLE',
  'PAPER_OUT',
  'COVER_OPEN',
  'Z_REPORT_REQUIRED',
  'SHIFT_CLOSED',
]);

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export function baseKey(device: string, name: string, hash: string): string {
  return `inp:${device}:${name}:${hash}`;
}

export function docKey(base: string, index: number, count: number, attempt: number): string {
  return base + (count > 1 ? `#${index + 1}` : '') + (attempt > 0 ? `~${attempt}` : '');
}

/** Find the record of a claimed file (after a crash) or create one; a new file's attempt follows every earlier one. */
function recordFor(
  env: InboxEnv,
  device_id: string,
  f: FileAtHand,
  hash: string,
): { rec: InboxFileRecord; fresh: boolean } {
  const same = env.store.sameFile(device_id, f.name, hash);
  const active = same.find((r) => r.state === 'processing' || r.state === 'waiting');
  if (active) return { rec: active, fresh: false };
  const attempt = same.length ? Math.max(...same.map((r) => r.attempt)) + 1 : 0;
  const rec = env.store.create({
    device_id,
    folder: f.folder,
    name: f.name,
    sha256: hash,
    size: f.bytes.length,
    attempt,
    content: f.bytes.length <= MAX_INP_BYTES ? f.bytes : null,
  });
  return { rec, fresh: true };
}

function lineOfPath(doc: InpDocument, path: string | null): number {
  if (path) {
    const rel = path.replace(/^operation\./, '');
    const parts = rel.split('.');
    for (let n = parts.length; n > 0; n--) {
      const hit = doc.line_of[parts.slice(0, n).join('.')];
      if (hit !== undefined) return hit;
    }
  }
  return doc.first_line;
}

function cmdAt(parsed: ParsedInp, line: number): string {
  return parsed.lines.find((l) => l.no === line)?.cmd ?? '';
}

/** The last step, returned to the caller so it can overlap it with the next file's work (it is crash-safe on its own). */
export type Finish = () => Promise<InboxFileRecord>;

export async function processFile(env: InboxEnv, device_id: string, f: FileAtHand, ctl: Control): Promise<Finish> {
  const hash = sha256(f.bytes);
  let rec = recordFor(env, device_id, f, hash).rec;
  const log: ErrorInfo['log'] = [
    { at: new Date(), level: 'INFO', text: `${f.name} (${f.bytes.length} B, sha256 ${hash.slice(0, 12)})` },
  ];
  if (rec.state !== 'processing') rec = env.store.update(rec.id, { state: 'processing' });
  env.emit(rec);
  const fileError = (
    parsedOrNull: { encoding: ParsedInp['encoding'] | null; eol: ParsedInp['eol'] },
    e: Omit<ErrorInfo, 'log'>,
    state?: 'discarded',
  ) => {
    log.push({ at: new Date(), level: 'ERROR', text: e.message });
    const at = rec;
    return () =>
      finishFailed(
        env,
        at,
        f,
        { ...e, log },
        { encoding: parsedOrNull.encoding, eol: parsedOrNull.eol, ...(state ? { state } : {}) },
      );
  };

  const unsafe = unsafeNameReason(f.name);
  if (unsafe) {
    const msg = bi(
      `Numele fișierului nu este permis (${unsafe}); redenumiți-l fără „..” sau separatori.`,
      `The file name is not allowed (${unsafe}); rename it without ".." or separators.`,
    );
    return fileError(
      { encoding: null, eol: '\n' },
      { line: 0, cmd: '', code: 400, message: tr(env, msg), receipt_state: 'not_opened' },
    );
  }

  const result = parseInp(f.bytes);
  if (!result.ok) {
    const e = result.error;
    const where =
      e.line > 0
        ? bi(
            `linia ${e.line}${e.cmd ? ` (${e.cmd})` : ''}${e.arg ? `, argumentul ${e.arg}` : ''}: `,
            `line ${e.line}${e.cmd ? ` (${e.cmd})` : ''}${e.arg ? `, argument ${e.arg}` : ''}: `,
          )
        : bi('', '');
    return fileError(result, {
      line: e.line,
      cmd: e.cmd,
      code: 400,
      message: tr(env, where) + tr(env, e.message),
      receipt_state: 'not_opened',
    });
  }
  const parsed = result.file;
  const docs = parsed.documents;
  rec = { ...rec, dialect: parsed.dialect }; // persisted with the outcome (one journal write less per file)

  // Duplicate policy: the same file (device + name + content) already printed.
  // (Also for a record recovered after a crash: its keys would be new ones, so the check must run again.)
  if (env.settings().duplicate_policy === 'skip') {
    const prior = env.store.sameFile(device_id, f.name, hash).find((r) => r.state === 'done' && r.id !== rec.id);
    if (prior) {
      rec = { ...rec, docs: prior.docs, job_id: prior.job_id };
      const at = rec;
      return () => finishOk(env, at, f, parsed, { duplicate_of: prior.id });
    }
  }

  // Pre-flight validation: every document before anything is sent.
  for (const doc of docs) {
    const v = env.operations.validate(device_id, doc.operation);
    if (!v.ok) {
      const line = lineOfPath(doc, v.path);
      const code =
        v.kind === 'not_found'
          ? 404
          : v.code === 'NOT_SUPPORTED'
            ? DEVICE_ERRORS.NOT_SUPPORTED.status
            : /VAT|TVA/i.test(v.error)
              ? DEVICE_ERRORS.VAT_RATE_NOT_PROGRAMMED.status
              : 400;
      return fileError(parsed, { line, cmd: cmdAt(parsed, line), code, message: v.error, receipt_state: 'not_opened' });
    }
  }

  const base = baseKey(device_id, f.name, hash);
  // Documents of this same file that already printed in an earlier, failed attempt are not printed again.
  const earlier = env.store
    .sameFile(device_id, f.name, hash)
    .filter((r) => r.id !== rec.id && (r.state === 'failed' || r.state === 'discarded'));
  const states: DocState[] = docs.map((d, i) => {
    const old =
      rec.docs[i] ??
      earlier.map((r) => r.docs[i]).find((x) => x?.outcome?.ok === true && x.operation_type === d.operation.type);
    return (
      old ?? {
        key: docKey(base, i, docs.length, rec.attempt),
        job_id: null,
        operation_type: d.operation.type,
        outcome: null,
        finished_at: null,
      }
    );
  });
  // Keys are derived from the persisted attempt, so the documents' progress can live in memory until the finish.
  rec = { ...rec, docs: states };

  let deviceRetries = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as InpDocument;
    for (;;) {
      const st = rec.docs[i] as DocState;
      if (st.outcome?.ok) break;
      // Pre-flight: wait for the device unless this document already has a job to reconcile.
      if (st.job_id === null) {
        const waited = await waitForDevice(env, ctl, rec, device_id);
        rec = waited.rec;
        if (waited.failure) {
          const { code, reason, discarded } = waited.failure;
          const status = code in DEVICE_ERRORS ? DEVICE_ERRORS[code as DeviceErrorCode].status : 503;
          return fileError(
            parsed,
            {
              line: doc.first_line,
              cmd: cmdAt(parsed, doc.first_line),
              code: status,
              message: reason,
              receipt_state: 'not_opened',
            },
            discarded ? 'discarded' : undefined,
          );
        }
      }
      const sub = env.operations.submit({
        device_id,
        operation: doc.operation,
        source: 'inp',
        idempotency_key: st.key,
      });
      if (sub.kind !== 'accepted') {
        const line = sub.kind === 'invalid' ? lineOfPath(doc, sub.path) : doc.first_line;
        const code = sub.kind === 'invalid' ? 400 : sub.kind === 'not_found' ? 404 : 422;
        return fileError(parsed, {
          line,
          cmd: cmdAt(parsed, line),
          code,
          message: sub.error,
          receipt_state: 'not_opened',
        });
      }
      rec = withDoc(rec, i, { job_id: sub.job.id });
      env.emit(rec);
      const job = await settle(env, ctl, sub.job, sub.done);
      const outcome = job.outcome as JobOutcome;
      rec = withDoc(rec, i, { outcome, finished_at: job.finished_at });
      if (outcome.ok) {
        log.push({
          at: new Date(),
          level: 'INFO',
          text: `lines ${doc.first_line}-${doc.last_line}: ${doc.operation.type} OK (job ${job.id})`,
        });
        break;
      }
      const s = env.settings();
      rec = { ...rec, waiting_since: env.store.get(rec.id)?.waiting_since ?? rec.waiting_since };
      const waitingFor = rec.waiting_since ? Date.now() - Date.parse(rec.waiting_since) : 0;
      if (WAIT_AGAIN.has(outcome.code) && s.wait_for_device && waitingFor < s.wait_timeout_s * 1000 && !ctl.stopped()) {
        // Nothing was printed: wait for the device and try again under a new key.
        log.push({ at: new Date(), level: 'INFO', text: `${outcome.code}: waiting for the device` });
        const attempt = rec.attempt + 1;
        rec = withDoc(rec, i, {
          key: docKey(base, i, docs.length, attempt),
          job_id: null,
          outcome: null,
          finished_at: null,
        });
        rec = env.store.update(rec.id, {
          attempt,
          docs: rec.docs,
          dialect: rec.dialect,
          state: 'waiting',
          waiting_since: rec.waiting_since ?? new Date().toISOString(),
          error: outcome.error,
        });
        env.emit(rec);
        // Back off (1 s, 2 s, 4 s … 30 s) so a long paper-out does not fill the journal; a device event wakes us early.
        deviceRetries++;
        await ctl.sleep(Math.min(30_000, 1000 * 2 ** Math.min(5, deviceRetries - 1)));
        if (ctl.stopped()) throw new Abandoned('stopping');
        continue;
      }
      const message = outcome.error || deviceErrorText(env, outcome.code, outcome.code);
      return fileError(parsed, {
        line: doc.first_line,
        cmd: cmdAt(parsed, doc.first_line),
        code: outcome.status,
        message,
        receipt_state: receiptStateAfter(doc.operation.type, outcome),
      });
    }
  }
  const at = rec;
  return () => finishOk(env, at, f, parsed);
}

function withDoc(rec: InboxFileRecord, i: number, patch: Partial<DocState>): InboxFileRecord {
  const docs = rec.docs.map((d, k) => (k === i ? { ...d, ...patch } : d));
  const last =
    docs
      .map((d) => d.job_id)
      .filter((x): x is string => x !== null)
      .pop() ?? rec.job_id;
  return { ...rec, docs, job_id: last };
}

export { Abandoned, type Control };
