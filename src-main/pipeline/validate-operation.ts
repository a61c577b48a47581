/**
 * Validation before anything is queued (design.md invariant 6): schema, device exists, VAT rates resolved against
 * the device's table, receipt arithmetic (totals, overflow, payments). Returns the normalised operation the driver
 * will get (item `vat` replaced by the group letter).
 */
import { FiscalOperation, PosOperation, type ReceiptOperation } from '../domain/operations.js';
import { computeReceipt } from '../domain/receipt-math.js';
import { firstIssue } from '../domain/validation.js';
import { resolveVat, type VatRates } from '../domain/vat.js';
import type { ValidateResult } from './contracts.js';
import { unprintableText } from './printable-check.js';
import type { FamilyRules } from '../domain/family-rules.js';
import { validateWithRules } from './validate-family.js';

export function validateOperation(
  kind: 'fiscal' | 'pos',
  operation: unknown,
  vatRates: VatRates | null,
  charset: 'windows-1250' | 'unicode' = 'windows-1250',
  rules?: FamilyRules,
): ValidateResult {
  if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) {
    return { ok: false, kind: 'invalid', error: 'operation: must be a JSON object', path: 'operation' };
  }
  const type = (operation as { type?: unknown }).type;
  if (typeof type !== 'string') return { ok: false, kind: 'invalid', error: 'operation.type: is required', path: 'operation.type' };
  if (kind === 'fiscal' && rules) return validateWithRules(operation as Record<string, unknown>, type, rules);
  const schema = kind === 'fiscal' ? FiscalOperation : PosOperation;
  const parsed = schema.safeParse(operation);
  if (!parsed.success) {
    const known = schema.options.map((o) => o.shape.type.value);
    if (!known.includes(type as never)) {
      const error = `operation.type: "${type}" is not a ${kind === 'fiscal' ? 'fiscal device' : 'card terminal'} operation (one of: ${known.join(', ')})`;
      return { ok: false, kind: 'invalid', error, path: 'operation.type' };
    }
    const issue = firstIssue(parsed.error, 'operation');
    return { ok: false, kind: 'invalid', error: `${issue.path}: ${issue.message}`, path: issue.path };
  }
  const op = parsed.data;
  if (kind === 'fiscal' && charset === 'windows-1250') {
    const bad = unprintableText(op as Record<string, unknown> & { type: string });
    if (bad) return { ok: false, kind: 'invalid', error: `${bad.path}: ${bad.message}`, path: bad.path };
  }
  if (op.type === 'print_receipt' || op.type === 'print_refund') return normaliseReceipt(op, vatRates);
  if (op.type === 'je_report' || op.type === 'print_fiscal_memory_report') {
    const r = op.range;
    if (r.start > r.end) {
      return { ok: false, kind: 'invalid', error: 'operation.range.end: must not be before range.start', path: 'operation.range.end' };
    }
  }
  // The schema chosen by `kind` parsed it: the operation is of that kind.
  return kind === 'fiscal' ? { ok: true, device_kind: 'fiscal', operation: op as FiscalOperation } : { ok: true, device_kind: 'pos', operation: op as PosOperation };
}

function normaliseReceipt(op: ReceiptOperation, vatRates: VatRates | null): ValidateResult {
  const resolve = (vat: string): { group: string } | { error: string } => {
    if (vatRates === null || Object.keys(vatRates).length === 0) {
      return /^[A-Ha-h]$/.test(vat)
        ? { group: vat.toUpperCase() }
        : { error: 'the device has not been connected yet, so its VAT rates are unknown; use a VAT group letter (A, B, …)' };
    }
    return resolveVat(vat, vatRates);
  };
  const computed = computeReceipt(op, resolve);
  if (!computed.ok) {
    const path = `operation.${computed.error.path}`;
    return { ok: false, kind: 'invalid', error: `${path}: ${computed.error.message}`, path };
  }
  const lines = op.lines.map((line, i) => {
    if (line.type !== 'item') return line;
    const c = computed.totals.lines[i];
    return c && c.kind === 'item' ? { ...line, vat: c.vat_group } : line;
  });
  return { ok: true, device_kind: 'fiscal', operation: { ...op, lines } };
}
