/**
 *   npm run emulator -- caspos --port P [--host 127.0.0.1] [--state DIR] [--username U] [--password P]
 *                              [--first-doc N] [--first-shift N]
 * Prints one JSON line when ready: {"ready":true,"kind":"caspos","port":…,"control":"http://…/_emulator/"}.
 */
import { startCasposEmulator } from './start.js';

export const CASPOS_USAGE =
  'usage: npm run emulator -- caspos --port P [--host H] [--state DIR] [--username U] [--password P] [--first-doc N] [--first-shift N]';

export async function runCasposEmulatorCli(flags: Map<string, string>): Promise<{ close(): Promise<void> }> {
  const num = (k: string): number | undefined => {
    const v = flags.get(k);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${k} must be a whole number\n${CASPOS_USAGE}`);
    return n;
  };
  const port = num('port');
  if (port === undefined)
    throw new Error(`--port is required (5544 like the device, 0 for any free port)\n${CASPOS_USAGE}`);
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
  process.stdout.write(
    JSON.stringify({
      ready: true,
      kind: 'caspos',
      port: running.port,
      control: `http://${host}:${running.port}/_emulator/`,
    }) + '\n',
  );
  return running;
}
