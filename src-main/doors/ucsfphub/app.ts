/**
 * The UcsFPHub-compatible listener (seeds/001 v1 + seeds/003 v2, spec/compat.md): URLs and printer ids in
 * any case, JSON (lenient) or XML bodies, `format=xml` answers, persistent `request_id` replay, includes.
 * A thin translator: every device action is an operation run by the shared job pipeline.
 */
import os from 'node:os';
import express from 'express';
import { rawBody } from '../compat-shared/body.js';
import type { CompatContext } from '../compat-shared/context.js';
import { journalTimeToUcs, toUcsDateTime } from '../compat-shared/datetime.js';
import { runOperation } from '../compat-shared/jobs.js';
import { journalTotals } from '../compat-shared/journal-totals.js';
import { asText, isJsonNumber, isLObject, prop } from '../compat-shared/lenient-json.js';
import { listPrinters, resolveAliases, type PrinterRef } from '../compat-shared/printers.js';
import { tx } from '../compat-shared/texts.js';
import { DEVICE_ERRORS } from '../../domain/error-codes.js';
import type { DeviceStatusReport } from '../../domain/results.js';
import { UcsKit } from './kit.js';
import {
  cashBody,
  deviceConfig,
  failed,
  listEntry,
  ok,
  paymentNames,
  TAX_CAPTION,
  totalsBody,
  type UcsBody,
} from './render.js';
import { mountPrintRoutes } from './routes-print.js';

