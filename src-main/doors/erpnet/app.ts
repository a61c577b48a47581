/**
 * The ErpNet.FP-compatible listener (seeds/002, spec/compat.md): a thin translator from ErpNet.FP requests to
 * FisCool operations run by the shared job pipeline. Every printing request is a task `erpnet:<taskId>` in the
 * journal: `asyncTimeout` and `taskinfo` read it, and a client `taskId` that repeats a finished task gets that
 * task's answer again instead of a second print — across restarts too.
 */
import { randomBytes } from 'node:crypto';
import express from 'express';
import { DEVICE_ERRORS, type Language } from '../../domain/error-codes.js';
import type { JobRecord } from '../../domain/jobs.js';
import { isFinished } from '../../pipeline/contracts.js';
import { rawBody, readBody } from '../compat-shared/body.js';
import { centsToNumber } from '../compat-shared/decimal.js';
import type { CompatContext } from '../compat-shared/context.js';
import { findJobByKey, runOperation } from '../compat-shared/jobs.js';
import { journalTotals } from '../compat-shared/journal-totals.js';
import {
  DeviceInfoCache,
  findPrinter,
  listPrinters,
  resolveAliases,
  type PrinterRef,
} from '../compat-shared/printers.js';
import { buildReceiptOperation, mapOperationPath, stripOperationPath } from '../compat-shared/receipt-draft.js';
import { tx } from '../compat-shared/texts.js';
import { erpDeviceInfo, FALLBACK_LIMITS, type ErpDeviceInfo } from './printer-info.js';
import { errorStatus, renderErpOutcome, renderUnsupported, taskStatus, type ErpStatus } from './render.js';
import { erpCashOperation, erpDateTimeOperation, erpReceiptDraft, type ErpFailure } from './translate.js';

/** ErpNet.FP turns a synchronous request into an async task after 29 s; so do we. */
export const SYNC_LIMIT_MS = 29_000;
const TASK_ID_RE = /^[\w.~-]{1,64}$/;
const ITEM_FIELDS: Record<string, string> = {
  description: 'text',
  quantity_thousandths: 'quantity',
  unit_price_cents: 'unitPrice',
  vat: 'taxGroup',
  discount: 'priceModifierValue',
  department: 'department',
};

type PrintBuilder = (
  body: ReturnType<typeof readBody> & { ok: true },
  printer: PrinterRef,
  lang: Language,
) => Promise<
  | {
      ok: true;
      operation: Record<string, unknown> & { type: string };
      paths?: { linePaths: string[]; paymentPaths: string[] };
    }
  | ErpFailure
>;

