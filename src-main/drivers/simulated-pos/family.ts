/** The simulated card terminal: approves or declines by rule, with a transaction log in the data directory. */
import type { PosFamily } from '../../devices/family.js';
import { POS_OPERATION_TYPES } from '../../domain/operations.js';
import { createSimulatedPosDriver, SimulatedPosOptionsSchema } from './simulated-pos-driver.js';

export const simulatedPosFamily: PosFamily = {
  id: 'simulated-pos',
  kind: 'pos',
  label: 'FisCool Simulated Terminal',
  catalogue: [{ manufacturer: 'FisCool', models: [{ model: 'Simulated Terminal', connection_types: ['None'] }] }],
  capabilities: POS_OPERATION_TYPES,
  charset: 'unicode',
  options: SimulatedPosOptionsSchema,
  createDriver: (config, env) => createSimulatedPosDriver(config, env),
};
