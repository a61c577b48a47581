/** The Caspos driver's public parts (its family descriptor is family.ts). */
import type { FiscalDeviceConfig } from '../../domain/device-config.js';
import type { FamilyRules } from '../../domain/family-rules.js';
import { parseCasposOptions } from './options.js';
import { casposRules } from './rules.js';
import { DEFAULT_VAT_TYPES } from '../../protocols/caspos/tables.js';

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
