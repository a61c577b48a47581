/**
 * Printer ids for the compatible doors: every enabled fiscal device is addressed by its serial number (any
 * case) or an alias from settings; the device's FisCool id (UUID) also works. Device details the protocols
 * list (limits, headers, payment names, fiscal memory number) come from one `get_device_info` job per device,
 * cached until the devices change.
 */
import type { DeviceDirectory, FiscalDeviceView } from '../../devices/contracts.js';
import type { DeviceInfo } from '../../domain/results.js';
import type { EventBus } from '../../events/event-bus.js';
import type { CompatOperations } from './context.js';
import { runOperation } from './jobs.js';

export interface PrinterRef {
  view: FiscalDeviceView;
  /** The serial number as the device reports it (upper case), or the FisCool id while it never connected. */
  serial: string;
}

export function deviceSerial(view: FiscalDeviceView): string {
  return (view.identity?.serial ?? view.connected_device_id ?? view.config.id).toUpperCase();
}

export function listPrinters(devices: DeviceDirectory): PrinterRef[] {
  return devices
    .listFiscal()
    .filter((v) => v.config.enabled)
    .map((view) => ({ view, serial: deviceSerial(view) }));
}

/** Aliases that point at an enabled device: alias → printer. */
export function resolveAliases(
  devices: DeviceDirectory,
  aliases: Record<string, string>,
): Array<{ alias: string; printer: PrinterRef }> {
  const printers = listPrinters(devices);
  const out: Array<{ alias: string; printer: PrinterRef }> = [];
  for (const [alias, target] of Object.entries(aliases)) {
    const t = target.toLowerCase();
    const p = printers.find((x) => x.view.config.id.toLowerCase() === t || x.serial.toLowerCase() === t);
    if (p) out.push({ alias, printer: p });
  }
  return out;
}

export function findPrinter(
  devices: DeviceDirectory,
  aliases: Record<string, string>,
  id: string,
): PrinterRef | undefined {
  const want = id.trim().toLowerCase();
  if (!want) return undefined;
  const printers = listPrinters(devices);
  const direct = printers.find((p) => p.serial.toLowerCase() === want || p.view.config.id.toLowerCase() === want);
  if (direct) return direct;
  return resolveAliases(devices, aliases).find((a) => a.alias.toLowerCase() === want)?.printer;
}

export class DeviceInfoCache {
  readonly #ops: CompatOperations;
  readonly #cache = new Map<string, DeviceInfo>();
  readonly #pending = new Map<string, Promise<DeviceInfo | null>>();
  readonly #off: () => void;

  readonly #devices: DeviceDirectory;

  constructor(ops: CompatOperations, devices: DeviceDirectory, events: EventBus) {
    this.#ops = ops;
    this.#devices = devices;
    this.#off = events.on('devices_changed', () => this.#cache.clear());
  }

  cached(deviceId: string): DeviceInfo | undefined {
    return this.#cache.get(deviceId);
  }

  /** Device info, from the cache unless `fresh`; null when the device cannot answer within `waitMs`. */
  async get(
    deviceId: string,
    opts: { fresh?: boolean; waitMs?: number; source: 'erpnet' | 'ucsfphub' },
  ): Promise<DeviceInfo | null> {
    const hit = this.#cache.get(deviceId);
    if (hit && !opts.fresh) return hit;
    // A register that is not connected would only queue the read: answer from what is known instead.
    if (!this.#devices.readiness(deviceId).ready) return hit ?? null;
    const pending = this.#pending.get(deviceId);
    if (pending) return pending;
    const p = (async () => {
      const r = await runOperation(
        this.#ops,
        { device_id: deviceId, operation: { type: 'get_device_info' }, source: opts.source },
        opts.waitMs ?? 10_000,
      );
      if (r.kind !== 'job' || !r.finished || !r.job.outcome?.ok) return hit ?? null;
      const info = r.job.outcome.result as unknown as DeviceInfo;
      this.#cache.set(deviceId, info);
      return info;
    })().finally(() => this.#pending.delete(deviceId));
    this.#pending.set(deviceId, p);
    return p;
  }

  dispose(): void {
    this.#off();
  }
}
