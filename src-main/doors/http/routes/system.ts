/** GET /, /health, /metrics, /openapi.json, /support/bundle; POST /backup */
import { Router, type Request } from 'express';
import { journalSizeBytes } from '../../../journal/journal.js';
import type { JobStore } from '../../../journal/job-store.js';
import { supportBundleName } from '../../../ops/support-bundle.js';
import type { NativeDoorDeps } from '../hub-api.js';
import { buildOpenApi } from '../openapi.js';
import { renderMetrics } from '../prometheus.js';

/** The address this request reached (its Host header passed the security guard), e.g. http://127.0.0.1:10123. */
function servedAddress(req: Request): string {
  const host = req.get('host') ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  return `http://${host}`;
}

export function systemRoutes(deps: NativeDoorDeps, jobs: JobStore): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.type('text/plain').send('FisCool API Server running.');
  });
  r.get('/health', (_req, res) => {
    if (deps.ops) {
      res.json({ status: 0, ...deps.ops.health() });
      return;
    }
    res.json({
      status: 0,
      version: deps.version,
      uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
      devices: [
        ...deps.registry.listFiscal().map((d) => ({ id: d.config.id, name: d.config.name, kind: 'fiscal', status: d.status })),
        ...deps.registry.listPos().map((d) => ({ id: d.config.id, name: d.config.name, kind: 'pos', status: d.status })),
      ],
      workers: deps.pipeline.workerStats(),
      journal_bytes: journalSizeBytes(deps.db),
    });
  });
  r.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send(
      renderMetrics({
        jobs,
        metrics: deps.metrics,
        registry: deps.registry,
        startedAt: deps.startedAt,
        journalBytes: journalSizeBytes(deps.db),
        ...(deps.ops ? { healthy: deps.ops.health().ok } : {}),
      }),
    );
  });
  // Built on first use (it walks every schema): start-up stays quick and small.
  let openapi: Record<string, unknown> | null = null;
  r.get('/openapi.json', (req, res) => {
    openapi ??= buildOpenApi(deps.version);
    res.json({ ...openapi, servers: [{ url: servedAddress(req) }] });
  });
  r.get('/support/bundle', (_req, res) => {
    if (!deps.ops) {
      res.status(404).json({ status: 404, error: 'No support bundle in this hub' });
      return;
    }
    const body = deps.ops.supportBundle();
    res.set('Content-Disposition', `attachment; filename="${supportBundleName(new Date())}"`);
    res.type('application/gzip').send(body);
  });
  r.post('/backup', async (_req, res, next) => {
    if (!deps.ops) {
      res.status(404).json({ status: 404, error: 'No backup in this hub' });
      return;
    }
    try {
      const out = await deps.ops.backup();
      res.json({ status: 0, ...out });
    } catch (err) {
      next(err);
    }
  });
  return r;
}
