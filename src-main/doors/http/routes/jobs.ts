/** GET /jobs/:id and GET /jobs?device_id=&state=&limit= */
import { Router } from 'express';
import { JOB_STATES, type JobState } from '../../../domain/jobs.js';
import type { NativeDoorDeps } from '../hub-api.js';
import { renderJobResponse } from '../operation-response.js';

export function jobRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.get('/jobs/:id', (req, res) => {
    const job = deps.pipeline.getJob(req.params.id);
    if (!job) return void res.status(404).json({ status: 404, error: `Job not found: ${req.params.id}` });
    const finished = job.state === 'succeeded' || job.state === 'failed';
    res.json({ ...job, ...(finished ? { result: renderJobResponse(job, deps.settings.get().language) } : {}) });
  });
  r.get('/jobs', (req, res) => {
    const q = req.query;
    const state = typeof q.state === 'string' ? q.state : undefined;
    if (state !== undefined && !JOB_STATES.includes(state as JobState)) {
      return void res.status(400).json({ status: 400, error: `state: must be one of ${JOB_STATES.join(', ')}` });
    }
    const limitText = typeof q.limit === 'string' ? q.limit : undefined;
    const limit = limitText === undefined ? 50 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return void res.status(400).json({ status: 400, error: 'limit: must be an integer from 1 to 1000' });
    }
    const jobs = deps.pipeline.listJobs({
      ...(typeof q.device_id === 'string' ? { device_id: q.device_id } : {}),
      ...(state ? { state: state as JobState } : {}),
      limit,
    });
    res.json({ jobs });
  });
  return r;
}
