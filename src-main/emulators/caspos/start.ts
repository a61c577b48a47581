/** A complete Caspos emulator (ledger + virtual register + HTTP endpoint), in-process. */
import { CasposEmulator, type CasposEmulatorOptions } from './caspos-emulator.js';
import { serveCaspos, type CasposEndpoint } from './http-endpoint.js';

export interface StartCasposEmulatorOptions extends CasposEmulatorOptions {
  /** 0 = any free port; the device's own port is 5544. */
  port?: number;
  host?: string;
}

export interface RunningCasposEmulator {
  emulator: CasposEmulator;
  endpoint: CasposEndpoint;
  port: number;
  close(): Promise<void>;
}

export async function startCasposEmulator(opts: StartCasposEmulatorOptions = {}): Promise<RunningCasposEmulator> {
  const emulator = new CasposEmulator(opts);
  const endpoint = await serveCaspos(emulator, { port: opts.port ?? 0, ...(opts.host ? { host: opts.host } : {}) });
  return { emulator, endpoint, port: endpoint.port, close: () => endpoint.close() };
}
