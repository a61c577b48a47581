/** Test harness: a Datecs emulator (in-process) and a Datecs driver connected over TCP or a socat pty pair. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FiscalDeviceConfig } from '../../../src-main/domain/device-config.js';
import type { ExecContext } from '../../../src-main/domain/driver-contract.js';
import { DatecsDriver } from '../../../src-main/drivers/datecs/driver.js';
import { startDatecsEmulator, type RunningDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import type { TimingProfile } from '../../../src-main/emulators/virtual-register/register-api.js';
import { openPtyPair, type PtyPair } from '../../helpers/pty.js';

export type Transport = 'tcp' | 'pty';

export interface Rig {
  em: RunningDatecsEmulator;
  driver: DatecsDriver;
  config: FiscalDeviceConfig;
  close(): Promise<void>;
}

export const ctx: ExecContext = { jobId: 'test', language: 'ro' };

export async function startRig(opts: {
  protocol: 'x' | 'classic';
  transport: Transport;
  timing?: 'zero' | TimingProfile;
  driverProtocol?: 'x' | 'classic' | 'auto';
  driverOptions?: Record<string, unknown>;
}): Promise<Rig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-datecs-'));
  let pty: PtyPair | null = null;
  let em: RunningDatecsEmulator;
  let connection: FiscalDeviceConfig['connection_details'];
  if (opts.transport === 'pty') {
    pty = await openPtyPair();
    em = await startDatecsEmulator({ protocol: opts.protocol, serial: pty.a, stateDir: dir, timing: opts.timing ?? 'zero' });
    connection = { type: 'Serial', details: { port: pty.b, baud_rate: 115_200 } };
  } else {
    em = await startDatecsEmulator({ protocol: opts.protocol, stateDir: dir, timing: opts.timing ?? 'zero' });
    connection = { type: 'Network', details: { ip_address: '127.0.0.1', port: em.tcp?.port ?? 0 } };
  }
  const config: FiscalDeviceConfig = {
    id: randomUUID(),
    name: 'Casa 1',
    manufacturer: 'Datecs',
    model: opts.protocol === 'x' ? 'DP-25MX' : 'FP-2000',
    connection_details: connection,
    enabled: true,
    options: {
      protocol: opts.driverProtocol ?? opts.protocol,
      timeout_ms: 150,
      max_attempts: 4,
      reconnect_initial_ms: 20,
      reconnect_max_ms: 200,
      ...opts.driverOptions,
    },
  };
  const driver = new DatecsDriver(config);
  return {
    em,
    driver,
    config,
    close: async () => {
      await driver.disconnect();
      await em.close();
      await pty?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fiscal documents in the emulator's journal. */
export function journal(rig: Rig) {
  return rig.em.register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' });
}
