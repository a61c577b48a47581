/**
 * Emulators as separate processes.
 *   npm run emulator -- datecs --protocol x|classic (--tcp PORT | --serial PTY_PATH) [--state DIR] [--baud N]
 *                       [--timing realistic|zero] [--control PORT] [--host 127.0.0.1]
 * Prints one JSON line when ready: {"ready":true,"protocol":…,"tcp_port":…,"serial":…,"control_port":…}.
 * The control port takes line commands (see emulators/datecs/control-channel.ts).
 *   npm run emulator -- caspos --port P …   (see emulators/caspos/cli.ts)
 */
import { startDatecsEmulator } from './datecs/start-emulator.js';
import { CASPOS_USAGE, runCasposEmulatorCli } from './caspos/cli.js';

function parseArgs(argv: string[]): { kind: string; flags: Map<string, string> } {
  const [kind = '', ...rest] = argv;
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) flags.set(a.slice(2), 'true');
    else {
      flags.set(a.slice(2), next);
      i++;
    }
  }
  return { kind, flags };
}

const USAGE =
  'usage: npm run emulator -- datecs --protocol x|classic (--tcp PORT | --serial PTY_PATH) [--state DIR] [--baud N] [--timing realistic|zero] [--control PORT]';

async function main(): Promise<void> {
  const { kind, flags } = parseArgs(process.argv.slice(2));
  if (kind === 'caspos') return stopOnSignal(await runCasposEmulatorCli(flags));
  if (kind !== 'datecs') throw new Error(`${USAGE}\n${CASPOS_USAGE}`);
  const protocol = flags.get('protocol') ?? 'x';
  if (protocol !== 'x' && protocol !== 'classic') throw new Error(`--protocol must be x or classic\n${USAGE}`);
  const tcp = flags.get('tcp');
  const serial = flags.get('serial');
  if ((tcp === undefined) === (serial === undefined)) throw new Error(`give exactly one of --tcp PORT or --serial PTY_PATH\n${USAGE}`);
  const timing = flags.get('timing') ?? 'realistic';
  if (timing !== 'zero' && timing !== 'realistic') throw new Error(`--timing must be zero or realistic\n${USAGE}`);
  const baud = flags.has('baud') ? Number(flags.get('baud')) : undefined;
  const control = flags.get('control');
  const stateDir = flags.get('state');
  const host = flags.get('host');
  const running = await startDatecsEmulator({
    protocol,
    timing,
    ...(tcp !== undefined ? { tcpPort: Number(tcp) } : {}),
    ...(serial !== undefined ? { serial } : {}),
    ...(baud !== undefined ? { baud } : {}),
    ...(control !== undefined ? { controlPort: Number(control) } : {}),
    ...(stateDir ? { stateDir } : {}),
    ...(host ? { host } : {}),
  });
  process.stdout.write(
    JSON.stringify({ ready: true, protocol, tcp_port: running.tcp?.port ?? null, serial: serial ?? null, control_port: running.controlPort }) + '\n',
  );
  stopOnSignal(running);
}

function stopOnSignal(running: { close(): Promise<void> }): void {
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
});
