/**
 * The Caspos family (Azerbaijan; HTTP/JSON on port 5544, seed 004): everything the hub needs from it, in one place
 * so it becomes a family descriptor (issue 10) as it is.
 */
import type { FiscalDeviceConfig } from '../../domain/device-config.js';
import type { FamilyRules } from '../../domain/family-rules.js';
import { CASPOS_NATIVE_OPERATIONS, CASPOS_STANDARD_OPERATIONS } from '../../domain/operations-caspos.js';
import { CASPOS_CATALOGUE } from './catalogue.js';
import { createCasposDriver } from './driver.js';
import { CasposOptions, parseCasposOptions } from './options.js';
import { casposRules } from './rules.js';
import { DEFAULT_VAT_TYPES } from '../../protocols/caspos/tables.js';
import { startCasposEmulator } from '../../emulators/caspos/start.js';
import { detectCaspos } from './detect.js';

export { CasposDriver, createCasposDriver } from './driver.js';
export { CASPOS_CATALOGUE } from './catalogue.js';
export { detectCaspos } from './detect.js';

/** Validation rules for one Caspos device (its VAT table from its options; the default one if they are invalid). */
export function casposFamilyRules(config: FiscalDeviceConfig): FamilyRules {
  let table = DEFAULT_VAT_TYPES;
  try {
    table = parseCasposOptions(config.options).vat_types;
  } catch {
    // invalid options: the driver refuses to start and says why; validation still answers with the defaults
  }
  return casposRules(config.name, table);
}

/** The family descriptor, in the shape of issue 10 (catalogue, kind, capabilities, options, factory, detector, emulator). */
export const casposFamily = {
  id: 'caspos',
  kind: 'fiscal',
  catalogue: CASPOS_CATALOGUE,
  capabilities: [...CASPOS_STANDARD_OPERATIONS, ...CASPOS_NATIVE_OPERATIONS.map((o) => o.shape.type.value)],
  options: CasposOptions,
  createDriver: createCasposDriver,
  rules: casposFamilyRules,
  detect: detectCaspos,
  emulator: startCasposEmulator,
} as const;
