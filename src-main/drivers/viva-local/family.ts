/**
 * The Viva Local Terminal API as a card-terminal family: catalogue, kind, capabilities, options, driver factory,
 * emulator. Everything protocol-specific lives in protocols/viva-local (codec), drivers/viva-local (this driver)
 * and emulators/viva-local (the terminal side). No detector: the API has no discovery call.
 */
import type { PosFamily } from '../../devices/family.js';
import type { PosTerminalConfig } from '../../domain/device-config.js';
import { VivaLocalDriver, VIVA_LOCAL_CAPABILITIES } from './driver.js';
import { parseVivaLocalOptions, VivaLocalOptions } from './options.js';

export const VIVA_LOCAL_DEFAULT_PORT = 8080;

export function createVivaLocalDriver(config: PosTerminalConfig): VivaLocalDriver {
  if (config.connection_details.type !== 'Network') {
    throw new Error('a Viva terminal is reached over the network: connection_details.type must be Network');
  }
  const d = config.connection_details.details;
  const o = parseVivaLocalOptions(config.options);
  return new VivaLocalDriver({ scheme: o.scheme, host: d.ip_address, port: d.port }, o);
}

export const vivaLocalFamily: PosFamily = {
  id: 'viva-local',
  kind: 'pos',
  label: 'Viva.com Local Terminal API',
  catalogue: [
    {
      manufacturer: 'Viva',
      // Android terminals running the Viva.com Terminal app (not PAX Paydroid: Viva says the API is not supported there [S12]).
      models: ['Android Terminal', 'Tap on Phone'].map((model) => ({ model, connection_types: ['Network'], default_tcp_port: VIVA_LOCAL_DEFAULT_PORT })),
    },
  ],
  capabilities: [...VIVA_LOCAL_CAPABILITIES],
  charset: 'unicode',
  options: VivaLocalOptions,
  createDriver: (config) => createVivaLocalDriver(config),
  emulator: {
    name: 'viva-local',
    usage: 'viva-local --port P [--control P] [--state DIR] [--host H] [--terminal-id ID] [--card-ms N] [--pin-ms N] [--auth-ms N] [--tls-key F --tls-cert F]',
    start: async (flags) => (await import('../../emulators/viva-local/cli-entry.js')).runVivaLocalEmulator(new Map(flags)),
  },
};
