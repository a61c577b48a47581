/**
 * Serial detection over every family that can detect (the family list): the machine's serial ports, or the given
 * ones, are offered to each family in turn (a port can be open only once), and every device that answered is
 * listed with its family, model and serial number.
 */
import { listSerialPorts } from '../transports/serial.js';
import { FAMILIES } from './families.js';
import type { DetectedDevice } from './family.js';

export async function detectDevices(opts: { ports?: string[] } = {}): Promise<DetectedDevice[]> {
  let ports = opts.ports ?? (await listSerialPorts().catch(() => []));
  const found: DetectedDevice[] = [];
  for (const family of FAMILIES) {
    if (!family.detect || ports.length === 0) continue;
    const hits = await family.detect({ ports }).catch(() => []);
    found.push(...hits);
    const taken = new Set(hits.map((h) => h.port));
    ports = ports.filter((p) => !taken.has(p));
  }
  return found;
}
