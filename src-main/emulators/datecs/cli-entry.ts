/**
 * The Datecs emulator from command-line flags:
 *   datecs --protocol x|classic (--tcp PORT | --serial PTY_PATH) [--state DIR] [--baud N] [--timing realistic|zero]
 *          [--control PORT] [--host 127.0.0.1] [--replay-memory ram|keep] [--cancel-after-payment refuse|allow]
 * The control port takes line commands (see control-channel.ts).
 */
import { startDatecsEmulator } from './start-emulator.js';


export async function startDatecsFromFlags(flags: ReadonlyMap<string, string>): Promise<{ ready: Record<string, unknown>; close(): Promise<void> }> {
  const protocol = flags.get('protocol') ?? 'x';
  if (protocol !== 'x' && protocol !== 'classic') throw new Error('--protocol must be x or classic');
  const tcp = flags.get('tcp');
  const serial = flags.get('serial');
  if ((tcp === undefined) === (serial === undefined)) throw new Error('give exactly one of --tcp PORT or --serial PTY_PATH');
  const timing = flags.get('timing') ?? 'realistic';
  if (timing !== 'zero' && timing !== 'realistic') throw new Error('--timing must be zero or realistic');
  const baud = flags.has('baud') ? Number(flags.get('baud')) : undefined;
  const control = flags.get('control');
  const stateDir = flags.get('state');
  const host = flags.get('host');
  const replay = flags.get('replay-memory') ?? 'ram';
  if (replay !== 'ram' && replay !== 'keep') throw new Error('--replay-memory must be ram or keep');
  const cancel = flags.get('cancel-after-payment') ?? 'refuse';
  if (cancel !== 'refuse' && cancel !== 'allow') throw new Error('--cancel-after-payment must be refuse or allow');
  const running = await startDatecsEmulator({
    protocol,
    timing,
    ...(tcp !== undefined ? { tcpPort: Number(tcp) } : {}),
    ...(serial !== undefined ? { serial } : {}),
    ...(baud !== undefined ? { baud } : {}),
    ...(control !== undefined ? { controlPort: Number(control) } : {}),
    ...(stateDir ? { stateDir } : {}),
    ...(host ? { host } : {}),
    keepReplayMemory: replay === 'keep',
    cancelAfterPayment: cancel,
  });
  return {
    ready: { protocol, tcp_port: running.tcp?.port ?? null, serial: serial ?? null, control_port: running.controlPort },
    close: () => running.close(),
  };
}
