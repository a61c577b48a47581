/** `/inbox` on the native API: list files, retry or discard a failed/waiting one. JSON; errors `{status, error}`. */
import express, { type Router } from 'express';
import { INBOX_STATES } from './store.js';
import type { Inbox } from './inbox.js';

export function createInboxRouter(inbox: Inbox): Router {
  const r = express.Router();

  r.get('/files', (req, res) => {
    const q = req.query;
    const device_id = typeof q['device_id'] === 'string' && q['device_id'] !== '' ? q['device_id'] : undefined;
    const state = typeof q['state'] === 'string' && q['state'] !== '' ? q['state'] : undefined;
    if (state !== undefined && !(INBOX_STATES as readonly string[]).includes(state)) {
      res.status(400).json({ status: 400, error: `state must be one of ${INBOX_STATES.join(', ')}` });
      return;
    }
    let limit: number | undefined;
    if (q['limit'] !== undefined) {
      limit = Number(q['limit']);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        res.status(400).json({ status: 400, error: 'limit must be a whole number from 1 to 1000' });
        return;
      }
    }
    const files = inbox.list({
      ...(device_id ? { device_id } : {}),
      ...(state ? { state } : {}),
      ...(limit ? { limit } : {}),
    });
    res.json({ status: 0, files: files.map((f) => ({ ...f, retryable: inbox.retryable(f) })) });
  });

  r.get('/folders', (_req, res) => {
    res.json({ status: 0, folders: inbox.folderStates() });
  });

  r.get('/files/:id', (req, res) => {
    const f = inbox.get(req.params['id'] ?? '');
    if (!f) res.status(404).json({ status: 404, error: `Inbox file not found: ${req.params['id']}` });
    else res.json({ status: 0, file: { ...f, retryable: inbox.retryable(f) } });
  });

  for (const action of ['retry', 'discard'] as const) {
    r.post(`/files/:id/${action}`, async (req, res, next) => {
      try {
        const out = await inbox[action](req.params['id'] ?? '');
        if (out.ok) res.json({ status: 0, file: out.file });
        else res.status(out.status).json({ status: out.status, error: out.error });
      } catch (err) {
        next(err);
      }
    });
  }
  return r;
}
