/**
 * Lenient readers of the `data` the device answers, into FisCool units: money in cents (rounded from the decimal
 * text, so `0.5999999` is 60), counts as integers, dates as local ISO. A field the device left out stays null:
 * readers never invent values. The string "null" (as in the seed's `"transaction_id": "null"`) is null. Pure.
 */
import { field, isJObject, Num, textOf, type JObject, type JValue } from './json-read.js';
import { readCasposDateTime, readCents, readInt } from './units.js';

const str = (v: JValue | undefined): string | null => {
  const t = textOf(v);
  return t === undefined || t === 'null' ? null : t;
};
const trimmed = (v: JValue | undefined): string | null => str(v)?.trim() ?? null;

/** "EMnVW3qyEbUS…" style ids: the seed's PDF copy splits some with spaces; a device never does, so drop them. */
const id = (v: JValue | undefined): string | null => str(v)?.replace(/\s+/g, '') ?? null;

export interface DocumentAnswer {
  document_id: string | null;
  document_number: number | null;
  shift_document_number: number | null;
  short_document_id: string | null;
  /** `number`: the document's barcode number. */
  fiscal_number: string | null;
  total_cents: number | null;
  rrn: string | null;
  approval_code: string | null;
  transaction_id: string | null;
  transaction_number: string | null;
}

export function readDocument(d: JObject | null): DocumentAnswer {
  return {
    document_id: id(field(d, 'document_id', 'documentId')),
    document_number: readInt(field(d, 'document_number', 'documentNumber')),
    shift_document_number: readInt(field(d, 'shift_document_number', 'shiftDocumentNumber')),
    short_document_id: id(field(d, 'short_document_id', 'shortDocumentId')),
    fiscal_number: str(field(d, 'number')),
    total_cents: readCents(field(d, 'totalSum', 'total_sum')),
    rrn: str(field(d, 'rrn')),
    approval_code: str(field(d, 'approval_code', 'approvalCode')),
    transaction_id: str(field(d, 'transaction_id', 'transactionId')),
    transaction_number: str(field(d, 'transaction_number', 'transactionNumber')),
  };
}

export interface InfoAnswer {
  application_version: string | null;
  cashregister_model: string | null;
  cashbox_tax_number: string | null;
  cashbox_factory_number: string | null;
  cashregister_factory_number: string | null;
  company_name: string | null;
  company_tax_number: string | null;
  last_doc_number: number | null;
  last_online_time: string | null;
  object_address: string | null;
  object_name: string | null;
  object_tax_number: string | null;
  qr_code_url: string | null;
  state: string | null;
  token_version: string | null;
}

export function readInfo(d: JObject | null): InfoAnswer {
  const s = (k: string) => trimmed(field(d, k));
  return {
    application_version: s('application_version'),
    cashregister_model: s('cashregister_model'),
    cashbox_tax_number: s('cashbox_tax_number'),
    cashbox_factory_number: s('cashbox_factory_number'),
    cashregister_factory_number: s('cashregister_factory_number'),
    company_name: s('company_name'),
    company_tax_number: s('company_tax_number'),
    last_doc_number: readInt(field(d, 'last_doc_number')),
    last_online_time: readCasposDateTime(field(d, 'last_online_time')),
    object_address: s('object_address'),
    object_name: s('object_name'),
    object_tax_number: s('object_tax_number'),
    qr_code_url: s('qr_code_url'),
    state: s('state'),
    token_version: s('token_version'),
  };
}

const truthy = (v: JValue | undefined): boolean | null => {
  if (v === true || v === false) return v;
  const t = textOf(v)?.trim().toLowerCase();
  return t === 'true' || t === '1' ? true : t === 'false' || t === '0' ? false : null;
};

export interface ShiftStatusAnswer {
  shift_open: boolean | null;
  shift_open_time: string | null;
}

/** The seed's example says `shift_open`/`shift_open_time`, its table `shiftOpen`/`shiftOpenTime`: both are read. */
export function readShiftStatus(d: JObject | null): ShiftStatusAnswer {
  return {
    shift_open: truthy(field(d, 'shift_open', 'shiftOpen')),
    shift_open_time: readCasposDateTime(field(d, 'shift_open_time', 'shiftOpenTime')),
  };
}

/** camelCase → snake_case ("saleCashSum" → "sale_cash_sum"). */
export const snake = (k: string): string => k.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase();

export interface VatAmount {
  /** The VAT percentage in basis points, or null for amounts without one (VAT-free). */
  vat_percent_bp: number | null;
  sum_cents: number | null;
}

