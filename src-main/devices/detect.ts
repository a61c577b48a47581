/**
 * Detection over every family that can detect (the family list). Serial: the machine's serial ports, or the given
 * ones, are offered to each family in turn (a port can be open only once), and every device that answered is
 * listed with its family, model and serial number. Network: the given addresses are offered to every family that
 * probes the network (Caspos), all at once; a device is listed once, by the first family that recognised it.
 */
import { listSerialPorts } from '../transports/serial.js';
import { FAMILIES } from './families.js';
import type { DetectedDevice, DetectedNetworkDevice, NetworkTarget } from './family.js';

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

export async function detectNetworkDevices(targets: NetworkTarget[]): Promise<DetectedNetworkDevice[]> {
  if (targets.length === 0) return [];
  const perFamily = await Promise.all(FAMILIES.map((f) => (f.detectNetwork ? f.detectNetwork(targets).catch(() => []) : Promise.resolve([]))));
  const seen = new Set<string>();
  return perFamily.flat().filter((d) => {
    const key = `${d.ip_address}:${d.port}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
