/**
 * Card terminals under test: the driver of a family over its terminal, and that terminal's own transaction log
 * (the witness every contract case is checked against). Simulated: the in-process virtual terminal. Viva Local
 * Terminal API: the driver over real HTTP to the emulator on a port-0 socket.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PosTerminalConfig } from '../../../src-main/domain/device-config.js';
import type { PosDriver, PosExecContext } from '../../../src-main/domain/driver-contract.js';
import { DeviceError } from '../../../src-main/domain/error-codes.js';
import type { PosPromptUpdate } from '../../../src-main/domain/pos-prompts.js';
import { createSimulatedPosDriver } from '../../../src-main/drivers/simulated-pos/index.js';
import { createVivaLocalDriver } from '../../../src-main/drivers/viva-local/index.js';
import type { PosTerminal } from '../../../src-main/emulators/pos/pos-terminal.js';
import type { PosTransaction } from '../../../src-main/emulators/pos/pos-types.js';
import { VivaLocalEmulator } from '../../../src-main/emulators/viva-local/index.js';

export interface CardTerminalHarness {
  driver: PosDriver;
  /** The terminal's core (rules, delays, faults) and its log: the witness. */
  terminal: PosTerminal;
  /** The ECR reference a logged transaction was started with. */
  referenceOf(tx: PosTransaction): string | undefined;
  /** The terminal reports the PIN stage to the ECR (the simulated one does; Viva's API has no such state). */
  reportsPinPrompt: boolean;
  /** The same terminal started again over its state directory (a restart: only the log survives). */
  restart(): Promise<CardTerminalHarness>;
  close(): Promise<void>;
}

export type HarnessFactory = (stateDir: string) => Promise<CardTerminalHarness>;

export function tempStateDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fiscool-card-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function posCtx(jobId = randomUUID()): PosExecContext & { prompts: PosPromptUpdate[] } {
  const prompts: PosPromptUpdate[] = [];
  return { jobId, language: 'en', prompt: (p) => prompts.push(p), prompts };
}

export async function errorOf(p: Promise<unknown>): Promise<DeviceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DeviceError) return e;
    throw e;
  }
  throw new Error('expected a DeviceError, the call succeeded');
}

/** The simulated terminal: power comes back by itself after a cut, like the emulator's. */
export const simulatedHarness: HarnessFactory = async (stateDir) => {
  const config: PosTerminalConfig = {
    id: '7c0f4a1e-0d3c-4b7e-9f55-3a2b1c0d9e8f',
    name: 'Simulated',
    manufacturer: 'FisCool',
    model: 'Simulated Terminal',
    connection_details: { type: 'None' },
    enabled: true,
    options: { timeout_ms: 400 },
  };
  const driver = createSimulatedPosDriver(config, { dataDir: stateDir });
  const off = driver.terminal.onPower((on) => {
    if (!on) setTimeout(() => driver.terminal.powerOn(), 300);
  });
  return {
    driver,
    terminal: driver.terminal,
    referenceOf: (tx) => tx.reference,
    reportsPinPrompt: true,
    restart: async () => {
      off();
      return simulatedHarness(stateDir);
    },
    close: async () => {
      off();
      driver.terminal.powerOff(); // stops what still runs: nothing writes to the log after the test
    },
  };
};

/** The Viva driver over real HTTP to the emulator (short timeouts: the emulator answers at once). */
export const vivaHarness: HarnessFactory = async (stateDir) => {
  const emu = await VivaLocalEmulator.start({ stateDir, terminalId: '16038894', powerDownMs: 300 });
  emu.setFaults({ answer_lost_ms: 500 });
  const config: PosTerminalConfig = {
    id: '2b7d9e40-5c1a-4f3e-8d6b-0a9c8e7f6d5c',
    name: 'Viva test',
    manufacturer: 'Viva',
    model: 'Android Terminal',
    connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: emu.port } },
    enabled: true,
    options: { poll_ms: 10, request_timeout_ms: 300, lost_answer_ms: 200, sale_timeout_ms: 5000, abort_grace_ms: 1000 },
  };
  const driver = createVivaLocalDriver(config);
  return {
    driver,
    terminal: emu.terminal,
    referenceOf: (tx) => tx.merchant_reference,
    reportsPinPrompt: false,
    restart: async () => {
      await emu.close();
      return vivaHarness(stateDir);
    },
    close: () => emu.close(),
  };
};
