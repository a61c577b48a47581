import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FiscalDeviceConfig, PosTerminalConfig } from '../../../src-main/domain/device-config.js';
import type { ExecContext } from '../../../src-main/domain/driver-contract.js';
import { DeviceError, type DeviceErrorCode } from '../../../src-main/domain/error-codes.js';

export function fiscalConfig(options: Record<string, unknown> = {}): FiscalDeviceConfig {
  return {
    id: randomUUID(),
    name: 'Casa test',
    manufacturer: 'Simulated',
    model: 'Simulated',
    connection_details: { type: 'None' },
    enabled: true,
    options,
  };
}

export function posConfig(options: Record<string, unknown> = {}): PosTerminalConfig {
  return {
    id: randomUUID(),
    name: 'POS test',
    manufacturer: 'Simulated',
    model: 'Simulated POS',
    connection_details: { type: 'None' },
    enabled: true,
    options,
  };
}

export const ctx = (jobId = 'job-1'): ExecContext => ({ jobId, language: 'ro' });

export function tempDirs(): { make(): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    make() {
      const d = mkdtempSync(join(tmpdir(), 'fiscool-sim-'));
      dirs.push(d);
      return d;
    },
    cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** The DeviceError a promise rejects with (fails when it resolves or rejects with something else). */
export async function deviceErrorOf(p: Promise<unknown>): Promise<DeviceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DeviceError) return err;
    throw err;
  }
  throw new Error('expected a DeviceError, the call succeeded');
}

export async function codeOf(p: Promise<unknown>): Promise<DeviceErrorCode> {
  return (await deviceErrorOf(p)).code;
}
