/**
 * The composition root: settings → journal → devices → pipeline → doors. start()/stop(); nothing else lives here.
 * Used by the headless service (service.ts), the Electron main process and the tests.
 */
import { mkdirSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { DeviceRegistry } from '../devices/registry.js';
import { IdentityCache } from '../devices/identity-cache.js';
import { createNativeListener } from '../doors/http/app.js';
import type { NativeDoorDeps } from '../doors/http/hub-api.js';
import { startHttpServer, type RunningServer } from '../doors/http/server.js';
import { attachWebSocket } from '../doors/http/websocket.js';
import { InboxStore } from '../doors/inbox/store.js';
import { journalFileBytes, journalFreeBytes, journalSizeBytes, openJournal, type Db } from '../journal/journal.js';
import { JobStore } from '../journal/job-store.js';
import { JournalRetention, type RetentionStatus } from '../journal/retention.js';
import { backupDataDir, type BackupManifest } from '../ops/data-backup.js';
import { assessHealth, type Health } from '../ops/health.js';
import { buildSupportBundle } from '../ops/support-bundle.js';
import type { RotatingFile } from './log-file.js';
import { LatencyMetrics } from '../pipeline/metrics.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { isLoopbackBind } from '../domain/net-address.js';
import { SettingsService } from '../settings/settings-service.js';
import { createConfStore, type SettingsStore } from '../settings/settings-store.js';
import { createKeyFileSecretStore, type SecretStore } from '../settings/secret-store.js';
import { seedSimulatedDevices } from './default-devices.js';
import { EventBus } from '../events/event-bus.js';
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
  /** The rotating log file of the data directory (logger.ts), for the support bundle. */
  logFile?: RotatingFile | null;
}

/** GET /health's body beyond `status`: what is wrong, devices, queues, journal and retention. */
export interface HubHealth extends Health {
  version: string;
  uptime_s: number;
  devices: Array<{ id: string; name: string; kind: 'fiscal' | 'pos'; status: string; last_error?: string }>;
  workers: Array<{ device_id: string; queued: number; in_doubt: number }>;
  inbox: { paused: boolean; files: Record<string, number> };
  journal: { file: string; bytes_on_disk: number; bytes: number; free_bytes: number; jobs: number; keys: number };
  journal_bytes: number;
  retention: RetentionStatus & { error: string | null };
  disk_free_bytes: number | null;
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
  readonly retention: JournalRetention;
  readonly dataDir: string;
  readonly journalFile: string;
  readonly #inboxStore: InboxStore;
  #retentionError: string | null = null;
  readonly operations: Pipeline;
  readonly metrics = new LatencyMetrics();
  readonly logger: Logger;
  readonly version = VERSION;
  readonly #o: HubOptions;
  #server: RunningServer | null = null;
  #ws: { close(): Promise<void> } | null = null;
  #doors: OptionalDoors | null = null;
  readonly startedAt = Date.now();

