/**
 * Builds the driver for a configured device. The only place that knows every driver family; the pipeline and the
 * doors see FiscalDriver / PosDriver only.
 */
import type { FiscalDriver, PosDriver } from '../domain/driver-contract.js';
import type { FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import { findModel } from './supported-devices.js';
import { createSimulatedFiscalDriver } from '../drivers/simulated/index.js';
import { CARD_TERMINAL_FAMILIES } from './card-terminal-families.js';
import { createDatecsDriver } from '../drivers/datecs/index.js';

export interface DriverEnv {
  dataDir: string;
}

export function createFiscalDriver(config: FiscalDeviceConfig, env: DriverEnv): FiscalDriver {
  const model = findModel('fiscal', config.manufacturer, config.model);
  if (!model) throw new Error(`unsupported fiscal device ${config.manufacturer} ${config.model}`);
  switch (model.family) {
    case 'simulated':
      return createSimulatedFiscalDriver(config, env);
    case 'datecs': {
      const options = { protocol: model.protocol, ...config.options };
      return createDatecsDriver({ ...config, options }, env);
    }
    default:
      throw new Error(`model ${config.model} is not a fiscal device`);
  }
}

export function createPosDriver(config: PosTerminalConfig, env: DriverEnv): PosDriver {
  const model = findModel('pos', config.manufacturer, config.model);
  const family = CARD_TERMINAL_FAMILIES.find((f) => f.id === model?.family);
  if (!family) throw new Error(`unsupported card terminal ${config.manufacturer} ${config.model}`);
  return family.createDriver(config, env);
}
