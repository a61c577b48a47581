/** The Datecs family: Romanian X-protocol and classic registers over serial or TCP. */
import type { FiscalFamily, FamilyModel } from '../../devices/family.js';
import { FISCAL_OPERATION_TYPES } from '../../domain/operations.js';
import { detectDatecs } from './detect.js';
import { DatecsDriver } from './driver.js';
import { DatecsOptionsSchema } from './options.js';

const model = (protocol: 'x' | 'classic') => (name: string): FamilyModel => ({
  model: name,
  connection_types: ['Serial', 'Network'],
  protocol,
  default_baud_rate: 115_200,
  default_tcp_port: 3999,
});

export const datecsFamily: FiscalFamily = {
  id: 'datecs',
  kind: 'fiscal',
  label: 'Datecs',
  catalogue: [
    {
      manufacturer: 'Datecs',
      models: [
        ...['FP-700MX', 'DP-25MX', 'DP-150MX', 'WP-50MX', 'FMP-350X', 'FP-800X', 'FP-2000X', 'DP-05X', 'WP-500X'].map(model('x')),
        ...['FP-2000', 'FP-700', 'FP-550', 'DP-25', 'DP-05', 'DP-150', 'WP-50'].map(model('classic')),
      ],
    },
  ],
  // Romanian Datecs firmware has no refund (storno) receipt command.
  capabilities: FISCAL_OPERATION_TYPES.filter((t) => t !== 'print_refund'),
  charset: 'windows-1250',
  options: DatecsOptionsSchema,
  createDriver: (config, env, m) => new DatecsDriver(config, m.protocol, env.logger),
  detect: async ({ ports }) =>
    (await detectDatecs({ ports })).map((d) => ({ family: 'datecs', manufacturer: 'Datecs', model: d.model, serial: d.serial, port: d.port, baud_rate: d.baud_rate, protocol: d.protocol })),
  emulator: {
    name: 'datecs',
    usage: 'datecs --protocol x|classic (--tcp PORT | --serial PTY_PATH) [--state DIR] [--baud N] [--timing realistic|zero] [--control PORT] [--host H] [--replay-memory ram|keep] [--cancel-after-payment refuse|allow]',
    start: async (flags) => (await import('../../emulators/datecs/cli-entry.js')).startDatecsFromFlags(flags),
  },
};
