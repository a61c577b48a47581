/**
 * Builds the driver for a configured device. The only place that knows every driver family; the pipeline and the
 * doors see FiscalDriver / PosDriver only.
 */
import type { FiscalDriver, PosDriver } from '../domain/driver-contract.js';
import type { FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import { findModel } from './supported-devices.js';
import { createSimulatedFiscalDriver } from '../drivers/simulated/index.js';
import { createSimulatedPosDriver } from '../drivers/simulated-pos/index.js';
import { createDatecsDriver } from '../drivers/datecs/index.js';
import { casposFamilyRules, createCasposDriver } from '../drivers/caspos/index.js';
import type { FamilyRules } from '../domain/family-rules.js';
import type { SecretStore } from '../settings/secret-store.js';
import { openConfig } from './device-secrets.js';

export interface DriverEnv {
  dataDir: string;
  secrets?: SecretStore;
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
    case 'caspos':
      if (!env.secrets) throw new Error('a Caspos device needs the secret store for its credentials');
      return createCasposDriver(openConfig(config, env.secrets));
    default:
      throw new Error(`model ${config.model} is not a fiscal device`);
  }
}

/** Validation rules of the device's family, for the families that bring their own (Caspos). */
export function familyRulesFor(config: FiscalDeviceConfig): FamilyRules | undefined {
  return findModel('fiscal', config.manufacturer, config.model)?.family === 'caspos' ? casposFamilyRules(config) : undefined;
}

export function createPosDriver(config: PosTerminalConfig, env: DriverEnv): PosDriver {
  const model = findModel('pos', config.manufacturer, config.model);
  if (!model || model.family !== 'simulated-pos') {
    throw new Error(`unsupported card terminal ${config.manufacturer} ${config.model}`);
  }
  return createSimulatedPosDriver(config, env);
}
