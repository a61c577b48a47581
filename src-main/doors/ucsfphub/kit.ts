/**
 * Request plumbing shared by the UcsFPHub routes: case-insensitive query parameters, `format=xml|json`
 * answers, printer lookup, persistent `request_id` replay through the pipeline's idempotency keys, includes.
 */
import type express from 'express';
import type { JobRecord } from '../../domain/jobs.js';
import type { ReceiptResult } from '../../domain/results.js';
import { isFinished } from '../../pipeline/contracts.js';
import { readBody } from '../compat-shared/body.js';
import type { CompatContext } from '../compat-shared/context.js';
import { toUcsDateTime } from '../compat-shared/datetime.js';
import { retryableKey, runOperation } from '../compat-shared/jobs.js';
import type { LValue } from '../compat-shared/lenient-json.js';
import { DeviceInfoCache, findPrinter, type PrinterRef } from '../compat-shared/printers.js';
import { stripOperationPath } from '../compat-shared/receipt-draft.js';
import { tx } from '../compat-shared/texts.js';
import { renderXml } from '../compat-shared/xml.js';
import { applyIncludes, includeFlags } from './includes.js';
import { failed, failureText, type UcsBody } from './render.js';

/**
 * UcsFPHub has no asynchronous mode: a request waits for its job, at most this long; then the answer says the job
 * is still running, and repeating the request with its request_id picks up the same job.
 */
export const UCS_WAIT_LIMIT_MS = 120_000;

export type Finished = JobRecord & { outcome: NonNullable<JobRecord['outcome']> };

export class UcsKit {
  readonly info: DeviceInfoCache;
  constructor(readonly ctx: CompatContext) {
    this.info = new DeviceInfoCache(ctx.operations, ctx.devices, ctx.events);
  }

  lang() {
    return this.ctx.settings().language;
  }

  query(req: express.Request, name: string): string | undefined {
    const want = name.toLowerCase();
    for (const [k, v] of Object.entries(req.query)) if (k.toLowerCase() === want && typeof v === 'string') return v;
    return undefined;
  }

  respond(req: express.Request, res: express.Response, status: number, body: UcsBody): void {
    const format = this.query(req, 'format')?.toLowerCase();
    res.status(status);
    if (format === 'xml') res.type('text/xml; charset=utf-8').send(renderXml(body));
    else
      res
        .type('application/json; charset=utf-8')
        .send(format === 'json' ? JSON.stringify(body, null, 2) : JSON.stringify(body));
  }

  /** The printer named in the URL, or a 404 answer. */
  printer(req: express.Request, res: express.Response): PrinterRef | undefined {
    const id = String(req.params.id ?? '');
    const p = findPrinter(this.ctx.devices, this.ctx.settings().ucsfphub.aliases, id);
    if (!p) this.respond(req, res, 404, failed(tx(this.lang(), 'unknownPrinter')(id)));
    return p;
  }

  /** The parsed body (JSON, lenient, or XML), or a 400 answer. */
  body(req: express.Request, res: express.Response): LValue | undefined {
    const b = readBody(req, { allowXml: true });
    if (b.ok) return b.value;
    this.respond(req, res, 400, failed(tx(this.lang(), 'badBody')(b.error)));
    return undefined;
  }

  /**
   * Run one operation and answer failures in UcsFPHub's shape; resolves to the finished job on success.
   * `request_id` (POST only) makes it idempotent across restarts: same id and body → the stored job.
   */
  async run(
    req: express.Request,
    res: express.Response,
    p: PrinterRef,
    operation: Record<string, unknown> & { type: string },
    opts: { idempotent?: boolean; mapPath?: (path: string | null) => string | null } = {},
  ): Promise<Finished | undefined> {
    const lang = this.lang();
    const rid = opts.idempotent ? this.query(req, 'request_id') : undefined;
    const key = rid ? retryableKey(this.ctx.operations, `ucs:${rid}`) : undefined;
    const submit = { device_id: p.view.config.id, operation, source: 'ucsfphub' as const };
    const r = await runOperation(this.ctx.operations, key ? { ...submit, idempotency_key: key } : submit, UCS_WAIT_LIMIT_MS);
    if (r.kind === 'invalid' && r.code === 'NOT_SUPPORTED') {
      const reversal = operation.type === 'print_refund';
      this.respond(req, res, 200, failed(reversal ? tx(lang, 'reversalUnsupported') : stripOperationPath(r.error)));
      return undefined;
    }
    if (r.kind === 'invalid') {
      const path = opts.mapPath ? opts.mapPath(r.path) : r.path;
      this.respond(req, res, 400, failed(tx(lang, 'invalidField')(path ?? 'body', stripOperationPath(r.error))));
      return undefined;
    }
    if (r.kind === 'not_found') {
      this.respond(req, res, 404, failed(tx(lang, 'unknownPrinter')(String(req.params.id))));
      return undefined;
    }
    if (r.kind === 'conflict') {
      this.respond(req, res, 409, failed(tx(lang, 'conflict')(rid ?? '')));
      return undefined;
    }
    let job = r.job;
    if (!isFinished(job) && job.state === 'in_doubt') {
      // The outcome is being settled with the register: a UcsFPHub client reads Ok:false as "failed", so the answer
      // waits for the settlement instead of saying something that may not be true.
      job = (await this.ctx.operations.waitForJob(job.id, UCS_WAIT_LIMIT_MS)) ?? job;
    }
    if (!isFinished(job)) {
      // Still unknown: not an answer at all (503, retry later with the same request_id), never a failure.
      res.setHeader('Retry-After', '5');
      this.respond(req, res, 503, failed(tx(lang, job.state === 'in_doubt' ? 'inDoubt' : 'stillRunning')));
      return undefined;
    }
    if (!job.outcome.ok) {
      this.respond(req, res, 200, failed(failureText(job.outcome, lang, operation.type === 'print_refund')));
      return undefined;
    }
    return job;
  }

  /** The last receipt this device printed, from the journal. */
  lastReceipt(deviceId: string, fallbackNumber?: number): { number: string; datetime: string } {
    const jobs = this.ctx.operations.listJobs({ device_id: deviceId, state: 'succeeded', limit: 10_000 });
    let best: ReceiptResult | undefined;
    let bestAt = '';
    for (const j of jobs) {
      if (j.operation.type !== 'print_receipt' && j.operation.type !== 'print_refund') continue;
      if (!j.outcome?.ok || (j.finished_at ?? '') < bestAt) continue;
      best = j.outcome.result as unknown as ReceiptResult;
      bestAt = j.finished_at ?? '';
    }
    const number = fallbackNumber ?? best?.slip_number;
    return {
      number: number === undefined ? '' : String(number),
      datetime: best ? toUcsDateTime(best.receipt_datetime) : '',
    };
  }

  /** Add what the request's Include* flags ask for, then answer 200. */
  async answer(req: express.Request, res: express.Response, p: PrinterRef, body: LValue, out: UcsBody): Promise<void> {
    const flags = includeFlags(body, req.query as Record<string, unknown>);
    if (flags.size > 0) {
      const info = await this.info.get(p.view.config.id, { source: 'ucsfphub', waitMs: 5_000 });
      applyIncludes(out, flags, {
        info,
        rates: p.view.vat_rates,
        lastReceipt: this.lastReceipt(p.view.config.id),
        lang: this.lang(),
      });
    }
    this.respond(req, res, 200, out);
  }
}