function vatAmounts(v: JValue | undefined): VatAmount[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isJObject).map((a) => {
    const p = field(a, 'vatPercent', 'vat_percent');
    return {
      vat_percent_bp: p === undefined || p === null ? null : readCents(p),
      sum_cents: readCents(field(a, 'vatSum', 'vat_sum')),
    };
  });
}

/** Every field of a report object: money → `<snake>_cents`, counts → `<snake>`, VAT amount lists, dates, texts. */
function reportFields(o: JObject, isMoney: (key: string) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v) && /VatAmounts$/.test(k)) out[snake(k)] = vatAmounts(v);
    else if (/Count$|^docCountToSend$/.test(k)) out[snake(k)] = readInt(v);
    else if (isMoney(k) && (v instanceof Num || typeof v === 'string')) out[`${snake(k)}_cents`] = readCents(v);
    else if (/^(createdAtUtc|shiftOpenAtUtc|date|startDate|endDate)$/.test(k))
      out[snake(k).replace(/_utc$/, '')] = readCasposDateTime(v);
    else if (v instanceof Num) out[snake(k)] = readInt(v) ?? v.text;
    else if (typeof v === 'string' || typeof v === 'boolean' || v === null) out[snake(k)] = v;
  }
  return out;
}

export interface ShiftReportAnswer {
  currencies: Array<Record<string, unknown>>;
  report_number: number | null;
  first_doc_number: number | null;
  last_doc_number: number | null;
  doc_count_to_send: number | null;
  created_at: string | null;
  shift_open_at: string | null;
  /** Z only (closeShift). */
  document_id: string | null;
}

/** X report (getXReport) and Z report (closeShift): one block per currency. */
export function readShiftReport(d: JObject | null): ShiftReportAnswer {
  const currencies = field(d, 'currencies');
  return {
    currencies: Array.isArray(currencies)
      ? currencies.filter(isJObject).map((c) => reportFields(c, (k) => /Sum$/.test(k)))
      : [],
    report_number: readInt(field(d, 'reportNumber', 'report_number')),
    first_doc_number: readInt(field(d, 'firstDocNumber')),
    last_doc_number: readInt(field(d, 'lastDocNumber')),
    doc_count_to_send: readInt(field(d, 'docCountToSend')),
    created_at: readCasposDateTime(field(d, 'createdAtUtc')),
    shift_open_at: readCasposDateTime(field(d, 'shiftOpenAtUtc')),
    document_id: id(field(d, 'document_id', 'documentId')),
  };
}

/** getPeriodicZReport: totals per document kind (`*Total`, `*Sum`, `*Vat` in cents), counts, the period. */
export function readPeriodicReport(d: JObject | null): Record<string, unknown> {
  return d ? reportFields(d, (k) => /(Total|Sum|Vat)$/.test(k)) : {};
}

export interface TapeEntry {
  created_at: string | null;
  document_id: string | null;
  short_document_id: string | null;
  number: number | null;
  type: string | null;
  item_count: number | null;
  total_cents: number | null;
  vat_cents: number | null;
  delivered: boolean | null;
}

export interface ControlTapeAnswer {
  created_at: string | null;
  shift_number: number | null;
  shift_open_at: string | null;
  documents_quantity: number | null;
  documents: TapeEntry[];
}

export function readControlTape(d: JObject | null): ControlTapeAnswer {
  const tape = field(d, 'tape');
  return {
    created_at: readCasposDateTime(field(d, 'createdAtUtc')),
    shift_number: readInt(field(d, 'shift_number', 'shiftNumber')),
    shift_open_at: readCasposDateTime(field(d, 'shiftOpenAtUtc')),
    documents_quantity: readInt(field(d, 'documents_quantity', 'documentsQuantity')),
    documents: (Array.isArray(tape) ? tape.filter(isJObject) : []).map((t) => ({
      created_at: readCasposDateTime(field(t, 'createdAtUtc')),
      document_id: id(field(t, 'document_id')),
      short_document_id: id(field(t, 'short_document_id')),
      number: readInt(field(t, 'number')),
      type: str(field(t, 'type')),
      item_count: readInt(field(t, 'item_count')),
      total_cents: readCents(field(t, 'total_sum')),
      vat_cents: readCents(field(t, 'total_vat')),
      delivered: truthy(field(t, 'delivered')),
    })),
  };
}

/** toLogin's token (kept only to tell a login happened; the device keeps the session itself). */
export const readLoginToken = (d: JObject | null): string | null => str(field(d, 'access_token', 'accessToken'));
