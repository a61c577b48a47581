/** Serial transport through `serialport` (8N1, no flow control). Yields a Duplex. */
import { SerialPort } from 'serialport';

export const USUAL_BAUDS = [115_200, 9600, 19_200, 38_400, 57_600] as const;

export function openSerial(opts: { path: string; baudRate: number }): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({
      path: opts.path,
      baudRate: opts.baudRate,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      rtscts: false,
      autoOpen: false,
    });
    port.open((err) => {
      if (err) reject(new Error(`cannot open serial port ${opts.path}: ${err.message}`));
      else resolve(port);
    });
  });
}

export async function listSerialPorts(): Promise<string[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => p.path);
}
