/**
 *   npm run emulator -- viva-local --port P [--state DIR] [--control PORT] [--host 127.0.0.1] [--terminal-id ID]
 *                       [--card-ms N] [--pin-ms N] [--auth-ms N] [--tls-key KEY.pem --tls-cert CERT.pem]
 * Prints one JSON line when ready: {"ready":true,"protocol":"viva-local","port":…,"control_port":…}.
 */
import { readFileSync } from 'node:fs';
import { startControlServer } from './control-server.js';
import { VivaLocalEmulator } from './viva-emulator.js';

export const VIVA_LOCAL_USAGE =
  'usage: npm run emulator -- viva-local --port P [--state DIR] [--control PORT] [--host H] [--terminal-id ID] [--card-ms N] [--pin-ms N] [--auth-ms N] [--tls-key KEY.pem --tls-cert CERT.pem]';

function num(flags: Map<string, string>, name: string): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0\n${VIVA_LOCAL_USAGE}`);
  return n;
}

export async function runVivaLocalEmulator(flags: Map<string, string>): Promise<{ close(): Promise<void>; ready: Record<string, unknown> }> {
  const port = num(flags, 'port');
  if (port === undefined) throw new Error(`--port is required\n${VIVA_LOCAL_USAGE}`);
  const control = num(flags, 'control');
  const delays = { card_ms: num(flags, 'card-ms'), pin_ms: num(flags, 'pin-ms'), auth_ms: num(flags, 'auth-ms') };
  const stateDir = flags.get('state');
  const host = flags.get('host');
  const terminalId = flags.get('terminal-id');
  const key = flags.get('tls-key');
  const cert = flags.get('tls-cert');
  if ((key === undefined) !== (cert === undefined)) throw new Error(`give both --tls-key and --tls-cert\n${VIVA_LOCAL_USAGE}`);
  const tls = key && cert ? { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') } : undefined;
  const emu = await VivaLocalEmulator.start({
    port,
    ...(host ? { host } : {}),
    ...(stateDir ? { stateDir } : {}),
    ...(terminalId ? { terminalId } : {}),
    ...(tls ? { tls } : {}),
    delays: Object.fromEntries(Object.entries(delays).filter(([, v]) => v !== undefined)),
  });
  const ctl = control !== undefined ? await startControlServer(emu, control, host ?? '127.0.0.1') : null;
  return {
    ready: { ready: true, protocol: 'viva-local', scheme: tls ? 'https' : 'http', port: emu.port, control_port: ctl?.port ?? null, terminal_id: emu.terminal.terminalId },
    close: async () => {
      await ctl?.close();
      await emu.close();
    },
  };
}
