/**
 * The Caspos emulator from command-line flags:
 *   npm run emulator -- caspos --port P [--host 127.0.0.1] [--state DIR] [--username U] [--password P]
 *                              [--first-doc N] [--first-shift N]
 * Ready line: {"ready":true,"kind":"caspos","port":…,"control":"http://…/_emulator/"}.
 */
import { startCasposEmulator } from './start.js';

export async function runCasposEmulatorCli(flags: ReadonlyMap<string, string>): Promise<{ ready: Record<string, unknown>; close(): Promise<void> }> {
  const num = (k: string): number | undefined => {
    const v = flags.get(k);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${k} must be a whole number`);
    return n;
  };
  const port = num('port');
  if (port === undefined)
    throw new Error('--port is required (5544 like the device, 0 for any free port)');
  const s = (k: string) => flags.get(k);
  const running = await startCasposEmulator({
    port,
    ...(s('host') ? { host: s('host') } : {}),
    ...(s('state') ? { stateDir: s('state') } : {}),
    ...(s('username') ? { username: s('username') } : {}),
    ...(s('password') ? { password: s('password') } : {}),
    ...(num('first-doc') !== undefined ? { firstDocNumber: num('first-doc') } : {}),
    ...(num('first-shift') !== undefined ? { firstShift: num('first-shift') } : {}),
  });
  const host = running.endpoint.host;
  return {
    ready: { kind: 'caspos', port: running.port, control: `http://${host}:${running.port}/_emulator/` },
    close: () => running.close(),
  };
}
