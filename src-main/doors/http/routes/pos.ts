/**
 * The cashier's to-do of card payments without a receipt (docs/api.md "Card payments"):
 *   GET  /pos/pending-voids                      charges whose receipt failed and that are not reversed
 *   POST /pos/pending-voids/{receipt_job_id}/retry     void again (after a failed void)
 *   POST /pos/pending-voids/{receipt_job_id}/resolve   { "note"?: "…" } settled by hand on the terminal
 */
import { Router } from 'express';
import type { NativeDoorDeps } from '../hub-api.js';

export function posRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  const pending = () => deps.pipeline.pendingVoids;
  r.get('/pos/pending-voids', (_req, res) => {
    res.json({ pending_voids: pending().list() });
  });
  r.post('/pos/pending-voids/:id/retry', (req, res) => {
    const a = pending().retry(req.params.id);
    if (!a.ok) return void res.status(a.status).json({ status: a.status, error: a.error });
    res.json({ status: 0, pending_void: a.entry, void_job_id: a.void_job_id ?? null });
  });
  r.post('/pos/pending-voids/:id/resolve', (req, res) => {
    const note = (req.body as { note?: unknown } | undefined)?.note;
    if (note !== undefined && (typeof note !== 'string' || note.length > 200)) {
      return void res.status(400).json({ status: 400, error: 'note: must be a text of at most 200 characters' });
    }
    const a = pending().resolve(req.params.id, note ?? '');
    if (!a.ok) return void res.status(a.status).json({ status: a.status, error: a.error });
    res.json({ status: 0 });
  });
  return r;
}
