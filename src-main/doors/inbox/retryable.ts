/**
 * Whether retrying an inbox file can help: a file that waits can be checked again now; a file that failed because
 * of the register (paper, cover, no answer, …) can print once that is fixed. A file that failed on its own content
 * (syntax, a field the hub refuses, a VAT rate the register lacks, an operation it cannot do) fails the same way
 * again: it must be corrected and dropped in again.
 */
import { DEVICE_ERRORS } from '../../domain/error-codes.js';
import type { InboxFileRecord } from './store.js';

/** `error_code`s of a file's own content (HTTP-like 4xx from validation, and the device codes a retry cannot fix). */
const CONTENT_CODES: ReadonlySet<number> = new Set([
  400,
  404,
  413,
  422,
  DEVICE_ERRORS.VAT_RATE_NOT_PROGRAMMED.status,
  DEVICE_ERRORS.NOT_SUPPORTED.status,
]);

export function isRetryable(rec: Pick<InboxFileRecord, 'state' | 'error_code'>, contentKept: boolean): boolean {
  if (rec.state === 'waiting') return true;
  if (rec.state !== 'failed' || !contentKept) return false;
  return rec.error_code === null ? false : !CONTENT_CODES.has(rec.error_code);
}
