/**
 * The body of POST /manage/detect: `{}` (every serial port the system lists) or `{"ports": [...]}`. A named port must
 * look like a serial port: COMn on Windows; elsewhere a path that is a character device (a link to one is fine,
 * e.g. /dev/serial/by-id/…). Detection writes probe frames to it, so it is never a disk or an arbitrary file.
 */
import { promises as fsp } from 'node:fs';
import { isAbsolute } from 'node:path';

export type DetectPorts = { ok: true; ports?: string[] } | { ok: false; error: string };

const MAX_PORTS = 64;

async function portError(port: string, i: number): Promise<string | null> {
  const where = `ports[${i}]`;
  // eslint-disable-next-line no-control-regex
  if (port.length === 0 || port.length > 200 || /[\x00-\x1f]/.test(port)) return `${where}: must be a serial port name`;
  if (process.platform === 'win32') {
    return /^(\\\\\.\\)?COM\d{1,3}$/i.test(port) ? null : `${where}: "${port}" is not a serial port name (COM1, COM2, …)`;
  }
  if (!isAbsolute(port)) return `${where}: "${port}" is not a serial port path (e.g. /dev/ttyUSB0)`;
  try {
    if (!(await fsp.stat(port)).isCharacterDevice()) return `${where}: "${port}" is not a serial port (not a character device)`;
  } catch {
    return `${where}: "${port}" does not exist`;
  }
  return null;
}

export async function detectPorts(body: unknown): Promise<DetectPorts> {
  if (body === undefined || body === null) return { ok: true };
  if (typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: 'body: must be a JSON object like {"ports": ["/dev/ttyUSB0"]}' };
  for (const key of Object.keys(body)) if (key !== 'ports') return { ok: false, error: `${key}: is not a known field` };
  const ports = (body as { ports?: unknown }).ports;
  if (ports === undefined) return { ok: true };
  if (!Array.isArray(ports) || ports.length > MAX_PORTS || ports.some((p) => typeof p !== 'string')) {
    return { ok: false, error: `ports: must be a list of up to ${MAX_PORTS} port names (e.g. "COM3", "/dev/ttyUSB0")` };
  }
  const names = (ports as string[]).map((p) => p.trim());
  for (const [i, port] of names.entries()) {
    const e = await portError(port, i);
    if (e) return { ok: false, error: e };
  }
  return { ok: true, ports: names };
}
