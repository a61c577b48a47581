/**
 * UcsFPHub answers (seeds/001 + seeds/003, v2 being the superset): device descriptions, receipt results,
 * deposits, reports, clock, totals. Built only from a device view, its cached info, job records and journal
 * totals, so a replayed request_id renders the same bytes. Pure.
 */
import type { FiscalDeviceView } from '../../devices/contracts.js';
import type { DeviceErrorCode, Language } from '../../domain/error-codes.js';
import type { JobOutcome } from '../../domain/jobs.js';
import type { PaymentMethod } from '../../domain/operations.js';
import type { DeviceInfo } from '../../domain/results.js';
import { VAT_GROUPS, type VatRates } from '../../domain/vat.js';
import { centsToNumber } from '../compat-shared/decimal.js';
import type { JournalTotals } from '../compat-shared/journal-totals.js';
import type { OutValue } from '../compat-shared/xml.js';
import { tx } from '../compat-shared/texts.js';

export type UcsBody = { [k: string]: OutValue };

export const FALLBACK_LIMITS = { item_name: 36, text_line: 42 };
export const TAX_CAPTION = 'CIF';

export function deviceProtocol(view: FiscalDeviceView): string {
  return view.config.manufacturer.toUpperCase();
}

export function deviceString(view: FiscalDeviceView): { text: string; port: string } {
  const c = view.config.connection_details;
  const proto = `Protocol=${deviceProtocol(view)}`;
  if (c.type === 'Serial')
    return { text: `${proto};Port=${c.details.port};Speed=${c.details.baud_rate}`, port: c.details.port };
  if (c.type === 'Network')
    return {
      text: `${proto};IP=${c.details.ip_address}:${c.details.port}`,
      port: `${c.details.ip_address}:${c.details.port}`,
    };
  return { text: proto, port: '' };
}

/** The configuration part every printer description starts with (POST /printers/:id without includes). */
export function deviceConfig(view: FiscalDeviceView, serial: string, info: DeviceInfo | null): UcsBody {
  const limits = info?.text_limits ?? FALLBACK_LIMITS;
  return {
    DeviceSerialNo: serial,
    FiscalMemoryNo: info?.fiscal_memory_id ?? view.identity?.fiscal_memory_id ?? '',
    DeviceProtocol: deviceProtocol(view),
    DeviceModel: info?.model ?? view.identity?.model ?? view.config.model,
    FirmwareVersion: info?.firmware ?? view.identity?.firmware ?? '',
    CharsPerLine: limits.text_line,
    CommentTextMaxLength: limits.text_line,
    ItemNameMaxLength: limits.item_name,
  };
}

/** One entry of `GET /printers` (v2 names plus v1's `Host` and `Description`). */
export function listEntry(view: FiscalDeviceView, serial: string, info: DeviceInfo | null, host: string): UcsBody {
  const ds = deviceString(view);
  return {
    ...deviceConfig(view, serial, info),
    TaxNo: '',
    TaxCaption: TAX_CAPTION,
    DeviceString: ds.text,
    DeviceHost: host,
    DevicePort: ds.port,
    Autodetected: false,
    Host: host,
    Description: view.config.name,
  };
}

/** Payment slots in v2 numbering with the Romanian method each one records. */
export const PAYMENT_SLOTS: Array<{
  type: number;
  method: PaymentMethod | null;
  fallback: { ro: string; en: string };
}> = [
  { type: 1, method: 'cash', fallback: { ro: 'NUMERAR', en: 'CASH' } },
  { type: 2, method: null, fallback: { ro: '', en: '' } },
  { type: 3, method: 'voucher', fallback: { ro: 'VOUCHER', en: 'VOUCHER' } },
  { type: 4, method: 'meal_voucher', fallback: { ro: 'TICHETE MASĂ', en: 'MEAL VOUCHERS' } },
  { type: 5, method: null, fallback: { ro: '', en: '' } },
  { type: 6, method: null, fallback: { ro: '', en: '' } },
  { type: 7, method: null, fallback: { ro: '', en: '' } },
  { type: 8, method: 'card', fallback: { ro: 'CARD', en: 'CARD' } },
  { type: 9, method: null, fallback: { ro: '', en: '' } },
  { type: 10, method: 'other', fallback: { ro: 'ALTE METODE', en: 'OTHER' } },
  { type: 11, method: 'credit', fallback: { ro: 'CREDIT', en: 'CREDIT' } },
];

export function paymentNames(info: DeviceInfo | null, lang: Language): string[] {
  return PAYMENT_SLOTS.map((s) => (s.method ? (info?.payment_names[s.method] ?? s.fallback[lang]) : ''));
}

export function taxRates(rates: VatRates): UcsBody[] {
  return VAT_GROUPS.filter((g) => rates[g] !== undefined).map((g) => ({
    TaxGroup: VAT_GROUPS.indexOf(g) + 1,
    VatRate: (rates[g] ?? 0) / 100,
  }));
}

export const ok = (extra: UcsBody = {}): UcsBody => ({ Ok: true, ...extra });
export const failed = (text: string): UcsBody => ({ Ok: false, ErrorText: text });

/** A device failure: HTTP 200 with Ok:false and the FisCool text (a clearer one for refunds the device can't do). */
export function failureText(outcome: Extract<JobOutcome, { ok: false }>, lang: Language, reversal: boolean): string {
  if (reversal && outcome.code === ('NOT_SUPPORTED' satisfies DeviceErrorCode)) return tx(lang, 'reversalUnsupported');
  const dev = outcome.device_error
    ? ` (${String(outcome.device_error.code)}${outcome.device_error.text ? ` ${outcome.device_error.text}` : ''})`
    : '';
  return outcome.error + dev;
}

export function totalsBody(
  t: JournalTotals,
  rates: VatRates,
  info: DeviceInfo | null,
  lang: Language,
  lastZ: string,
): UcsBody {
  const byGroup: UcsBody[] = VAT_GROUPS.map((g, i) => {
    // v2 writes VatRate only for programmed groups; v1 writes VatPercent for all eight (0 when unset).
    const row: UcsBody = { TaxGroup: i + 1 };
    if (rates[g] !== undefined) row.VatRate = (rates[g] ?? 0) / 100;
    row.VatPercent = (rates[g] ?? 0) / 100;
    row.Amount = centsToNumber(t.sales_by_group[g] ?? 0);
    row.Reversal = centsToNumber(t.refunds_by_group[g] ?? 0);
    return row;
  });
  const names = paymentNames(info, lang);
  const byPayment: UcsBody[] = PAYMENT_SLOTS.map((s, i) => ({
    PaymentType: s.type,
    PaymentName: names[i] ?? '',
    Amount: centsToNumber(s.method ? (t.by_payment[s.method] ?? 0) : 0),
  }));
  return ok({
    NumReceipts: t.receipts,
    LastZReportDateTime: lastZ,
    TotalAmount: centsToNumber(t.sales_cents),
    TotalReversal: centsToNumber(t.refunds_cents),
    TotalAvailable: centsToNumber(t.cash_cents),
    TotalDeposits: centsToNumber(t.deposits_cents),
    TotalWithdraws: centsToNumber(t.withdraws_cents),
    TotalsByTaxGroups: byGroup,
    TotalsByPaymentTypes: byPayment,
  });
}

export function cashBody(t: JournalTotals): UcsBody {
  return {
    TotalAvailable: centsToNumber(t.cash_cents),
    TotalDeposits: centsToNumber(t.deposits_cents),
    TotalWithdraws: centsToNumber(t.withdraws_cents),
  };
}
