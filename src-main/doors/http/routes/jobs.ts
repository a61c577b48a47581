/** GET /jobs/:id, GET /jobs?device_id=&state=&source=&from=&to=&limit= and GET /jobs/export.csv (same filters). */
import { Router } from 'express';
import type { NativeDoorDeps } from '../hub-api.js';
import { parseJobQuery } from '../job-query.js';
import { jobsCsv } from '../jobs-csv.js';
import { renderJobResponse } from '../operation-response.js';
import { languageOf, localizeAnswer, localizeJob } from '../request-language.js';

export function jobRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.get('/jobs/export.csv', (req, res) => {
    const parsed = parseJobQuery(req.query, 50_000, 50_000);
    if (!parsed.ok) return void res.status(400).json({ status: 400, error: parsed.error });
    const names = new Map([...deps.registry.listFiscal(), ...deps.registry.listPos()].map((d) => [d.config.id, d.config.name]));
    const jobs = deps.pipeline.listJobs(parsed.query).map((j) => localizeJob(j, languageOf(res)));
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', 'attachment; filename="fiscool-journal.csv"')
      .send(jobsCsv(jobs, (id) => names.get(id) ?? ''));
  });
  r.get('/jobs/:id', (req, res) => {
    const job = deps.pipeline.getJob(req.params.id);
    if (!job) return void res.status(404).json({ status: 404, error: `Job not found: ${req.params.id}` });
    const finished = job.state === 'succeeded' || job.state === 'failed';
    const lang = languageOf(res);
    const result = finished ? renderJobResponse(job, deps.settings.get().language) : null;
    res.json({ ...localizeJob(job, lang), ...(result ? { result: lang ? localizeAnswer(result, job.operation.type, lang) : result } : {}) });
  });
  r.get('/jobs', (req, res) => {
    const parsed = parseJobQuery(req.query, 1000, 50);
    if (!parsed.ok) return void res.status(400).json({ status: 400, error: parsed.error });
    res.json({ jobs: deps.pipeline.listJobs(parsed.query).map((j) => localizeJob(j, languageOf(res))) });
  });
  return r;
}