export function createErpNetApp(ctx: CompatContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  for (const g of ctx.guards ?? []) app.use(g);
  const info = new DeviceInfoCache(ctx.operations, ctx.devices, ctx.events);
  const lang = () => ctx.settings().language;
  const cfg = () => ctx.settings().erpnet;
  const send = (res: express.Response, status: number, body: unknown) =>
    res.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));

  const printerOr404 = (req: express.Request, res: express.Response): PrinterRef | undefined => {
    const id = String(req.params.id ?? '');
    const p = findPrinter(ctx.devices, cfg().aliases, id);
    if (!p) send(res, 404, errorStatus('E999', tx(lang(), 'unknownPrinter')(id)));
    return p;
  };

  const describe = async (p: PrinterRef): Promise<ErpDeviceInfo> =>
    erpDeviceInfo(p.view, p.serial, await info.get(p.view.config.id, { source: 'erpnet', waitMs: 5_000 }));

  /** Render a finished task; cash and status answers need a second read. */
  const renderJob = (job: JobRecord & { outcome: NonNullable<JobRecord['outcome']> }): ErpStatus => {
    const fm =
      info.cached(job.device_id)?.fiscal_memory_id ?? ctx.devices.getFiscal(job.device_id)?.identity?.fiscal_memory_id;
    return renderErpOutcome(job, lang(), fm ? { fiscalMemoryId: fm } : {});
  };

  app.get('/printers', async (_req, res) => {
    const out: Record<string, ErpDeviceInfo> = {};
    for (const p of listPrinters(ctx.devices)) out[p.serial.toLowerCase()] = await describe(p);
    for (const { alias, printer } of resolveAliases(ctx.devices, cfg().aliases)) out[alias] = await describe(printer);
    send(res, 200, out);
  });

  app.get('/printers/taskinfo', (req, res) => {
    const id = String(req.query.id ?? '');
    const job = TASK_ID_RE.test(id) ? findJobByKey(ctx.operations, `erpnet:${id}`) : undefined;
    if (!job) return send(res, 200, { taskStatus: 'unknown' });
    if (isFinished(job)) return send(res, 200, { taskStatus: 'finished', result: renderJob(job) });
    return send(res, 200, { taskStatus: taskStatus(job.state) });
  });

  app.get('/printers/:id', async (req, res) => {
    const p = printerOr404(req, res);
    if (p) send(res, 200, await describe(p));
  });

  /** A register that is not connected: ErpNet.FP's "not responding" answer instead of a queued read. */
  const unreachable = (p: PrinterRef): ErpStatus | null => {
    const ready = ctx.devices.readiness(p.view.config.id);
    if (ready.ready) return null;
    return errorStatus('E101', `${DEVICE_ERRORS.DEVICE_UNREACHABLE[lang()]} (${ready.reason})`);
  };

  /** get_status on the register, or the E101 answer already sent (not connected, failed, still running). */
  const readStatus = async (p: PrinterRef, res: express.Response) => {
    const down = unreachable(p);
    if (down) return void send(res, 200, down);
    const r = await runOperation(
      ctx.operations,
      { device_id: p.view.config.id, operation: { type: 'get_status' }, source: 'erpnet' },
      SYNC_LIMIT_MS,
    );
    if (r.kind !== 'job' || !isFinished(r.job))
      return void send(res, 200, errorStatus('E101', 'error' in r ? r.error : tx(lang(), 'stillRunning')));
    return { job: r.job };
  };

  app.get('/printers/:id/status', async (req, res) => {
    const p = printerOr404(req, res);
    if (!p) return;
    const r = await readStatus(p, res);
    if (!r) return;
    let deviceDateTime: string | undefined;
    const raw = r.job.outcome.ok ? (r.job.outcome.result.raw as Record<string, unknown> | undefined) : undefined;
    if (typeof raw?.datetime === 'string') deviceDateTime = raw.datetime;
    else if (r.job.outcome.ok) {
      const d = await runOperation(
        ctx.operations,
        { device_id: p.view.config.id, operation: { type: 'get_datetime' }, source: 'erpnet' },
        SYNC_LIMIT_MS,
      );
      if (d.kind === 'job' && d.job.outcome?.ok && typeof d.job.outcome.result.datetime === 'string')
        deviceDateTime = d.job.outcome.result.datetime;
    }
    send(res, 200, renderErpOutcome(r.job, lang(), deviceDateTime === undefined ? {} : { deviceDateTime }));
  });

  app.get('/printers/:id/cash', async (req, res) => {
    const p = printerOr404(req, res);
    if (!p) return;
    const r = await readStatus(p, res);
    if (!r) return;
    if (!r.job.outcome.ok) return send(res, 200, renderJob(r.job));
    const raw = r.job.outcome.result.raw as Record<string, unknown> | undefined;
    const cash =
      typeof raw?.cash_in_drawer_cents === 'number'
        ? raw.cash_in_drawer_cents
        : journalTotals(ctx.operations.listJobs({ device_id: p.view.config.id, limit: 10_000 })).cash_cents;
    send(res, 200, {
      amount: centsToNumber(cash),
      ok: true,
      messages: [{ type: 'info', code: '', text: lang() === 'ro' ? 'Numerar în sertar' : 'Cash in drawer' }],
    });
  });

  /** Every printing request: translate, submit as task `erpnet:<taskId>`, answer now, after asyncTimeout, or with the taskId. */
  const printing = (build: PrintBuilder) => async (req: express.Request, res: express.Response) => {
    const p = printerOr404(req, res);
    if (!p) return;
    const body = readBody(req, { allowXml: false });
    if (!body.ok) return send(res, 400, errorStatus('E401', tx(lang(), 'badBody')(body.error)));
    const clientTask = typeof req.query.taskId === 'string' ? req.query.taskId : undefined;
    if (clientTask !== undefined && !TASK_ID_RE.test(clientTask))
      return send(
        res,
        200,
        errorStatus('E110', tx(lang(), 'invalidField')('taskId', 'use 1–64 letters, digits, "_", "-", "." or "~"')),
      );
    const asyncParam = typeof req.query.asyncTimeout === 'string' ? req.query.asyncTimeout : undefined;
    let waitMs = SYNC_LIMIT_MS;
    if (asyncParam !== undefined) {
      const n = Number(asyncParam);
      if (!Number.isInteger(n) || n < 0)
        return send(
          res,
          200,
          errorStatus('E403', tx(lang(), 'invalidField')('asyncTimeout', 'must be a whole number of milliseconds ≥ 0')),
        );
      waitMs = Math.min(n, SYNC_LIMIT_MS);
    }
    const built = await build(body, p, lang());
    if (!built.ok)
      return send(res, 200, errorStatus(built.code, tx(lang(), 'invalidField')(built.path || 'body', built.error)));
    const taskId = clientTask ?? randomBytes(16).toString('base64url');
    const r = await runOperation(
      ctx.operations,
      {
        device_id: p.view.config.id,
        operation: built.operation,
        source: 'erpnet',
        idempotency_key: `erpnet:${taskId}`,
      },
      waitMs,
    );
    if (r.kind === 'not_found')
      return send(res, 404, errorStatus('E999', tx(lang(), 'unknownPrinter')(String(req.params.id))));
    if (r.kind === 'conflict') return send(res, 200, errorStatus('E109', tx(lang(), 'conflict')(taskId)));
    if (r.kind === 'invalid' && r.code === 'NOT_SUPPORTED') return send(res, 200, renderUnsupported(r.error, lang(), built.operation.type === 'print_refund'));
    if (r.kind === 'invalid') {
      const path = built.paths ? mapOperationPath(r.path, built.paths, ITEM_FIELDS) : r.path;
      const code = /taxGroup|vat/.test(path ?? '') ? 'E411' : 'E403';
      return send(res, 200, errorStatus(code, tx(lang(), 'invalidField')(path ?? 'body', stripOperationPath(r.error))));
    }
    if (!r.finished || !isFinished(r.job)) return send(res, 200, { taskId });
    send(res, 200, renderJob(r.job));
  };

  const receipt =
    (reversal: boolean): PrintBuilder =>
    async (body, p, language) => {
      const s = cfg();
      const d = erpReceiptDraft(body.value, { reversal, uniqueSaleNumber: s.unique_sale_number, language });
      if (!d.ok) return d;
      const devInfo = await info.get(p.view.config.id, { source: 'erpnet', waitMs: 5_000 });
      const b = buildReceiptOperation(d.draft, devInfo?.text_limits ?? FALLBACK_LIMITS, s.truncate_text);
      if (!b.ok) return { ok: false, code: 'E407', path: b.path, error: b.error };
      return { ok: true, operation: b.operation, paths: b };
    };
  const simple =
    (type: string): PrintBuilder =>
    async () => ({ ok: true, operation: { type } });

  app.post('/printers/:id/receipt', rawBody, printing(receipt(false)));
  app.post('/printers/:id/reversalreceipt', rawBody, printing(receipt(true)));
  app.post(
    '/printers/:id/deposit',
    rawBody,
    printing(async (b) => erpCashOperation(b.value, 'deposit_cash')),
  );
  app.post(
    '/printers/:id/withdraw',
    rawBody,
    printing(async (b) => erpCashOperation(b.value, 'withdraw_cash')),
  );
  app.post('/printers/:id/xreport', rawBody, printing(simple('print_x')));
  app.post('/printers/:id/zreport', rawBody, printing(simple('print_z')));
  app.post('/printers/:id/duplicate', rawBody, printing(simple('print_duplicate')));
  app.post('/printers/:id/reset', rawBody, printing(simple('cancel_receipt')));
  app.post(
    '/printers/:id/datetime',
    rawBody,
    printing(async (b) => erpDateTimeOperation(b.value, new Date())),
  );
  for (const name of ['invoice', 'creditnote', 'rawrequest']) {
    app.post(`/printers/:id/${name}`, (req, res) => {
      if (printerOr404(req, res)) send(res, 200, errorStatus('E412', tx(lang(), 'notSupported')(name)));
    });
  }

  app.use((_req, res) => send(res, 404, errorStatus('E999', tx(lang(), 'notFound'))));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 500) ctx.logger.error({ err }, 'erpnet door: internal error');
    send(
      res,
      status,
      errorStatus(
        status === 413 ? 'E403' : 'E999',
        status >= 500 ? tx(lang(), 'internal') : String((err as Error).message),
      ),
    );
  });
  return app;
}
