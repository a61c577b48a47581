/** The views side of the device registry: what GET /devices/* and the events show of a configured device. */
import { DEVICE_STATUS_TEXT, type DeviceStatus, type FiscalDeviceConfig, type PosTerminalConfig } from '../domain/device-config.js';
import type { DeviceHealth } from '../domain/device-health.js';
import type { DeviceIdentity } from '../domain/driver-contract.js';
import type { Language } from '../domain/error-codes.js';
import type { FiscalDeviceView, PosTerminalView } from './contracts.js';
import { redactConfig } from './device-secrets.js';

/** What the views need of a device's runtime. */
export interface RuntimeState {
  status: DeviceStatus;
  detail: string | null;
}

export function statusOf(config: { enabled: boolean }, runtime: RuntimeState | null): DeviceStatus {
  if (!config.enabled) return 'Disabled';
  return runtime ? runtime.status : 'Error';
}

const connected = (s: DeviceStatus) => s === 'Connected' || s === 'Busy';

export function fiscalView(
  config: FiscalDeviceConfig,
  runtime: RuntimeState | null,
  identity: DeviceIdentity | null,
  health: DeviceHealth,
  language: Language,
): FiscalDeviceView {
  const status = statusOf(config, runtime);
  return {
    config: redactConfig(config),
    status,
    status_text: DEVICE_STATUS_TEXT[status][language],
    vat_rates: identity?.vat_rates ?? {},
    connected_device_id: connected(status) ? (identity?.serial ?? null) : null,
    identity,
    last_error: runtime?.detail ?? (config.enabled && !runtime ? 'the driver could not be created' : null),
    health,
  };
}

export function posView(config: PosTerminalConfig, runtime: RuntimeState | null, terminalId: string | null, health: DeviceHealth, language: Language): PosTerminalView {
  const status = statusOf(config, runtime);
  return {
    config,
    status,
    status_text: DEVICE_STATUS_TEXT[status][language],
    connected_device_id: connected(status) ? terminalId : null,
    last_error: runtime?.detail ?? null,
    health,
  };
}
