/**
 * Per-family options schemas (one zod schema per family, next to its driver): the JSON Schema the device editor is
 * built from, and the check of `config.options` on save (a wrong option is a 400 naming `device.options.<key>`).
 */
import { z } from 'zod';
import { formatZodError } from '../domain/validation.js';
import { DATECS_OPTIONS } from '../drivers/datecs/options-schema.js';
import { SIMULATED_OPTIONS } from '../drivers/simulated/options-schema.js';
import type { DriverFamily } from './supported-devices.js';

const SCHEMAS: Partial<Record<DriverFamily, z.ZodType>> = {
  datecs: DATECS_OPTIONS,
  simulated: SIMULATED_OPTIONS,
};

const jsonSchemas = new Map<DriverFamily, Record<string, unknown>>();

/** JSON Schema (2020-12, input side) of the family's options; null when the family has none. */
export function optionsJsonSchema(family: DriverFamily): Record<string, unknown> | null {
  const schema = SCHEMAS[family];
  if (!schema) return null;
  let out = jsonSchemas.get(family);
  if (!out) {
    out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete out.$schema;
    jsonSchemas.set(family, out);
  }
  return out;
}

/** null when the options are acceptable for the family, else the error naming the option. */
export function checkOptions(
  family: DriverFamily,
  options: Record<string, unknown> | undefined,
  root: string,
): string | null {
  const schema = SCHEMAS[family];
  if (!schema || options === undefined) return null;
  const r = schema.safeParse(options);
  return r.success ? null : formatZodError(r.error, `${root}.options`);
}
