/**
 * The catalogue of supported devices, read from the family list: model lookup for saving a device, the body of
 * GET /manage/get_supported_devices (with each model's capabilities and options schema, for the GUI's device
 * editor), and the driver factory.
 */
import { z } from 'zod';
import { normalizeModelName, type FiscalDeviceConfig, type PosTerminalConfig } from '../domain/device-config.js';
import type { FiscalDriver, PosDriver } from '../domain/driver-contract.js';
import { formatZodError } from '../domain/validation.js';
import { openConfig } from './device-secrets.js';
import { FAMILIES } from './families.js';
import type { DeviceFamily, DriverEnv, FamilyModel, FiscalFamily, PosFamily } from './family.js';

export type Found<F extends DeviceFamily = DeviceFamily> = { family: F; manufacturer: string; model: FamilyModel };

export function findModel(kind: 'fiscal', manufacturer: string, model: string): Found<FiscalFamily> | undefined;
export function findModel(kind: 'pos', manufacturer: string, model: string): Found<PosFamily> | undefined;
export function findModel(kind: 'fiscal' | 'pos', manufacturer: string, model: string): Found | undefined;
export function findModel(kind: 'fiscal' | 'pos', manufacturer: string, model: string): Found | undefined {
  const m = normalizeModelName(manufacturer);
  const mo = normalizeModelName(model);
  for (const family of FAMILIES) {
    if (family.kind !== kind) continue;
    for (const entry of family.catalogue) {
      if (normalizeModelName(entry.manufacturer) !== m) continue;
      const found = entry.models.find((x) => normalizeModelName(x.model) === mo);
      if (found) return { family, manufacturer: entry.manufacturer, model: found };
    }
  }
  return undefined;
}

export function describeSupported(kind: 'fiscal' | 'pos'): string {
  return FAMILIES.filter((f) => f.kind === kind)
    .flatMap((f) => f.catalogue.map((e) => `${e.manufacturer} (${e.models.map((m) => m.model).join(', ')})`))
    .join('; ');
}

/** A device's options against its family's schema: null when fine, else the error naming the field. */
export function checkOptions(found: Found, options: Record<string, unknown> | undefined, prefix: string): string | null {
  const r = found.family.options.safeParse(options ?? {});
  return r.success ? null : formatZodError(r.error, `${prefix}.options`);
}

export function createFiscalDriver(config: FiscalDeviceConfig, env: DriverEnv): FiscalDriver {
  const found = findModel('fiscal', config.manufacturer, config.model);
  if (!found) throw new Error(`unsupported fiscal device ${config.manufacturer} ${config.model}`);
  if (!found.family.secret_options?.length) return found.family.createDriver(config, env, found.model);
  if (!env.secrets) throw new Error(`a ${found.family.label} device needs the secret store for its credentials`);
  return found.family.createDriver(openConfig(config, env.secrets), env, found.model);
}

export function createPosDriver(config: PosTerminalConfig, env: DriverEnv): PosDriver {
  const found = findModel('pos', config.manufacturer, config.model);
  if (!found) throw new Error(`unsupported card terminal ${config.manufacturer} ${config.model}`);
  return found.family.createDriver(config, env, found.model);
}

const jsonSchemas = new Map<string, Record<string, unknown>>();

/** JSON Schema (2020-12, input side) of a family's options, for the device editor. */
export function optionsJsonSchema(family: DeviceFamily): Record<string, unknown> {
  let out = jsonSchemas.get(family.id);
  if (!out) {
    out = z.toJSONSchema(family.options, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete out.$schema;
    jsonSchemas.set(family.id, out);
  }
  return out;
}

/** GET /manage/get_supported_devices: manufacturers and models by kind, each model with what its family offers. */
export function catalogueBody() {
  const of = (kind: 'fiscal' | 'pos') =>
    FAMILIES.filter((f) => f.kind === kind).flatMap((family) =>
      family.catalogue.map((e) => ({
        manufacturer: e.manufacturer,
        kind,
        family: family.id,
        family_label: family.label,
        capabilities: [...family.capabilities],
        charset: family.charset,
        models: e.models.map((m) => ({ ...m, family: family.id, options: optionsJsonSchema(family) })),
      })),
    );
  return { fiscal: of('fiscal'), pos: of('pos') };
}
