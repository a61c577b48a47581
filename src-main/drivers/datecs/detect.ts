/**
 * Auto-detection: probe serial ports at the usual baud rates with both framings (X status 74, classic 0x4A) and
 * report what answers, with model and serial number. Ports are probed in parallel; on one port the baud rates are
 * tried one after another (a port can only be open once).
 */
import type { Framing } from '../../protocols/datecs/frame.js';
import { ReconnectingLink } from '../../transports/byte-link.js';
import { listSerialPorts, openSerial, USUAL_BAUDS } from '../../transports/serial.js';
import { commandsFor } from './connection.js';
import { DatecsSession } from './session.js';

export interface DetectedDatecs {
  port: string;
  baud_rate: number;
  protocol: Framing;
  model: string;
  serial: string;
}

async function probe(port: string, baud: number, timeoutMs: number): Promise<DetectedDatecs | null> {
  const link = new ReconnectingLink(() => openSerial({ path: port, baudRate: baud }), { initialMs: 60_000 });
  try {
    if (!(await link.start())) return null;
    for (const framing of ['x', 'classic'] as Framing[]) {
      const session = new DatecsSession(link, { framing, timeoutMs, maxAttempts: 2 });
      try {
        await session.request(framing === 'x' ? 74 : 0x4a);
        const info = await commandsFor(framing, session).deviceInfo();
        return { port, baud_rate: baud, protocol: framing, model: info.model, serial: info.serial };
      } catch {
        // not this framing
      } finally {
        session.dispose();
      }
    }
    return null;
  } finally {
    await link.close();
  }
}

export async function detectDatecs(opts: { ports?: string[]; bauds?: number[]; timeoutMs?: number } = {}): Promise<DetectedDatecs[]> {
  const ports = opts.ports ?? (await listSerialPorts().catch(() => []));
  const bauds = opts.bauds ?? [...USUAL_BAUDS];
  const timeoutMs = opts.timeoutMs ?? 300;
  const perPort = await Promise.all(
    ports.map(async (port) => {
      for (const baud of bauds) {
        const hit = await probe(port, baud, timeoutMs).catch(() => null);
        if (hit) return hit;
      }
      return null;
    }),
  );
  return perPort.filter((x): x is DetectedDatecs => x !== null);
}
