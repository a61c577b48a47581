/**
 * Caspos answers → FisCool results: the standard fields every driver gives (slip number, totals, Z number, report
 * totals by VAT letter and payment method) plus the Caspos document (`document`: its id, numbers, short fiscal id,
 * bank fields) and the full reports in cents. Pure.
 */
import type { PaymentMethod } from '../../domain/operations.js';
import type { ReportTotals } from '../../domain/results.js';
import type { DocumentAnswer, ShiftReportAnswer, VatAmount } from '../../protocols/caspos/answers.js';
import type { VatType } from '../../protocols/caspos/tables.js';
import { letterForReportPercent } from './vat.js';

export interface CasposDocument extends DocumentAnswer {
  /** The tax service's check page for this document: the device's `qr_code_url` + the short fiscal id. */
  check_url: string | null;
}

export function casposDocument(d: DocumentAnswer, qrBase: string | null): CasposDocument {
  return { ...d, check_url: qrBase && d.short_document_id ? qrBase + d.short_document_id : null };
}

/** print_receipt / print_refund and the Caspos documents with a receipt: the standard receipt result + document. */
export function receiptResult(
  doc: CasposDocument,
  computed: { total_cents: number; change_cents: number },
  meta: { serial: string; datetime: string; repeated: boolean },
): Record<string, unknown> {
  return {
    slip_number: doc.document_number ?? 0,
    total_cents: doc.total_cents ?? computed.total_cents,
    change_cents: computed.change_cents,
    receipt_datetime: meta.datetime,
    fiscal_serial: meta.serial,
    document: doc,
    ...(meta.repeated ? { repeated: true } : {}),
  };
}

const PAYMENT_OF: Record<string, PaymentMethod> = {
  cash: 'cash',
  cashless: 'card',
  credit: 'credit',
  bonus: 'voucher',
  prepayment: 'other',
};

/** X/Z totals as every FisCool device reports them (sales only, by VAT letter and payment method), from currency AZN. */
export function reportTotals(r: ShiftReportAnswer, table: Record<string, VatType>): ReportTotals {
  const c = r.currencies.find((x) => x.currency === 'AZN') ?? r.currencies[0] ?? {};
  const num = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) : 0);
  const byVat: Record<string, number> = {};
  for (const a of (c.sale_vat_amounts as VatAmount[] | undefined) ?? []) {
    const letter = letterForReportPercent(a.vat_percent_bp, table);
    byVat[letter] = (byVat[letter] ?? 0) + (a.sum_cents ?? 0);
  }
  const byPayment: Partial<Record<PaymentMethod, number>> = {};
  for (const [k, m] of Object.entries(PAYMENT_OF)) {
    const v = num(`sale_${k}_sum_cents`);
    if (v !== 0) byPayment[m] = (byPayment[m] ?? 0) + v;
  }
  return {
    by_vat_group: byVat,
    by_payment: byPayment,
    receipts: num('sale_count'),
    refunds_cents: num('money_back_sum_cents'),
    total_cents: num('sale_sum_cents'),
  };
}
