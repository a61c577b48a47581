/** UcsFPHub routes that act on the register: receipt, deposit/withdraw, report, set clock, drawer. */
import type express from 'express';
import type { ReceiptResult } from '../../domain/results.js';
import { centsToNumber, toCents } from '../compat-shared/decimal.js';
import { journalTimeToUcs, parseClientDateTime, secondsBetween, toUcsDateTime } from '../compat-shared/datetime.js';
import { journalTotals } from '../compat-shared/journal-totals.js';
import { asFlag, asText, isLObject, prop, type LObject } from '../compat-shared/lenient-json.js';
import { runOperation } from '../compat-shared/jobs.js';
import { buildReceiptOperation, mapOperationPath } from '../compat-shared/receipt-draft.js';
import { tx } from '../compat-shared/texts.js';
import { readReportType } from './enums.js';
import { cashBody, FALLBACK_LIMITS, failed, ok } from './render.js';
import { ucsReceiptRequest } from './translate-receipt.js';
import type { UcsKit } from './kit.js';

const ITEM_FIELDS: Record<string, string> = {
  description: 'ItemName',
  quantity_thousandths: 'Quantity',
  unit_price_cents: 'Price',
  vat: 'TaxGroup',
  discount: 'Discount',
  amount_cents: 'Amount',
  method: 'PaymentType',
};

