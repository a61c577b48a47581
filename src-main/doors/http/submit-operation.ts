/**
 * Shared by HTTP and WebSocket: parse the request, submit it, wait, render. Replays return the stored rendering of
 * the first job, so the same Idempotency-Key gets a byte-identical body.
 */
import { OperationRequest } from '../../domain/operations.js';
import { formatZodError } from '../../domain/validation.js';
import type { NativeDoorDeps } from './hub-api.js';
import { renderJobResponse } from './operation-response.js';

export type SubmitOutcome =
  | { kind: 'done'; body: string }
  /** `path`: the field a 400 is about (`operation.lines[0].unit_price_cents`), so a GUI can point at it; `code` NOT_SUPPORTED: the device's family cannot do it. */
  | { kind: 'error'; httpStatus: 400 | 404 | 422; error: string; path?: string; code?: 'NOT_SUPPORTED' };

const KEY_RE = /^[\x21-\x7e]{1,200}$/;

export async function submitOperation(
  deps: NativeDoorDeps,
  body: unknown,
  key: string | undefined,
  source: 'http' | 'ws',
): Promise<SubmitOutcome> {
  if (key !== undefined && !KEY_RE.test(key)) {
    return { kind: 'error', httpStatus: 400, error: 'Idempotency-Key must be 1 to 200 printable ASCII characters without spaces' };
  }
  // `operation` is copied by assignment on its way to the family schemas, where "__proto__" would vanish silently.
  const op = (body as { operation?: unknown } | null)?.operation;
  if (typeof op === 'object' && op !== null && Object.hasOwn(op, '__proto__')) {
    return { kind: 'error', httpStatus: 400, error: 'operation.__proto__: is not a known field' };
  }
  const parsed = OperationRequest.safeParse(body);
  if (!parsed.success) return { kind: 'error', httpStatus: 400, error: formatZodError(parsed.error, '') || 'body: must be a JSON object' };
  const sub = deps.pipeline.submit({
    device_id: parsed.data.device_id,
    operation: parsed.data.operation,
    source,
    ...(key !== undefined ? { idempotency_key: `native:${key}` } : {}),
  });
  switch (sub.kind) {
    case 'invalid':
      return { kind: 'error', httpStatus: 400, error: sub.error, ...(sub.path ? { path: sub.path } : {}), ...(sub.code ? { code: sub.code } : {}) };
    case 'not_found':
      return { kind: 'error', httpStatus: 404, error: sub.error };
    case 'conflict':
      return { kind: 'error', httpStatus: 422, error: sub.error };
    case 'accepted': {
      const job = await sub.done;
      return { kind: 'done', body: JSON.stringify(renderJobResponse(job, deps.settings.get().language)) };
    }
  }
}
