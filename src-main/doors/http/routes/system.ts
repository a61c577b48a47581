/** GET /, /health, /metrics, /openapi.json */
import { Router } from 'express';
import { journalSizeBytes } from '../../../journal/journal.js';
import type { JobStore } from '../../../journal/job-store.js';
import type { NativeDoorDeps } from '../hub-api.js';
import { buildOpenApi } from '../openapi.js';
import { renderMetrics } from '../prometheus.js';

export function systemRoutes(deps: NativeDoorDeps, jobs: JobStore): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.type('text/plain').send('FisCool API Server running.');
  });
  r.get('/health', (_req, res) => {
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
    res.type('text/plain; version=0.0.4').send(renderMetrics({ jobs, metrics: deps.metrics, registry: deps.registry, startedAt: deps.startedAt }));
  });
  const openapi = buildOpenApi(deps.version);
  r.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  return r;
}
