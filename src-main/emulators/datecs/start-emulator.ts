/** Build a complete Datecs emulator (virtual register + wire front-end + endpoint + control port), in-process. */
import { REALISTIC_TIMING, ZERO_TIMING, type TimingProfile } from '../virtual-register/register-api.js';
import { VirtualRegister, type VirtualRegisterOptions } from '../virtual-register/virtual-register.js';
import type { Framing } from '../../protocols/datecs/frame.js';
import { serveControl } from './control-channel.js';
import { serveSerial, type SerialEndpoint } from '../endpoints/serial-endpoint.js';
import { serveTcp, type TcpEndpoint } from '../endpoints/tcp-endpoint.js';
import { DatecsWireEmulator } from './wire-emulator.js';

export interface StartDatecsEmulatorOptions {
  protocol: Framing;
  /** TCP port to listen on (0 = any free port); ignored when `serial` is given. */
  tcpPort?: number;
  host?: string;
  /** Serial device path (e.g. one end of a socat pty pair). */
  serial?: string;
  stateDir?: string;
  baud?: number;
  timing?: 'zero' | 'realistic' | TimingProfile;
  /** Also open a control port (0 = any free port). */
  controlPort?: number;
  register?: VirtualRegisterOptions;
  /** Keep the last answer (replayed on a repeated SEQ) across power cuts; default false, as on a real register. */
  keepReplayMemory?: boolean;
  /** Cancel after the first payment: refused (default, as the FP manual says) or allowed (a firmware variant). */
  cancelAfterPayment?: 'refuse' | 'allow';
}

export interface RunningDatecsEmulator {
  emulator: DatecsWireEmulator;
  register: VirtualRegister;
  tcp: TcpEndpoint | null;
  serial: SerialEndpoint | null;
  controlPort: number | null;
  close(): Promise<void>;
}

export function timingProfile(t: StartDatecsEmulatorOptions['timing'], baud?: number): TimingProfile {
  const base = t === undefined || t === 'zero' ? ZERO_TIMING : t === 'realistic' ? REALISTIC_TIMING : t;
  return baud === undefined ? base : { ...base, baud: base === ZERO_TIMING ? 0 : baud };
}

export async function startDatecsEmulator(opts: StartDatecsEmulatorOptions): Promise<RunningDatecsEmulator> {
  const register = new VirtualRegister({
    ...opts.register,
    ...(opts.stateDir ? { stateDir: opts.stateDir } : {}),
    identity: { model: opts.protocol === 'x' ? 'DP-25MX' : 'FP-2000', firmware: '1.00 14Feb25 1000', ...opts.register?.identity },
  });
  const emulator = new DatecsWireEmulator({
    register,
    framing: opts.protocol,
    timing: timingProfile(opts.timing, opts.baud),
    ...(opts.stateDir ? { stateDir: opts.stateDir } : {}),
    ...(opts.keepReplayMemory !== undefined ? { keepReplayMemory: opts.keepReplayMemory } : {}),
    ...(opts.cancelAfterPayment !== undefined ? { cancelAfterPayment: opts.cancelAfterPayment } : {}),
  });
  const serial = opts.serial ? await serveSerial(emulator, { path: opts.serial, baudRate: opts.baud ?? 115_200 }) : null;
  const tcp = serial ? null : await serveTcp(emulator, { port: opts.tcpPort ?? 0, ...(opts.host ? { host: opts.host } : {}) });
  const control = opts.controlPort === undefined ? null : await serveControl(emulator, { port: opts.controlPort });
  return {
    emulator,
    register,
    tcp,
    serial,
    controlPort: control?.port ?? null,
    close: async () => {
      emulator.detachAll();
      await control?.close();
      await tcp?.close();
      await serial?.close();
    },
  };
}
