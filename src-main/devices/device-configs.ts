/**
 * The configuration side of the device registry: what a save request must be before it reaches the settings file —
 * an object with an id (new devices get one), a config of the right shape, a model of a known family connected the
 * way it can be, options its family accepts (checked once secrets are sealed). Errors name the field.
 */
import { randomUUID } from 'node:crypto';
import { FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import { formatZodError } from '../domain/validation.js';
import type { SecretStore } from '../settings/secret-store.js';
import { checkOptions, describeSupported, findModel } from './catalogue.js';
import { sealConfig } from './device-secrets.js';

export type Checked<T> = { ok: true; config: T; isUpdate: boolean } | { ok: false; status: 400; error: string };

function withId(input: unknown): { value: Record<string, unknown>; isUpdate: boolean } | { error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'device: must be a JSON object' };
  const obj = { ...(input as Record<string, unknown>) };
  const isUpdate = typeof obj.id === 'string' && obj.id !== '';
  if (!isUpdate) obj.id = randomUUID();
  if (obj.enabled === undefined) obj.enabled = true;
  return { value: obj, isUpdate };
}

/** The model exists in a family, connects the way the request says, and its options are the family's. */
export function checkModel(kind: 'fiscal' | 'pos', c: FiscalDeviceConfig | PosTerminalConfig, prefix: string): string | null {
  const found = findModel(kind, c.manufacturer, c.model);
  if (!found) return `${prefix}.model: ${c.manufacturer} ${c.model} is not supported; supported: ${describeSupported(kind)}`;
  const connection = c.connection_details.type;
  if (!found.model.connection_types.includes(connection)) {
    return `${prefix}.connection_details.type: ${c.model} connects by ${found.model.connection_types.join(' or ')}, not ${connection}`;
  }
  return checkOptions(found, c.options, prefix);
}

export function checkFiscalSave(
  input: unknown,
  ctx: { previous(id: string): FiscalDeviceConfig | undefined; terminalExists(id: string): boolean; secrets: SecretStore },
): Checked<FiscalDeviceConfig> {
  const w = withId(input);
  if ('error' in w) return { ok: false, status: 400, error: w.error };
  const parsed = FiscalDeviceConfig.safeParse(w.value);
  if (!parsed.success) return { ok: false, status: 400, error: formatZodError(parsed.error, 'device') };
  // Options are checked once the secrets are sealed ("********" keeps one, "" removes it).
  const c = sealConfig(parsed.data, ctx.previous(parsed.data.id), ctx.secrets);
  const bad = checkModel('fiscal', c, 'device');
  if (bad) return { ok: false, status: 400, error: bad };
  if (c.linked_pos_device_id && !ctx.terminalExists(c.linked_pos_device_id)) {
    return { ok: false, status: 400, error: `device.linked_pos_device_id: no card terminal with id ${c.linked_pos_device_id}` };
  }
  return { ok: true, config: c, isUpdate: w.isUpdate };
}

export function checkPosSave(input: unknown): Checked<PosTerminalConfig> {
  const w = withId(input);
  if ('error' in w) return { ok: false, status: 400, error: w.error };
  const parsed = PosTerminalConfig.safeParse(w.value);
  if (!parsed.success) return { ok: false, status: 400, error: formatZodError(parsed.error, 'terminal') };
  const bad = checkModel('pos', parsed.data, 'terminal');
  if (bad) return { ok: false, status: 400, error: bad };
  return { ok: true, config: parsed.data, isUpdate: w.isUpdate };
}
