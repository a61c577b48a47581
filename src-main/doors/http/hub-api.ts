/** What the native HTTP and WebSocket doors need from the hub. */
import type { Logger } from 'pino';
import type { DeviceRegistry } from '../../devices/registry.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Db } from '../../journal/journal.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import type { LatencyMetrics } from '../../pipeline/metrics.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { Router } from 'express';

export interface NativeDoorDeps {
  pipeline: Pipeline;
  registry: DeviceRegistry;
  events: EventBus;
  settings: SettingsService;
  db: Db;
  metrics: LatencyMetrics;
  logger: Logger;
  version: string;
  startedAt: number;
  /** Extra routers mounted by other modules (inbox at /inbox, …). */
  extraRouters?: Array<{ path: string; router: Router }>;
  /** Serial-port auto-detection (Datecs), when available. */
  detect?: (opts: { ports?: string[] }) => Promise<unknown[]>;
  /** Network detection (Caspos), when available. */
  detectNetwork?: (targets: Array<{ host: string; port?: number }>) => Promise<unknown[]>;
  /** The machine's serial ports (device editor), when available. */
  listPorts?: () => Promise<Array<{ path: string; manufacturer: string | null; serial_number: string | null; vendor_id: string | null; product_id: string | null }>>;
  /** Directory with the built GUI, served at /app when present. */
  guiDir?: string | null;
  /** The address the API listens on (a token is required off loopback; without one every request is a 401). */
  listenHost?: string;
  /** Operations: what is wrong (GET /health), the support bundle, a backup of the data directory. */
  ops?: OpsDoorDeps;
}

export interface OpsDoorDeps {
  health(): { ok: boolean } & Record<string, unknown>;
  supportBundle(): Buffer;
  /** Back the data directory up into `<data dir>/backups/<stamp>/`; answers the manifest and the directory. */
  backup(): Promise<{ dir: string; manifest: unknown }>;
}
