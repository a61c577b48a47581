/** The simulated card terminal: approves or declines by rule, with a transaction log in the data directory. */
import type { PosFamily } from '../../devices/family.js';
import { POS_CAPABILITIES } from '../../domain/driver-contract.js';
import { createSimulatedPosDriver } from './create.js';
import { SimulatedPosOptions } from './options.js';

export const simulatedPosFamily: PosFamily = {
  id: 'simulated-pos',
  kind: 'pos',
  label: 'FisCool Simulated Terminal',
  catalogue: [{ manufacturer: 'FisCool', models: [{ model: 'Simulated Terminal', connection_types: ['None'] }] }],
  capabilities: POS_CAPABILITIES,
  charset: 'unicode',
  options: SimulatedPosOptions,
  createDriver: (config, env) => createSimulatedPosDriver(config, env),
};
