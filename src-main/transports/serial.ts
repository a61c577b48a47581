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
    // A destroyed SerialPort stream does not close its file descriptor (the port stays locked until the process
    // exits): close it, so a port tested or probed can be opened again at once (detection, "test connection").
    port._destroy = (error, callback) => {
      if (!port.isOpen) return callback(error);
      port.close(() => callback(error));
    };
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

/** One serial port of this machine as the OS describes it (the device editor's port list). */
export interface SerialPortInfo {
  path: string;
  manufacturer: string | null;
  serial_number: string | null;
  vendor_id: string | null;
  product_id: string | null;
}

export async function listSerialPortDetails(): Promise<SerialPortInfo[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    manufacturer: p.manufacturer ?? null,
    serial_number: p.serialNumber ?? null,
    vendor_id: p.vendorId ?? null,
    product_id: p.productId ?? null,
  }));
}
