/**
 * POST /devices/operation's answer, whichever way the request came in (the express route or the fast door): the
 * submitted job's rendering, in the request's language when it asked for one, or the refusal as `{status, error}`.
 */
import type { ServerResponse } from 'node:http';
import type { TextLanguage } from '../../shared/texts/text-language.js';
import type { NativeDoorDeps } from './hub-api.js';
import { localizeAnswer } from './request-language.js';
import { submitOperation } from './submit-operation.js';

export interface OperationAnswer {
  httpStatus: number;
  body: string;
}

export async function operationAnswer(
  deps: NativeDoorDeps,
  body: unknown,
  key: string | undefined,
  lang: TextLanguage | null,
): Promise<OperationAnswer> {
  const out = await submitOperation(deps, body, key, 'http');
  if (out.kind === 'done') {
    const opType = (body as { operation?: { type?: unknown } }).operation?.type;
    const text = lang && typeof opType === 'string' ? JSON.stringify(localizeAnswer(JSON.parse(out.body) as Record<string, unknown>, opType, lang)) : out.body;
    return { httpStatus: 200, body: text };
  }
  const refusal = { status: out.httpStatus, error: out.error, ...(out.code ? { code: out.code } : {}), ...(out.path ? { path: out.path } : {}) };
  return { httpStatus: out.httpStatus, body: JSON.stringify(refusal) };
}

/** Written straight on the node response; the headers set before (security, CORS) are kept. */
export function writeAnswer(res: ServerResponse, a: OperationAnswer): void {
  res.writeHead(a.httpStatus, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(a.body) });
  res.end(a.body);
}
