/** The simulated card terminal as a card-terminal family (in-process, no wire). */
import { POS_CAPABILITIES, type PosCapability } from '../../domain/driver-contract.js';
import type { PosTerminalConfig } from '../../domain/device-config.js';
import { createSimulatedPosDriver } from './create.js';
import { SimulatedPosOptions } from './options.js';
import type { SimulatedPosDriver } from './simulated-pos-driver.js';

export const simulatedPosFamily = {
  id: 'simulated-pos',
  kind: 'pos',
  catalogue: { manufacturer: 'FisCool', models: ['Simulated Terminal'], connection_types: ['None'] },
  capabilities: new Set<PosCapability>(POS_CAPABILITIES) as ReadonlySet<PosCapability>,
  options: SimulatedPosOptions,
  createDriver(config: PosTerminalConfig, env: { dataDir: string }): SimulatedPosDriver {
    return createSimulatedPosDriver(config, env);
  },
  emulator: null,
} as const;
