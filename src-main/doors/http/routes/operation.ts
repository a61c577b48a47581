/** POST /devices/operation — run one operation on one device, with Idempotency-Key semantics. */
import { Router } from 'express';
import type { NativeDoorDeps } from '../hub-api.js';
import { languageOf, localizeAnswer } from '../request-language.js';
import { submitOperation } from '../submit-operation.js';

export function operationRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.post('/devices/operation', async (req, res) => {
    const key = req.header('idempotency-key');
    const out = await submitOperation(deps, req.body, key, 'http');
    if (out.kind === 'done') {
      const lang = languageOf(res);
      const opType = (req.body as { operation?: { type?: unknown } }).operation?.type;
      const body = lang && typeof opType === 'string' ? JSON.stringify(localizeAnswer(JSON.parse(out.body) as Record<string, unknown>, opType, lang)) : out.body;
      // Written straight on the node response (the headers set before it kept): the hot path skips express's send.
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    res.status(out.httpStatus).json({ status: out.httpStatus, error: out.error, ...(out.code ? { code: out.code } : {}), ...(out.path ? { path: out.path } : {}) });
  });
  return r;
}