export function createUcsFpHubApp(ctx: CompatContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('case sensitive routing', false);
  for (const g of ctx.guards ?? []) app.use(g);
  app.use(rawBody);
  const kit = new UcsKit(ctx);
  const host = os.hostname();
  const jobsOf = (p: PrinterRef) => ctx.operations.listJobs({ device_id: p.view.config.id, limit: 10_000 });

  /** Device clock: from the status report's raw data when the driver gives it, else a get_datetime job. */
  const deviceClock = async (p: PrinterRef, raw?: Record<string, unknown>): Promise<string> => {
    if (typeof raw?.datetime === 'string') return toUcsDateTime(raw.datetime);
    const r = await runOperation(ctx.operations, {
      device_id: p.view.config.id,
      operation: { type: 'get_datetime' },
      source: 'ucsfphub',
    });
    return r.kind === 'job' && r.job.outcome?.ok ? toUcsDateTime(String(r.job.outcome.result.datetime ?? '')) : '';
  };

  app.get('/printers', async (req, res) => {
    const printers = listPrinters(ctx.devices);
    const out: UcsBody = ok({ Count: printers.length });
    for (const p of printers)
      out[p.serial] = listEntry(
        p.view,
        p.serial,
        await kit.info.get(p.view.config.id, { source: 'ucsfphub', waitMs: 5_000 }),
        host,
      );
    const aliases = resolveAliases(ctx.devices, ctx.settings().ucsfphub.aliases);
    const a: UcsBody = { Count: aliases.length };
    for (const { alias, printer } of aliases) a[alias] = { DeviceSerialNo: printer.serial };
    out.Aliases = a;
    kit.respond(req, res, 200, out);
  });

  app.get('/printers/:id', async (req, res) => {
    const p = kit.printer(req, res);
    if (!p) return;
    const info = await kit.info.get(p.view.config.id, { fresh: true, source: 'ucsfphub', waitMs: 10_000 });
    if (!info) return kit.respond(req, res, 200, failed(p.view.last_error ?? tx(kit.lang(), 'stillRunning')));
    const last = kit.lastReceipt(p.view.config.id, info.last_receipt_number);
    const clock = await deviceClock(p);
    kit.respond(
      req,
      res,
      200,
      ok({
        ...deviceConfig(p.view, p.serial, info),
        TaxNo: '',
        TaxCaption: TAX_CAPTION,
        Headers: info.headers,
        Footers: [],
        LastReceiptNo: last.number,
        LastReceiptDateTime: last.datetime,
        ReceiptNo: last.number,
        DeviceDateTime: clock,
        PaymentNames: paymentNames(info, kit.lang()),
      }),
    );
  });

  app.post('/printers/:id', async (req, res) => {
    const p = kit.printer(req, res);
    const body = p && kit.body(req, res);
    if (!p || body === undefined) return;
    const info = await kit.info.get(p.view.config.id, { source: 'ucsfphub', waitMs: 10_000 });
    const out = ok(deviceConfig(p.view, p.serial, info));
    const operator = isLObject(body) ? prop(body, 'Operator') : undefined;
    if (isLObject(operator) && prop(operator, 'Code') !== undefined) {
      const c = prop(operator, 'Code');
      const code = isJsonNumber(c) ? Number(c.text) : (asText(c) ?? '');
      out.Operator = { Code: code, Name: `Operator ${String(code)}`, Password: '****', DefaultPassword: '' };
    }
    await kit.answer(req, res, p, body, out);
  });

  app.get('/printers/:id/status', async (req, res) => {
    const p = kit.printer(req, res);
    if (!p) return;
    const ready = ctx.devices.readiness(p.view.config.id);
    if (!ready.ready) {
      const text = `${DEVICE_ERRORS.DEVICE_UNREACHABLE[kit.lang()]} (${ready.reason})`;
      return kit.respond(req, res, 200, { ...failed(text), DeviceStatusCode: 'failed', DeviceStatus: text });
    }
    const r = await runOperation(ctx.operations, {
      device_id: p.view.config.id,
      operation: { type: 'get_status' },
      source: 'ucsfphub',
    });
    if (r.kind !== 'job' || !r.job.outcome)
      return kit.respond(req, res, 200, failed('error' in r ? r.error : tx(kit.lang(), 'stillRunning')));
    if (!r.job.outcome.ok)
      return kit.respond(req, res, 200, {
        ...failed(r.job.outcome.error),
        DeviceStatusCode: 'failed',
        DeviceStatus: r.job.outcome.error,
      });
    const s = r.job.outcome.result as unknown as DeviceStatusReport;
    const ro = kit.lang() === 'ro';
    let code = 'ready';
    let text = '';
    if (s.paper === 'out' || s.cover_open) {
      code = 'failed';
      text = s.paper === 'out' ? (ro ? 'Lipsă hârtie' : 'Out of paper') : ro ? 'Capacul este deschis' : 'Cover open';
    } else if (p.view.status === 'Busy' || s.receipt_open) {
      code = 'busy';
      text = ro ? 'Casa de marcat este ocupată' : 'The register is busy';
    }
    await kit.answer(
      req,
      res,
      p,
      {},
      ok({ DeviceStatusCode: code, DeviceStatus: text, DeviceDateTime: await deviceClock(p, s.raw) }),
    );
  });

  app.get('/printers/:id/datetime', async (req, res) => {
    const p = kit.printer(req, res);
    if (!p) return;
    const r = await runOperation(ctx.operations, {
      device_id: p.view.config.id,
      operation: { type: 'get_datetime' },
      source: 'ucsfphub',
    });
    if (r.kind !== 'job' || !r.job.outcome)
      return kit.respond(req, res, 200, failed('error' in r ? r.error : tx(kit.lang(), 'stillRunning')));
    if (!r.job.outcome.ok) return kit.respond(req, res, 200, failed(r.job.outcome.error));
    await kit.answer(
      req,
      res,
      p,
      {},
      ok({ DeviceStatus: '', DeviceDateTime: toUcsDateTime(String(r.job.outcome.result.datetime ?? '')) }),
    );
  });

  /** Journal totals since the last Z, with the cash in the drawer as the register reports it now when it answers. */
  const totalsNow = async (p: PrinterRef) => {
    const t = journalTotals(jobsOf(p));
    if (!ctx.devices.readiness(p.view.config.id).ready) return t;
    const r = await runOperation(
      ctx.operations,
      { device_id: p.view.config.id, operation: { type: 'get_status' }, source: 'ucsfphub' },
      10_000,
    );
    const raw =
      r.kind === 'job' && r.job.outcome?.ok
        ? (r.job.outcome.result.raw as Record<string, unknown> | undefined)
        : undefined;
    if (typeof raw?.cash_in_drawer_cents === 'number') t.cash_cents = raw.cash_in_drawer_cents;
    return t;
  };

  app.get('/printers/:id/deposit', async (req, res) => {
    const p = kit.printer(req, res);
    if (p) await kit.answer(req, res, p, {}, ok(cashBody(await totalsNow(p))));
  });

  app.get('/printers/:id/totals', async (req, res) => {
    const p = kit.printer(req, res);
    if (!p) return;
    const t = await totalsNow(p);
    const info = await kit.info.get(p.view.config.id, { source: 'ucsfphub', waitMs: 5_000 });
    const lastZ = journalTimeToUcs(t.last_z_at);
    await kit.answer(req, res, p, {}, totalsBody(t, p.view.vat_rates, info, kit.lang(), lastZ));
  });

  mountPrintRoutes(app, kit);

  app.use((req, res) => {
    const m = req.method.toUpperCase();
    kit.respond(req, res, m === 'GET' || m === 'POST' ? 404 : 400, failed(tx(kit.lang(), 'notFound')));
  });
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 500) ctx.logger.error({ err }, 'ucsfphub door: internal error');
    kit.respond(req, res, status, failed(status >= 500 ? tx(kit.lang(), 'internal') : String((err as Error).message)));
  });
  return app;
}
