/** The simulated fiscal register: a virtual register in the hub's own process (any Unicode text, every operation). */
import type { FiscalFamily } from '../../devices/family.js';
import { FISCAL_OPERATION_TYPES } from '../../domain/operations.js';
import { SimulatedOptionsSchema } from './options.js';
import { createSimulatedFiscalDriver } from './simulated-driver.js';

export const simulatedFamily: FiscalFamily = {
  id: 'simulated',
  kind: 'fiscal',
  label: 'FisCool Simulated',
  catalogue: [{ manufacturer: 'FisCool', models: [{ model: 'Simulated', connection_types: ['None'] }] }],
  capabilities: FISCAL_OPERATION_TYPES,
  charset: 'unicode',
  options: SimulatedOptionsSchema,
  createDriver: (config, env) => createSimulatedFiscalDriver(config, env),
};
