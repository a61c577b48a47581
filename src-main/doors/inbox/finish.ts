/**
 * The last step of a file: success → answer file in BonANSWER and the original to BonOK; failure → the original
 * plus an error block in BonERR. Output names are chosen once and stored before any file is touched, so a
 * crash at any point is finished on the next start without a second copy.
 */
import { promises as fsp } from 'node:fs';
import { basename } from 'node:path';
import type { InboxEnv } from './context.js';
import { renderAnswer, renderErrorBlock, type ErrorInfo } from './answer-files.js';
import {
  ANSWER_DIR,
  ERR_DIR,
  OK_DIR,
  exists,
  inside,
  moveInto,
  sanitizeName,
  uniqueName,
  writeAtomic,
} from './fs-safe.js';
import { encodeLike } from './parser/decode.js';
import type { InpEncoding, ParsedInp } from './parser/types.js';
import type { InboxFileRecord } from './store.js';

export interface FileAtHand {
  folder: string;
  /** The original name (without `.processing`). */
  name: string;
  /** Full path of the claimed file (`<folder>/<name>.processing`). */
  path: string;
  bytes: Uint8Array;
}

function answerName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.txt`;
}

function summary(answer: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of answer.split(/\r?\n/)) {
    const m = /^(RESULT|RECEIPT_NO|Z_NO|TOTAL|CHANGE|SERIAL|DATE|POS_AUTH|POS_RRN|RECEIPTS|DUPLICATE)=(.*)$/.exec(line);
    if (m && m[1] !== undefined) out[m[1]] = m[2] ?? '';
  }
  return out;
}

export async function finishOk(
  env: InboxEnv,
  rec: InboxFileRecord,
  f: FileAtHand,
  parsed: ParsedInp,
  opts: { duplicate_of?: string } = {},
): Promise<InboxFileRecord> {
  const now = new Date();
  const answerFile = rec.answer
    ? basename(rec.answer)
    : await uniqueName(f.folder, ANSWER_DIR, answerName(f.name), now);
  const okFile = rec.output ? basename(rec.output) : await uniqueName(f.folder, OK_DIR, f.name, now);
  rec = env.store.update(rec.id, {
    finishing: 'ok',
    answer: `${ANSWER_DIR}/${answerFile}`,
    output: `${OK_DIR}/${okFile}`,
    duplicate_of: opts.duplicate_of ?? null,
    docs: rec.docs,
    job_id: rec.job_id,
    dialect: rec.dialect,
  });
  const view = env.devices.getFiscal(rec.device_id);
  const serial = view?.connected_device_id ?? view?.identity?.serial ?? '';
  const answer = renderAnswer(parsed, rec.docs, { serial, duplicate: opts.duplicate_of !== undefined });
  await writeAtomic(
    f.folder,
    ANSWER_DIR,
    answerFile,
    encodeLike(answer, parsed.encoding === 'windows-1250' ? 'windows-1250' : 'utf-8'),
  );
  if (await exists(f.path)) await moveInto(f.folder, f.path, OK_DIR, okFile);
  rec = env.store.update(rec.id, {
    state: 'done',
    result: summary(answer),
    error: null,
    finished_at: new Date().toISOString(),
    finishing: null,
  });
  env.store.dropContent(rec.id);
  env.emit(rec);
  return rec;
}

export async function finishFailed(
  env: InboxEnv,
  rec: InboxFileRecord,
  f: FileAtHand,
  info: ErrorInfo,
  meta: { encoding: InpEncoding | null; eol: '\r\n' | '\n'; state?: 'failed' | 'discarded' },
): Promise<InboxFileRecord> {
  const errFile = rec.output
    ? basename(rec.output)
    : await uniqueName(f.folder, ERR_DIR, sanitizeName(f.name), new Date());
  rec = env.store.update(rec.id, {
    docs: rec.docs,
    job_id: rec.job_id,
    dialect: rec.dialect,
    finishing: meta.state === 'discarded' ? 'discarded' : 'failed',
    output: `${ERR_DIR}/${errFile}`,
    error: info.message,
    error_line: info.line,
    error_code: info.code,
  });
  const original = Buffer.from(f.bytes);
  const needsEol = original.length > 0 && original[original.length - 1] !== 0x0a;
  const block = (needsEol ? meta.eol : '') + renderErrorBlock(info, meta.eol);
  await writeAtomic(f.folder, ERR_DIR, errFile, Buffer.concat([original, encodeLike(block, meta.encoding)]));
  await fsp.rm(f.path, { force: true });
  rec = env.store.update(rec.id, {
    state: meta.state ?? 'failed',
    finished_at: new Date().toISOString(),
    finishing: null,
  });
  env.emit(rec);
  return rec;
}

/** A claimed file that is gone (removed by someone) or whose finish was interrupted after its last move. */
export async function settleOrphan(env: InboxEnv, rec: InboxFileRecord): Promise<void> {
  if (rec.finishing && rec.output && (await exists(inside(rec.folder, '', rec.output)))) {
    const state = rec.finishing === 'ok' ? 'done' : rec.finishing;
    env.emit(env.store.update(rec.id, { state, finishing: null, finished_at: new Date().toISOString() }));
    return;
  }
  env.emit(
    env.store.update(rec.id, {
      state: 'failed',
      error:
        env.lang() === 'ro'
          ? 'Fișierul a dispărut din dosar înainte de a fi terminat.'
          : 'The file disappeared from the folder before it was finished.',
      finished_at: new Date().toISOString(),
    }),
  );
}
