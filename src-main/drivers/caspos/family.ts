/** The Caspos family (Azerbaijan; HTTP/JSON on port 5544, seed 004): Android registers running Caspos Mobile. */
import type { FiscalFamily } from '../../devices/family.js';
import { CASPOS_NATIVE_OPERATIONS, CASPOS_STANDARD_OPERATIONS } from '../../domain/operations-caspos.js';
import type { FiscalOperationType } from '../../domain/operations.js';
import { CASPOS_CATALOGUE } from './catalogue.js';
import { detectCaspos } from './detect.js';
import { createCasposDriver } from './driver.js';
import { casposFamilyRules } from './index.js';
import { CASPOS_SECRET_OPTIONS, CasposOptions } from './options.js';

export const casposFamily: FiscalFamily = {
  id: 'caspos',
  kind: 'fiscal',
  label: 'Caspos',
  catalogue: [CASPOS_CATALOGUE],
  capabilities: [...CASPOS_STANDARD_OPERATIONS, ...CASPOS_NATIVE_OPERATIONS.map((o) => o.shape.type.value)] as FiscalOperationType[],
  // Caspos prints UTF-8 (Azerbaijani ə, ğ, ı, ö, ş, ç, ü).
  charset: 'unicode',
  options: CasposOptions,
  secret_options: CASPOS_SECRET_OPTIONS,
  rules: casposFamilyRules,
  createDriver: (config) => createCasposDriver(config),
  // A target without a port is probed on 5544.
  detectNetwork: async (targets) => {
    const found = await Promise.all(targets.map((t) => detectCaspos({ hosts: [t.host], ...(t.port !== undefined ? { port: t.port } : {}) })));
    return found.flat().map((d) => ({ family: 'caspos', manufacturer: d.manufacturer, model: d.model, ip_address: d.ip_address, port: d.port }));
  },
  emulator: {
    name: 'caspos',
    usage: 'caspos --port P [--host H] [--state DIR] [--username U] [--password P] [--first-doc N] [--first-shift N]',
    start: async (flags) => (await import('../../emulators/caspos/cli.js')).runCasposEmulatorCli(flags),
  },
};
