/**
 * POST /devices/operation — run one operation on one device, with Idempotency-Key semantics. Most requests are
 * answered by the fast door (fast-operation.ts) before express sees them; this route takes the rest (a browser's
 * CORS request, a query string, a body sent in chunks) and answers them the same way.
 */
import { Router } from 'express';
import type { NativeDoorDeps } from '../hub-api.js';
import { operationAnswer, writeAnswer } from '../operation-answer.js';
import { languageOf } from '../request-language.js';

export function operationRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.post('/devices/operation', async (req, res) => {
    writeAnswer(res, await operationAnswer(deps, req.body, req.header('idempotency-key'), languageOf(res)));
  });
  return r;
}