  constructor(opts: HubOptions) {
    this.#o = opts;
    this.logger = opts.logger ?? silentLogger();
    mkdirSync(opts.dataDir, { recursive: true });
    this.settings = new SettingsService(opts.settingsStore ?? createConfStore(opts.dataDir));
    if (seedSimulatedDevices(this.settings)) this.logger.info('created a simulated register and card terminal');
    this.dataDir = opts.dataDir;
    this.journalFile = join(opts.dataDir, 'journal.sqlite');
    const db = openJournal(this.journalFile);
    this.journal = { db };
    this.jobs = new JobStore(db);
    this.#inboxStore = new InboxStore(db);
    const inboxStore = this.#inboxStore;
    this.retention = new JournalRetention(db, {
      days: () => this.settings.get().retention_days,
      pruners: [{ name: 'inbox_files', pruneBatch: (cutoff, limit) => inboxStore.pruneBatch(cutoff, limit) }],
    });
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
    this.devices.inDoubtCount = (id) => this.jobs.countInState(id, 'in_doubt');
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
      detectNetwork: this.#doors.detectNetwork,
      listPorts: this.#doors.listPorts,
      guiDir: this.#o.guiDir ?? null,
      listenHost: host,
      ops: {
        health: () => ({ ...this.health() }),
        supportBundle: () => this.supportBundle(),
        backup: async () => {
          const dir = join(this.dataDir, 'backups', new Date().toISOString().replace(/[:.]/g, '-'));
          return { dir, manifest: await this.backup(dir) };
        },
      },
    };
    if (!api.token && !isLoopbackBind(host)) {
      throw new Error(`refusing to listen on ${host} without an API token: set api.token in the settings first`);
    }
    this.#server = await startHttpServer(createNativeListener(deps, this.jobs), host, port);
    this.#ws = attachWebSocket(this.#server.server, deps);
    this.retention.start(6 * 3600_000, (err) => {
      this.#retentionError = err instanceof Error ? err.message : String(err);
      this.logger.error({ err }, 'journal retention failed');
    });
    this.logger.info({ address: this.#server.address }, 'FisCool API listening');
  }

  addresses(): { native: Address | null; erpnet?: Address; ucsfphub?: Address } {
    return { native: this.#server?.address ?? null, ...(this.#doors?.addresses() ?? {}) };
  }

  /** What is wrong (if anything), devices, queues, journal size and retention: GET /health, the tray, support. */
  health(): HubHealth {
    const views = [
      ...this.devices.listFiscal().map((d) => ({ ...d, kind: 'fiscal' as const })),
      ...this.devices.listPos().map((d) => ({ ...d, kind: 'pos' as const })),
    ];
    const devices = views.map((d) => ({
      id: d.config.id,
      name: d.config.name,
      kind: d.kind,
      enabled: d.config.enabled,
      status: d.status,
      last_error: d.last_error ?? null,
    }));
    const workers = this.operations.workerStats();
    const summary = this.jobs.summary();
    const files = this.#inboxStore.countByState();
    const paused = this.settings.get().inbox.paused;
    let disk: number | null = null;
    try {
      const st = statfsSync(this.dataDir);
      disk = st.bavail * st.bsize;
    } catch {
      disk = null;
    }
    const assessed = assessHealth({
      devices,
      jobsInDoubt: summary.by_state.in_doubt ?? 0,
      inbox: { paused, failed: files.failed ?? 0 },
      retentionError: this.#retentionError,
      diskFreeBytes: disk,
    });
    const bytes = journalSizeBytes(this.journal.db);
    return {
      ...assessed,
      version: this.version,
      uptime_s: Math.round((Date.now() - this.startedAt) / 1000),
      devices: devices.map(({ enabled: _enabled, last_error, ...d }) => ({ ...d, ...(last_error ? { last_error } : {}) })),
      workers,
      inbox: { paused, files },
      journal: {
        file: this.journalFile,
        bytes_on_disk: journalFileBytes(this.journalFile),
        bytes,
        free_bytes: journalFreeBytes(this.journal.db),
        jobs: summary.jobs,
        keys: summary.keys,
      },
      journal_bytes: bytes,
      retention: { ...this.retention.status(), error: this.#retentionError },
      disk_free_bytes: disk,
    };
  }

  /** A consistent copy of the data directory into `to` (empty or absent) while everything keeps running. */
  backup(to: string): Promise<BackupManifest> {
    return backupDataDir({ db: this.journal.db, dataDir: this.dataDir, to, version: this.version });
  }

  /** The support bundle (.tar.gz): health, settings without secrets, journal summary, logs. */
  supportBundle(now = new Date()): Buffer {
    const health = this.health();
    const inDoubt = this.jobs.listByState('in_doubt').map((j) => ({
      id: j.id,
      device_id: j.device_id,
      source: j.source,
      operation_type: j.operation.type,
      created_at: j.created_at,
      started_at: j.started_at,
    }));
    return buildSupportBundle({
      version: this.version,
      now,
      health,
      settings: this.settings.get(),
      journalSummary: {
        ...this.jobs.summary(),
        per_device: this.jobs.countByDeviceAndState(),
        in_doubt: inDoubt,
        journal: health.journal,
        retention: health.retention,
        inbox: health.inbox,
      },
      logFiles: this.#o.logFile?.files().reverse() ?? [],
    });
  }

  async stop(): Promise<void> {
    await this.retention.stop();
    await this.#ws?.close();
    await this.#server?.close();
    await this.#doors?.stop();
    await this.operations.stop();
    await this.devices.stop();
    this.jobs.flush();
    this.journal.db.close();
  }
}

export function createHub(opts: HubOptions): Hub {
  return new Hub(opts);
}