export function mountPrintRoutes(app: express.Express, kit: UcsKit): void {
  const obj = (v: unknown): LObject => (isLObject(v as never) ? (v as LObject) : {});
  const bad = (req: express.Request, res: express.Response, path: string, why: string, status = 400) =>
    kit.respond(req, res, status, failed(tx(kit.lang(), 'invalidField')(path, why)));

  app.post('/printers/:id/receipt', async (req, res) => {
    const p = kit.printer(req, res);
    const body = p && kit.body(req, res);
    if (!p || body === undefined) return;
    const settings = kit.ctx.settings().ucsfphub;
    const t = ucsReceiptRequest(body, {
      uniqueSaleNumber: settings.unique_sale_number ?? 'print',
      language: kit.lang(),
    });
    if (!t.ok)
      return t.unsupported
        ? kit.respond(req, res, 200, failed(`${t.path}: ${t.error}`))
        : bad(req, res, t.path || 'body', t.error);
    if (t.kind === 'duplicate') {
      const job = await kit.run(req, res, p, { type: 'print_duplicate' }, { idempotent: true });
      if (job) await kit.answer(req, res, p, body, ok());
      return;
    }
    const info = await kit.info.get(p.view.config.id, { source: 'ucsfphub', waitMs: 5_000 });
    const built = buildReceiptOperation(t.draft, info?.text_limits ?? FALLBACK_LIMITS, settings.truncate_text);
    if (!built.ok) return bad(req, res, built.path, built.error);
    const job = await kit.run(req, res, p, built.operation, {
      idempotent: true,
      mapPath: (path) => mapOperationPath(path, built, ITEM_FIELDS),
    });
    if (!job || !job.outcome.ok) return;
    const r = job.outcome.result as unknown as ReceiptResult;
    await kit.answer(
      req,
      res,
      p,
      body,
      ok({
        ReceiptNo: String(r.slip_number),
        ReceiptDateTime: toUcsDateTime(r.receipt_datetime),
        DeviceSerialNo: p.serial,
        FiscalMemoryNo: info?.fiscal_memory_id ?? r.fiscal_serial,
        ReceiptAmount: centsToNumber(r.total_cents),
      }),
    );
  });

  app.post('/printers/:id/deposit', async (req, res) => {
    const p = kit.printer(req, res);
    const body = p && kit.body(req, res);
    if (!p || body === undefined) return;
    const amount = toCents(prop(obj(body), 'Amount'));
    if (!amount.ok) return bad(req, res, 'Amount', amount.reason);
    if (amount.value === 0) return bad(req, res, 'Amount', 'must not be 0 (positive = deposit, negative = withdraw)');
    const op =
      amount.value > 0
        ? { type: 'deposit_cash', amount: amount.value }
        : { type: 'withdraw_cash', amount: -amount.value };
    const job = await kit.run(req, res, p, op, { idempotent: true });
    if (!job) return;
    const totals = journalTotals(kit.ctx.operations.listJobs({ device_id: p.view.config.id, limit: 10_000 }), job);
    await kit.answer(
      req,
      res,
      p,
      body,
      ok({ ReceiptNo: '', ReceiptDateTime: journalTimeToUcs(job.finished_at), ...cashBody(totals) }),
    );
  });

  app.post('/printers/:id/report', async (req, res) => {
    const p = kit.printer(req, res);
    const body = p && kit.body(req, res);
    if (!p || body === undefined) return;
    const b = obj(body);
    const rt =
      prop(b, 'ReportType') === undefined
        ? { ok: true as const, value: 'Daily' as const }
        : readReportType(prop(b, 'ReportType'));
    if (!rt.ok) return bad(req, res, 'ReportType', rt.reason);
    let op: Record<string, unknown> & { type: string };
    if (rt.value === 'Daily') op = { type: asFlag(prop(b, 'IsClear')) ? 'print_z' : 'print_x' };
    else if (rt.value === 'Date') {
      const from = asText(prop(b, 'FromDate'))?.trim().slice(0, 10) ?? '';
      const to = asText(prop(b, 'ToDate'))?.trim().slice(0, 10) ?? from;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return bad(req, res, 'FromDate', 'must be a date like 2019-07-01');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) return bad(req, res, 'ToDate', 'must be a date like 2019-07-31');
      op = { type: 'print_fiscal_memory_report', range: { type: 'date', start: from, end: to }, detailed: false };
    } else return kit.respond(req, res, 200, failed(tx(kit.lang(), 'notSupported')(`ReportType ${rt.value}`)));
    const job = await kit.run(req, res, p, op, { idempotent: true });
    if (!job || !job.outcome.ok) return;
    const z = job.outcome.result.z_number;
    const info = kit.info.cached(p.view.config.id);
    await kit.answer(
      req,
      res,
      p,
      body,
      ok({
        ReceiptNo: typeof z === 'number' ? String(z) : '',
        ReceiptDateTime: journalTimeToUcs(job.finished_at),
        DeviceSerialNo: p.serial,
        FiscalMemoryNo: info?.fiscal_memory_id ?? p.view.identity?.fiscal_memory_id ?? '',
      }),
    );
  });

  app.post('/printers/:id/datetime', async (req, res) => {
    const p = kit.printer(req, res);
    const body = p && kit.body(req, res);
    if (!p || body === undefined) return;
    const b = obj(body);
    const text = asText(prop(b, 'DeviceDateTime'))?.trim();
    const wanted = parseClientDateTime(text || new Date().toISOString());
    if (!wanted.ok) return bad(req, res, 'DeviceDateTime', wanted.reason);
    const tolText = asText(prop(b, 'AdjustTolerance'));
    const tolerance = tolText === undefined ? undefined : Number(tolText);
    if (tolerance !== undefined && (!Number.isFinite(tolerance) || tolerance < 0))
      return bad(req, res, 'AdjustTolerance', 'must be a number of seconds ≥ 0');
    const prev = await runOperation(kit.ctx.operations, {
      device_id: p.view.config.id,
      operation: { type: 'get_datetime' },
      source: 'ucsfphub',
    });
    const prevText = prev.kind === 'job' && prev.job.outcome?.ok ? String(prev.job.outcome.result.datetime ?? '') : '';
    if (tolerance !== undefined && prevText && Math.abs(secondsBetween(prevText, wanted.local)) <= tolerance) {
      return kit.answer(
        req,
        res,
        p,
        body,
        ok({ PreviousDateTime: toUcsDateTime(prevText), DeviceStatus: '', DeviceDateTime: toUcsDateTime(prevText) }),
      );
    }
    const job = await kit.run(req, res, p, { type: 'set_datetime', datetime: wanted.local }, { idempotent: true });
    if (!job || !job.outcome.ok) return;
    const now = String(job.outcome.result.datetime ?? wanted.local);
    await kit.answer(
      req,
      res,
      p,
      body,
      ok({
        PreviousDateTime: prevText ? toUcsDateTime(prevText) : '',
        DeviceStatus: '',
        DeviceDateTime: toUcsDateTime(now),
      }),
    );
  });

  app.post('/printers/:id/drawer', async (req, res) => {
    const p = kit.printer(req, res);
    const body = p && kit.body(req, res);
    if (!p || body === undefined) return;
    const isOpen = prop(obj(body), 'IsOpen');
    if (isOpen !== undefined && !asFlag(isOpen)) return kit.answer(req, res, p, body, ok());
    const job = await kit.run(req, res, p, { type: 'open_drawer' }, { idempotent: true });
    if (job) await kit.answer(req, res, p, body, ok());
  });
}
