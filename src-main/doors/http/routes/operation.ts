/** POST /devices/operation — run one operation on one device, with Idempotency-Key semantics. */
import { Router } from 'express';
import type { NativeDoorDeps } from '../hub-api.js';
import { submitOperation } from '../submit-operation.js';

export function operationRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.post('/devices/operation', async (req, res) => {
    const key = req.header('idempotency-key');
    const out = await submitOperation(deps, req.body, key, 'http');
    if (out.kind === 'done') {
      res.status(200).type('application/json').send(out.body);
      return;
    }
    res.status(out.httpStatus).json({ status: out.httpStatus, error: out.error, ...(out.code ? { code: out.code } : {}) });
  });
  return r;
}
