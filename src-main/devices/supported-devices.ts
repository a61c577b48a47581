/** The catalogue behind GET /manage/get_supported_devices and the save-device validation. */
import { normalizeModelName } from '../domain/device-config.js';
import { CASPOS_CATALOGUE } from '../drivers/caspos/catalogue.js';

export type ConnectionType = 'Serial' | 'Network' | 'None';
export type DriverFamily = 'simulated' | 'datecs' | 'caspos' | 'simulated-pos';

export interface SupportedModel {
  model: string;
  connection_types: ConnectionType[];
  family: DriverFamily;
  /** Datecs: which wire protocol generation the model speaks. */
  protocol?: 'x' | 'classic';
  default_baud_rate?: number;
  default_tcp_port?: number;
  /** What the device can print: real Romanian registers print Windows-1250; the simulated one any Unicode. */
  charset: 'windows-1250' | 'unicode';
  /** Options kept sealed at rest and shown as "********" (settings/secret-options.ts). */
  secret_options?: readonly string[];
}

export interface SupportedManufacturer {
  manufacturer: string;
  kind: 'fiscal' | 'pos';
  models: SupportedModel[];
}

const datecsX = (model: string): SupportedModel => ({
  model,
  connection_types: ['Serial', 'Network'],
  family: 'datecs',
  charset: 'windows-1250',
  protocol: 'x',
  default_baud_rate: 115_200,
  default_tcp_port: 3999,
});
const datecsClassic = (model: string): SupportedModel => ({
  model,
  connection_types: ['Serial', 'Network'],
  family: 'datecs',
  charset: 'windows-1250',
  protocol: 'classic',
  default_baud_rate: 115_200,
  default_tcp_port: 3999,
});

export const SUPPORTED_DEVICES: SupportedManufacturer[] = [
  {
    manufacturer: 'FisCool',
    kind: 'fiscal',
    models: [{ model: 'Simulated', connection_types: ['None'], family: 'simulated', charset: 'unicode' }],
  },
  {
    manufacturer: 'Datecs',
    kind: 'fiscal',
    models: [
      ...['FP-700MX', 'DP-25MX', 'DP-150MX', 'WP-50MX', 'FMP-350X', 'FP-800X', 'FP-2000X', 'DP-05X', 'WP-500X'].map(datecsX),
      ...['FP-2000', 'FP-700', 'FP-550', 'DP-25', 'DP-05', 'DP-150', 'WP-50'].map(datecsClassic),
    ],
  },
  CASPOS_CATALOGUE,
  {
    manufacturer: 'FisCool',
    kind: 'pos',
    models: [{ model: 'Simulated Terminal', connection_types: ['None'], family: 'simulated-pos', charset: 'unicode' }],
  },
];

export function findModel(kind: 'fiscal' | 'pos', manufacturer: string, model: string): SupportedModel | undefined {
  const m = normalizeModelName(manufacturer);
  const mo = normalizeModelName(model);
  for (const entry of SUPPORTED_DEVICES) {
    if (entry.kind !== kind || normalizeModelName(entry.manufacturer) !== m) continue;
    const found = entry.models.find((x) => normalizeModelName(x.model) === mo);
    if (found) return found;
  }
  return undefined;
}

export function describeSupported(kind: 'fiscal' | 'pos'): string {
  return SUPPORTED_DEVICES.filter((e) => e.kind === kind)
    .map((e) => `${e.manufacturer} (${e.models.map((m) => m.model).join(', ')})`)
    .join('; ');
}
