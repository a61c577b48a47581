/** The read side of the device registry that doors use: configured devices with their live status. */
import type { DeviceHealth } from '../domain/device-health.js';
import type { DeviceIdentity } from '../domain/driver-contract.js';
import type { DeviceStatus, FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import type { VatRates } from '../domain/vat.js';

export interface FiscalDeviceView {
  config: FiscalDeviceConfig;
  status: DeviceStatus;
  status_text: string;
  vat_rates: VatRates;
  connected_device_id: string | null;
  identity: DeviceIdentity | null;
  /** Last error text shown to the user when status is Error/Disconnected. */
  last_error: string | null;
  /** Paper, cover, Z due, fiscal memory, jobs in doubt, link (domain/device-health.ts). */
  health: DeviceHealth;
}

export interface PosTerminalView {
  config: PosTerminalConfig;
  status: DeviceStatus;
  status_text: string;
  connected_device_id: string | null;
  last_error: string | null;
  health: DeviceHealth;
}

export interface DeviceDirectory {
  listFiscal(): FiscalDeviceView[];
  listPos(): PosTerminalView[];
  getFiscal(id: string): FiscalDeviceView | undefined;
  getPos(id: string): PosTerminalView | undefined;
  /** Case-insensitive match on the connected serial number. */
  findFiscalBySerial(serial: string): FiscalDeviceView | undefined;
  /** Is the device ready to take a job right now (connected, not paper-out…)? null = ready, else the reason. */
  readiness(id: string): { ready: true } | { ready: false; code: string; reason: string };
  /** Read the device's status now (paper, cover, …) so readiness is not judged on an old read. */
  refreshStatus?(id: string): Promise<void>;
}
