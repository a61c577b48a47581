/**
 * Validation for a device whose family brings its own rules (FamilyRules: Caspos today): the family's schema, a
 * refusal naming the operation and the device when the family cannot do it, then the family's own checks.
 */
import type { CasposOperation } from '../domain/operations-caspos.js';
import type { FamilyRules } from '../domain/family-rules.js';
import { firstIssue } from '../domain/validation.js';
import type { ValidateResult } from './contracts.js';

export function validateWithRules(
  operation: Record<string, unknown>,
  type: string,
  rules: FamilyRules,
): ValidateResult {
  if (!rules.operationTypes.includes(type)) {
    const error = `operation.type: "${type}" is not an operation ${rules.label} can do (it can do: ${rules.operationTypes.join(', ')})`;
    return { ok: false, kind: 'invalid', error, path: 'operation.type' };
  }
  const parsed = rules.schema.safeParse(operation);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error, 'operation');
    return { ok: false, kind: 'invalid', error: `${issue.path}: ${issue.message}`, path: issue.path };
  }
  const checked = rules.check(parsed.data);
  if (!checked.ok)
    return { ok: false, kind: 'invalid', error: `${checked.path}: ${checked.message}`, path: checked.path };
  // The family's own schema parsed it (and its check kept it): a Caspos operation.
  return { ok: true, device_kind: 'fiscal', operation: checked.operation as CasposOperation };
}
