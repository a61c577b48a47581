/**
 * The device-family contract: each family (Datecs, the simulated register, the simulated terminal, Caspos, a card
 * terminal protocol, …) exports ONE descriptor from `drivers/<family>/family.ts`, and the list in `families.ts`
 * feeds the catalogue, the driver factory, validation (capabilities, options), detection, the emulator CLI and the
 * GUI's device editor. Adding a family = its folder + one line in that list.
 */
import type { z } from 'zod';
import type { FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import type { FiscalDriver, PosCapability, PosDriver } from '../domain/driver-contract.js';
import type { FamilyRules } from '../domain/family-rules.js';
import type { FiscalOperationType } from '../domain/operations.js';
import type { SecretStore } from '../settings/secret-store.js';
import type { ExchangeLogger } from '../transports/request-exchange.js';

export type ConnectionType = 'Serial' | 'Network' | 'None';

export interface FamilyModel {
  model: string;
  connection_types: ConnectionType[];
  /** The wire protocol generation the model speaks, when the family has several (Datecs: `x` or `classic`). */
  protocol?: string;
  default_baud_rate?: number;
  default_tcp_port?: number;
}

export interface DriverEnv {
  dataDir: string;
  /** Opens the options a family keeps sealed at rest (`secret_options`). */
  secrets?: SecretStore;
  /** The device's logger: byte protocols log their frames as hex at debug level. */
  logger?: ExchangeLogger;
}

/** A device that answered a detection probe on a serial port. */
export interface DetectedDevice {
  family: string;
  manufacturer: string;
  model: string;
  serial: string;
  port: string;
  baud_rate: number;
  protocol?: string;
}

/** A device that answered a detection probe on the shop's network (Caspos on its port 5544). */
export interface DetectedNetworkDevice {
  family: string;
  manufacturer: string;
  model: string;
  ip_address: string;
  port: number;
}

/** An address to probe: an IPv4 host and, when not the family's usual one, a port. */
export interface NetworkTarget {
  host: string;
  port?: number;
}

/** A family's emulator as a standalone process (`npm run emulator -- <name> …`). */
export interface FamilyEmulator {
  /** The CLI word (`datecs`, `caspos`, …). */
  name: string;
  usage: string;
  /** Start it from the command-line flags; `ready` is printed as one JSON line. */
  start(flags: ReadonlyMap<string, string>): Promise<{ ready: Record<string, unknown>; close(): Promise<void> }>;
}

interface FamilyBase<Cfg, Driver, Op extends string> {
  id: string;
  /** What the GUI and the docs call it. */
  label: string;
  catalogue: Array<{ manufacturer: string; models: FamilyModel[] }>;
  /** What this family can do (fiscal: operation types; card terminals: capabilities such as `refund_unreferenced`):
   * anything else is refused before a job is queued. */
  capabilities: readonly Op[];
  /** What the device prints: Romanian registers print Windows-1250; the simulated one any Unicode. */
  charset: 'windows-1250' | 'unicode';
  /** `config.options` of a device of this family (validated when the device is saved, with the field named). */
  options: z.ZodType;
  /** Options kept sealed at rest and shown as "********" (credentials). */
  secret_options?: readonly string[];
  /** Validation a family adds for one device before a job is queued (Caspos: its VAT table, its own checks). */
  rules?(config: Cfg): FamilyRules;
  createDriver(config: Cfg, env: DriverEnv, model: FamilyModel): Driver;
  /** Probe serial ports for devices of this family. */
  detect?(opts: { ports: string[] }): Promise<DetectedDevice[]>;
  /** Probe network addresses for devices of this family (no credentials sent). */
  detectNetwork?(targets: NetworkTarget[]): Promise<DetectedNetworkDevice[]>;
  emulator?: FamilyEmulator;
}

export type FiscalFamily = FamilyBase<FiscalDeviceConfig, FiscalDriver, FiscalOperationType> & { kind: 'fiscal' };
export type PosFamily = FamilyBase<PosTerminalConfig, PosDriver, PosCapability> & { kind: 'pos' };
export type DeviceFamily = FiscalFamily | PosFamily;
