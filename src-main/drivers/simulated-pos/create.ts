/** Build the simulated terminal driver: transaction log in `<dataDir>/simulated-pos/<config.id>/`. */
import { join } from 'node:path';
import type { PosTerminalConfig } from '../../domain/device-config.js';
import { PosTerminal } from '../../emulators/pos/pos-terminal.js';
import type { PosRules } from '../../emulators/pos/pos-types.js';
import { parseSimulatedPosOptions } from './options.js';
import { DEFAULT_POS_TIMEOUT_MS, SimulatedPosDriver } from './simulated-pos-driver.js';

export function createSimulatedPosDriver(config: PosTerminalConfig, env: { dataDir: string; timeoutMs?: number }): SimulatedPosDriver {
  const o = parseSimulatedPosOptions(config.options);
  const rules: Partial<PosRules> = {};
  for (const k of ['decline_suffixes', 'timeout_suffixes', 'cancel_suffixes', 'card_timeout_suffixes', 'answer_lost_suffixes'] as const) {
    const v = o[k];
    if (v) rules[k] = v;
  }
  if (o.pin_above_cents !== undefined) rules.pin_above_cents = o.pin_above_cents;
  if (o.decline_above_cents !== undefined) rules.decline_above_cents = o.decline_above_cents;
  const terminal = new PosTerminal({
    stateDir: join(env.dataDir, 'simulated-pos', config.id),
    terminalId: o.terminal_id ?? 'FC' + config.id.replace(/[^0-9a-f]/gi, '').slice(0, 6).toUpperCase(),
    rules,
    delays: {
      ...(o.delays?.card_ms !== undefined ? { card_ms: o.delays.card_ms } : {}),
      ...(o.delays?.pin_ms !== undefined ? { pin_ms: o.delays.pin_ms } : {}),
      ...(o.delays?.auth_ms !== undefined ? { auth_ms: o.delays.auth_ms } : {}),
    },
  });
  return new SimulatedPosDriver(terminal, env.timeoutMs ?? o.timeout_ms ?? DEFAULT_POS_TIMEOUT_MS);
}
