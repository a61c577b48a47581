/**
 * The composition root: settings → journal → devices → pipeline → doors. start()/stop(); nothing else lives here.
 * Used by the headless service (service.ts), the Electron main process and the tests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { DeviceRegistry } from '../devices/registry.js';
import { IdentityCache } from '../devices/identity-cache.js';
import { createApi } from '../doors/http/app.js';
import type { NativeDoorDeps } from '../doors/http/hub-api.js';
import { startHttpServer, type RunningServer } from '../doors/http/server.js';
import { attachWebSocket } from '../doors/http/websocket.js';
import { openJournal, type Db } from '../journal/journal.js';
import { JobStore } from '../journal/job-store.js';
import { LatencyMetrics } from '../pipeline/metrics.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { isLoopbackBind } from '../domain/net-address.js';
import { SettingsService } from '../settings/settings-service.js';
import { createConfStore, type SettingsStore } from '../settings/settings-store.js';
import { createKeyFileSecretStore, type SecretStore } from '../settings/secret-store.js';
import { seedSimulatedDevices } from './default-devices.js';
import { EventBus } from './events.js';
import { silentLogger } from './logger.js';
import { VERSION } from './version.js';
import { startOptionalDoors, type OptionalDoors } from './optional-doors.js';

export interface HubOptions {
  dataDir: string;
  host?: string;
  port?: number;
  erpnetPort?: number;
  ucsfphubPort?: number;
  logger?: Logger;
  /** Inside Electron: an electron-store backed store writing the same file. */
  settingsStore?: SettingsStore;
  /** Inside Electron: secrets sealed with safeStorage (settings/secret-store.ts); headless: a key file in the data dir. */
  secretStore?: SecretStore;
  /** Device probe interval (ms); tests use small values. */
  probeMs?: number;
  guiDir?: string | null;
}

export interface Address {
  host: string;
  port: number;
}

export class Hub {
  readonly settings: SettingsService;
  readonly events = new EventBus();
  readonly journal: { db: Db };
  readonly jobs: JobStore;
  readonly devices: DeviceRegistry;
  readonly operations: Pipeline;
  readonly metrics = new LatencyMetrics();
  readonly logger: Logger;
  readonly version = VERSION;
  readonly #o: HubOptions;
  #server: RunningServer | null = null;
  #ws: { close(): Promise<void> } | null = null;
  #doors: OptionalDoors | null = null;
  #purgeTimer: NodeJS.Timeout | null = null;
  readonly startedAt = Date.now();

  constructor(opts: HubOptions) {
    this.#o = opts;
    this.logger = opts.logger ?? silentLogger();
    mkdirSync(opts.dataDir, { recursive: true });
    this.settings = new SettingsService(opts.settingsStore ?? createConfStore(opts.dataDir));
    if (seedSimulatedDevices(this.settings)) this.logger.info('created a simulated register and card terminal');
    const db = openJournal(join(opts.dataDir, 'journal.sqlite'));
    this.journal = { db };
    this.jobs = new JobStore(db);
    this.devices = new DeviceRegistry({
      dataDir: opts.dataDir,
      settings: this.settings,
      events: this.events,
      identities: new IdentityCache(db),
      logger: this.logger,
      secrets: opts.secretStore ?? createKeyFileSecretStore(opts.dataDir),
      ...(opts.probeMs !== undefined ? { probeMs: opts.probeMs } : {}),
    });
    this.operations = new Pipeline({
      store: this.jobs,
      registry: this.devices,
      events: this.events,
      settings: this.settings,
      logger: this.logger,
      metrics: this.metrics,
    });
    this.devices.onDeviceStarted = (kind, id) => this.operations.deviceStarted(kind, id);
    this.devices.inDoubtCount = (id) => this.jobs.list({ device_id: id, state: 'in_doubt', limit: 1000 }).length;
  }

  async start(): Promise<void> {
    await this.devices.start();
    this.operations.start();
    this.#doors = await startOptionalDoors(this, this.#o);
    const api = this.settings.get().api;
    const host = this.#o.host ?? api.host;
    const port = this.#o.port ?? api.port;
    const deps: NativeDoorDeps = {
      pipeline: this.operations,
      registry: this.devices,
      events: this.events,
      settings: this.settings,
      db: this.journal.db,
      metrics: this.metrics,
      logger: this.logger,
      version: this.version,
      startedAt: this.startedAt,
      extraRouters: this.#doors.routers,
      detect: this.#doors.detect,
      listPorts: this.#doors.listPorts,
      guiDir: this.#o.guiDir ?? null,
      listenHost: host,
    };
    if (!api.token && !isLoopbackBind(host)) {
      throw new Error(`refusing to listen on ${host} without an API token: set api.token in the settings first`);
    }
    this.#server = await startHttpServer(createApi(deps, this.jobs), host, port);
    this.#ws = attachWebSocket(this.#server.server, deps);
    this.jobs.purgeOlderThan(this.settings.get().retention_days);
    this.#purgeTimer = setInterval(() => this.jobs.purgeOlderThan(this.settings.get().retention_days), 6 * 3600_000);
    this.#purgeTimer.unref();
    this.logger.info({ address: this.#server.address }, 'FisCool API listening');
  }

  addresses(): { native: Address | null; erpnet?: Address; ucsfphub?: Address } {
    return { native: this.#server?.address ?? null, ...(this.#doors?.addresses() ?? {}) };
  }

  async stop(): Promise<void> {
    if (this.#purgeTimer) clearInterval(this.#purgeTimer);
    await this.#ws?.close();
    await this.#server?.close();
    await this.#doors?.stop();
    await this.operations.stop();
    await this.devices.stop();
    this.journal.db.close();
  }
}

export function createHub(opts: HubOptions): Hub {
  return new Hub(opts);
}
