/**
 * Serve a Datecs wire emulator on a serial device (in tests: one end of a socat pseudo-terminal pair), opened
 * through `serialport` like a real COM port. A "disconnect" fault makes the register go silent (ignore input,
 * send nothing) for a while, like a pulled cable.
 */
import { Duplex } from 'node:stream';
import { openSerial } from '../../transports/serial.js';
import type { WireFrontEnd } from './wire-front-end.js';

export interface SerialEndpoint {
  readonly path: string;
  disconnect(silentMs?: number): void;
  close(): Promise<void>;
}

export async function serveSerial(emulator: WireFrontEnd, opts: { path: string; baudRate?: number }): Promise<SerialEndpoint> {
  const port = await openSerial({ path: opts.path, baudRate: opts.baudRate ?? 115_200 });
  let silentUntil = 0;
  // The emulator talks to a Duplex in front of the port so the silence applies in both directions.
  const gate = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, cb) {
      if (Date.now() >= silentUntil && port.isOpen) port.write(chunk);
      cb();
    },
  });
  port.on('data', (b: Buffer) => {
    if (Date.now() >= silentUntil) gate.push(b);
  });
  port.on('error', () => undefined);
  const disconnect = (silentMs = 300) => {
    silentUntil = Date.now() + silentMs;
  };
  const detach = emulator.attach(gate, { disconnect });
  return {
    path: opts.path,
    disconnect,
    close: () =>
      new Promise<void>((resolve) => {
        detach();
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
