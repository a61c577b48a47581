/**
 * UcsFPHub's "includes middleware": any request may ask for extra device data next to its normal result —
 * IncludeHeaders, IncludeFooters, IncludeTaxNo, IncludeTaxRates, IncludeReceiptNo, IncludePaymentNames,
 * IncludeAll (all of those) and the separate IncludeOperators, IncludeDepartments. Flags come from the body
 * (POST) or the query string (GET), any case. Pure.
 */
import type { Language } from '../../domain/error-codes.js';
import type { DeviceInfo } from '../../domain/results.js';
import type { VatRates } from '../../domain/vat.js';
import { asFlag, isLObject, prop, type LValue } from '../compat-shared/lenient-json.js';
import { paymentNames, TAX_CAPTION, taxRates, type UcsBody } from './render.js';

export const INCLUDE_FLAGS = [
  'IncludeHeaders',
  'IncludeFooters',
  'IncludeTaxNo',
  'IncludeTaxRates',
  'IncludeReceiptNo',
  'IncludePaymentNames',
  'IncludeAll',
  'IncludeOperators',
  'IncludeDepartments',
] as const;
export type IncludeFlag = (typeof INCLUDE_FLAGS)[number];
const IN_ALL: IncludeFlag[] = [
  'IncludeHeaders',
  'IncludeFooters',
  'IncludeTaxNo',
  'IncludeTaxRates',
  'IncludeReceiptNo',
  'IncludePaymentNames',
];

export function includeFlags(body: LValue, query: Record<string, unknown>): Set<IncludeFlag> {
  const out = new Set<IncludeFlag>();
  const q = new Map(Object.entries(query).map(([k, v]) => [k.toLowerCase(), v]));
  for (const f of INCLUDE_FLAGS) {
    const fromBody = isLObject(body) ? asFlag(prop(body, f)) : false;
    const qv = q.get(f.toLowerCase());
    const fromQuery = typeof qv === 'string' && (qv === '' || asFlag(qv));
    if (fromBody || fromQuery) out.add(f);
  }
  if (out.has('IncludeAll')) for (const f of IN_ALL) out.add(f);
  return out;
}

export interface IncludeData {
  info: DeviceInfo | null;
  rates: VatRates;
  lastReceipt: { number: string; datetime: string };
  lang: Language;
}

export function applyIncludes(out: UcsBody, flags: Set<IncludeFlag>, d: IncludeData): UcsBody {
  if (flags.has('IncludeHeaders')) out.Headers = d.info?.headers ?? [];
  if (flags.has('IncludeFooters')) out.Footers = [];
  if (flags.has('IncludeTaxNo')) {
    out.TaxNo = '';
    out.TaxCaption = TAX_CAPTION;
  }
  if (flags.has('IncludeTaxRates')) out.TaxRates = taxRates(d.rates);
  if (flags.has('IncludeReceiptNo')) {
    out.LastReceiptNo = d.lastReceipt.number;
    out.LastReceiptDateTime = d.lastReceipt.datetime;
  }
  if (flags.has('IncludePaymentNames')) out.PaymentNames = paymentNames(d.info, d.lang);
  if (flags.has('IncludeOperators')) out.Operators = [{ Code: 1, Name: d.lang === 'ro' ? 'Operator 1' : 'Operator 1' }];
  if (flags.has('IncludeDepartments')) out.Departments = [];
  return out;
}
