/**
 * The device registry — the supervision of configured fiscal devices and card terminals: it starts, restarts and stops
 * their runtimes (drivers, probing, reconnects) and emits their status. What a save must be lives in
 * device-configs.ts (configuration), what GET /devices/* shows in device-views.ts (views); the registry is the one
 * object doors and the pipeline hold (DeviceDirectory plus the manage side).
 */
import type { Logger } from 'pino';
import type { DeviceStatus, FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import { blockingProblem, type DeviceHealth } from '../domain/device-health.js';
import type { DeviceIdentity, FiscalDriver, PosDriver } from '../domain/driver-contract.js';
import type { DeviceStatusReport } from '../domain/results.js';
import type { EventBus } from '../events/event-bus.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { DeviceDirectory, FiscalDeviceView, PosTerminalView } from './contracts.js';
import { DeviceRuntime } from './device-runtime.js';
import type { FamilyRules } from '../domain/family-rules.js';
import type { SecretStore } from '../settings/secret-store.js';
import { hasPlainSecret, redactConfig, sealConfig } from './device-secrets.js';
import type { IdentityCache } from './identity-cache.js';
import { createFiscalDriver, createPosDriver, findModel } from './catalogue.js';
import { checkFiscalSave, checkPosSave } from './device-configs.js';
import { fiscalView, posView, statusOf } from './device-views.js';
import { HealthTracker } from './health-tracker.js';

export type SaveResult<T> = { ok: true; device: T; created: boolean } | { ok: false; status: 400 | 404; error: string };

interface FiscalEntry {
  config: FiscalDeviceConfig;
  runtime: DeviceRuntime<FiscalDriver> | null;
}
interface PosEntry {
  config: PosTerminalConfig;
  runtime: DeviceRuntime<PosDriver> | null;
  terminalId: string | null;
}

export interface RegistryOptions {
  dataDir: string;
  settings: SettingsService;
  events: EventBus;
  identities: IdentityCache;
  logger: Logger;
  probeMs?: number;
  backoffMs?: number[];
  /** Seals secret device options at rest (settings/secret-store.ts). */
  secrets: SecretStore;
}

export class DeviceRegistry implements DeviceDirectory {
  readonly #fiscal = new Map<string, FiscalEntry>();
  readonly #pos = new Map<string, PosEntry>();
  readonly #o: RegistryOptions;
  readonly #lastStatus = new Map<string, DeviceStatus>();
  /** Called when a device is (re)started so the pipeline can attach a worker. */
  onDeviceStarted: ((kind: 'fiscal' | 'pos', id: string) => void) | null = null;
  /** Jobs of a device in doubt (set by the hub from the journal); part of the device's health. */
  inDoubtCount: ((id: string) => number) | null = null;
  readonly #health: HealthTracker;
  #offJobs: (() => void) | null = null;

  constructor(opts: RegistryOptions) {
    this.#o = opts;
    this.#health = new HealthTracker({
      statusOf: (id) => {
        const e = this.#fiscal.get(id) ?? this.#pos.get(id);
        return e ? statusOf(e.config, e.runtime) : undefined;
      },
      inDoubt: (id) => this.inDoubtCount?.(id) ?? 0,
      onChange: (id, health) => this.#emitStatus(this.#fiscal.has(id) ? 'fiscal' : 'pos', id, health),
    });
  }

  async start(): Promise<void> {
    this.#sealPlainSecrets();
    this.#offJobs = this.#o.events.on('job', (e) => this.#health.job(e));
    const s = this.#o.settings.get();
    for (const c of s.pos_terminals) this.#startPos(c);
    for (const c of s.fiscal_devices) this.#startFiscal(c);
  }

  async stop(): Promise<void> {
    this.#offJobs?.();
    const all: Array<Promise<void>> = [];
    for (const e of this.#fiscal.values()) if (e.runtime) all.push(e.runtime.stop());
    for (const e of this.#pos.values()) if (e.runtime) all.push(e.runtime.stop());
    await Promise.all(all);
  }

  fiscalRuntime(id: string): DeviceRuntime<FiscalDriver> | null {
    return this.#fiscal.get(id)?.runtime ?? null;
  }
  posRuntime(id: string): DeviceRuntime<PosDriver> | null {
    return this.#pos.get(id)?.runtime ?? null;
  }
  fiscalConfig(id: string): FiscalDeviceConfig | undefined {
    return this.#fiscal.get(id)?.config;
  }
  kindOf(id: string): 'fiscal' | 'pos' | undefined {
    return this.#fiscal.has(id) ? 'fiscal' : this.#pos.has(id) ? 'pos' : undefined;
  }

  // ---- DeviceDirectory ----
  listFiscal(): FiscalDeviceView[] {
    return [...this.#fiscal.values()].map((e) => this.#viewFiscal(e));
  }
  listPos(): PosTerminalView[] {
    return [...this.#pos.values()].map((e) => this.#viewPos(e));
  }
  getFiscal(id: string): FiscalDeviceView | undefined {
    const e = this.#fiscal.get(id);
    return e ? this.#viewFiscal(e) : undefined;
  }
  getPos(id: string): PosTerminalView | undefined {
    const e = this.#pos.get(id);
    return e ? this.#viewPos(e) : undefined;
  }
  findFiscalBySerial(serial: string): FiscalDeviceView | undefined {
    const s = serial.toLowerCase();
    return this.listFiscal().find((v) => v.connected_device_id?.toLowerCase() === s || v.identity?.serial.toLowerCase() === s);
  }
  readiness(id: string): { ready: true } | { ready: false; code: string; reason: string } {
    const e = this.#fiscal.get(id) ?? this.#pos.get(id);
    if (!e) return { ready: false, code: 'NOT_FOUND', reason: `Device not found: ${id}` };
    if (!e.config.enabled || !e.runtime) return { ready: false, code: 'DISABLED', reason: 'device is disabled' };
    if (!e.runtime.connected) {
      return { ready: false, code: 'DEVICE_UNREACHABLE', reason: e.runtime.detail ?? 'device is not connected' };
    }
    // The register reports it cannot print (paper out, cover open, …): sending it a job would only fail.
    const blocked = this.#fiscal.has(id) ? blockingProblem(this.#health.health(id)) : null;
    if (blocked) return { ready: false, code: blocked, reason: `the register reports ${blocked}` };
    return { ready: true };
  }

  async refreshStatus(id: string): Promise<void> {
    await this.#fiscal.get(id)?.runtime?.probeNow();
  }

  /** What the device can print (from its family). */
  charset(id: string): 'windows-1250' | 'unicode' {
    const c = this.#fiscal.get(id)?.config;
    return (c && findModel('fiscal', c.manufacturer, c.model)?.family.charset) ?? 'windows-1250';
  }

  /** The device's family and the operations it can do (null for an unknown device). */
  capabilities(id: string): { family: string; operations: readonly string[] } | null {
    const c = this.#fiscal.get(id)?.config ?? this.#pos.get(id)?.config;
    const kind = this.kindOf(id);
    const found = c && kind ? findModel(kind, c.manufacturer, c.model) : undefined;
    return found ? { family: found.family.label, operations: found.family.capabilities } : null;
  }

  /** The device family's own validation rules, when it has them (Caspos). */
  familyRules(id: string): FamilyRules | undefined {
    const c = this.#fiscal.get(id)?.config;
    return c ? findModel('fiscal', c.manufacturer, c.model)?.family.rules?.(c) : undefined;
  }

  vatRates(id: string): Record<string, number> | null {
    return this.#o.identities.get(id)?.vat_rates ?? null;
  }
  identity(id: string): DeviceIdentity | null {
    return this.#o.identities.get(id) ?? null;
  }

  // ---- manage ----
  saveFiscal(input: unknown): SaveResult<FiscalDeviceConfig> {
    const checked = checkFiscalSave(input, {
      previous: (id) => this.#fiscal.get(id)?.config,
      terminalExists: (id) => this.#pos.has(id),
      secrets: this.#o.secrets,
    });
    if (!checked.ok) return checked;
    const c = checked.config;
    if (checked.isUpdate && !this.#fiscal.has(c.id)) return { ok: false, status: 404, error: `Device not found: ${c.id}` };
    const list = this.#o.settings.get().fiscal_devices.filter((d) => d.id !== c.id);
    const saved = this.#o.settings.replace({ ...this.#o.settings.get(), fiscal_devices: [...list, c] });
    if (!saved.ok) return { ok: false, status: 400, error: saved.error };
    void this.#restartFiscal(c);
    return { ok: true, device: redactConfig(c), created: !checked.isUpdate };
  }

  savePos(input: unknown): SaveResult<PosTerminalConfig> {
    const checked = checkPosSave(input);
    if (!checked.ok) return checked;
    const c = checked.config;
    if (checked.isUpdate && !this.#pos.has(c.id)) return { ok: false, status: 404, error: `Device not found: ${c.id}` };
    const list = this.#o.settings.get().pos_terminals.filter((d) => d.id !== c.id);
    const saved = this.#o.settings.replace({ ...this.#o.settings.get(), pos_terminals: [...list, c] });
    if (!saved.ok) return { ok: false, status: 400, error: saved.error };
    void this.#restartPos(c);
    return { ok: true, device: c, created: !checked.isUpdate };
  }

  async deleteDevice(kind: 'fiscal' | 'pos', id: unknown): Promise<{ ok: true } | { ok: false; status: 400 | 404; error: string }> {
    if (typeof id !== 'string' || id === '') return { ok: false, status: 400, error: 'id: is required' };
    const s = this.#o.settings.get();
    if (kind === 'fiscal') {
      const e = this.#fiscal.get(id);
      if (!e) return { ok: false, status: 404, error: `Device not found: ${id}` };
      const r = this.#o.settings.replace({ ...s, fiscal_devices: s.fiscal_devices.filter((d) => d.id !== id) });
      if (!r.ok) return { ok: false, status: 400, error: r.error };
      this.#fiscal.delete(id);
      this.#health.forget(id);
      await e.runtime?.stop();
    } else {
      const e = this.#pos.get(id);
      if (!e) return { ok: false, status: 404, error: `Device not found: ${id}` };
      const linked = s.fiscal_devices.find((d) => d.linked_pos_device_id === id);
      if (linked) return { ok: false, status: 400, error: `id: the terminal is linked to fiscal device "${linked.name}"; unlink it first` };
      const r = this.#o.settings.replace({ ...s, pos_terminals: s.pos_terminals.filter((d) => d.id !== id) });
      if (!r.ok) return { ok: false, status: 400, error: r.error };
      this.#pos.delete(id);
      this.#health.forget(id);
      await e.runtime?.stop();
    }
    this.#o.events.emit('devices_changed', {});
    return { ok: true };
  }

  /** A settings file edited by hand may hold a device secret in plain text: seal it at start. */
  #sealPlainSecrets(): void {
    const s = this.#o.settings.get();
    if (!s.fiscal_devices.some(hasPlainSecret)) return;
    const fiscal_devices = s.fiscal_devices.map((d) => (hasPlainSecret(d) ? sealConfig(d, undefined, this.#o.secrets) : d));
    const r = this.#o.settings.replace({ ...s, fiscal_devices });
    if (!r.ok) this.#o.logger.error({ error: r.error }, 'cannot seal device secrets');
  }

  async #restartFiscal(c: FiscalDeviceConfig): Promise<void> {
    const old = this.#fiscal.get(c.id);
    this.#fiscal.set(c.id, { config: c, runtime: null });
    await old?.runtime?.stop();
    this.#startFiscal(c);
    this.#o.events.emit('devices_changed', {});
  }

  async #restartPos(c: PosTerminalConfig): Promise<void> {
    const old = this.#pos.get(c.id);
    this.#pos.set(c.id, { config: c, runtime: null, terminalId: null });
    await old?.runtime?.stop();
    this.#startPos(c);
    this.#o.events.emit('devices_changed', {});
  }

  #runtimeOptions(kind: 'fiscal' | 'pos', id: string) {
    return {
      probeMs: this.#o.probeMs ?? 3000,
      backoffMs: this.#o.backoffMs ?? [500, 1000, 2000, 5000, 10_000],
      language: () => this.#o.settings.get().language,
      onStatus: (status: DeviceStatus, _text: string, detail: string | null) => {
        this.#emitStatus(kind, id, this.#health.health(id));
        // Busy ↔ Connected flips with every job: worth a debug line, not an info line.
        const routine = status === 'Busy' || (status === 'Connected' && this.#lastStatus.get(id) === 'Busy');
        this.#lastStatus.set(id, status);
        this.#o.logger[routine ? 'debug' : 'info']({ device_id: id, status, detail }, 'device status');
      },
    };
  }

  /** One `device_status` event: link status and health together. */
  #emitStatus(kind: 'fiscal' | 'pos', id: string, health: DeviceHealth): void {
    const view = kind === 'fiscal' ? this.getFiscal(id) : this.getPos(id);
    if (!view) return;
    this.#o.events.emit('device_status', {
      device_id: id,
      device_kind: kind,
      status: view.status,
      status_text: view.status_text,
      connected_device_id: view.connected_device_id,
      ...(view.last_error && view.status !== 'Connected' && view.status !== 'Busy' ? { detail: view.last_error } : {}),
      health,
    });
  }

  #startFiscal(c: FiscalDeviceConfig): void {
    const entry: FiscalEntry = { config: c, runtime: null };
    this.#fiscal.set(c.id, entry);
    if (!c.enabled) return;
    try {
      const driver = createFiscalDriver(c, { dataDir: this.#o.dataDir, secrets: this.#o.secrets, logger: this.#o.logger.child({ device_id: c.id }) });
      const language = () => this.#o.settings.get().language;
      entry.runtime = new DeviceRuntime(driver, {
        ...this.#runtimeOptions('fiscal', c.id),
        probe: async () => {
          const report = (await driver.execute({ type: 'get_status' }, { jobId: 'status-probe', language: language() })) as DeviceStatusReport;
          this.#health.report(c.id, report);
        },
        onIdentity: (identity) => {
          if ('serial' in identity) this.#o.identities.set(c.id, identity);
        },
      });
      entry.runtime.start();
      this.onDeviceStarted?.('fiscal', c.id);
    } catch (e) {
      this.#o.logger.error({ device_id: c.id, err: e }, 'cannot create driver');
    }
  }

  #startPos(c: PosTerminalConfig): void {
    const entry: PosEntry = { config: c, runtime: null, terminalId: null };
    this.#pos.set(c.id, entry);
    if (!c.enabled) return;
    try {
      const driver = createPosDriver(c, { dataDir: this.#o.dataDir });
      entry.runtime = new DeviceRuntime(driver, {
        ...this.#runtimeOptions('pos', c.id),
        onIdentity: (identity) => {
          if ('terminal_id' in identity) entry.terminalId = identity.terminal_id;
        },
      });
      entry.runtime.start();
      this.onDeviceStarted?.('pos', c.id);
    } catch (e) {
      this.#o.logger.error({ device_id: c.id, err: e }, 'cannot create driver');
    }
  }

  #viewFiscal(e: FiscalEntry): FiscalDeviceView {
    const id = e.config.id;
    return fiscalView(e.config, e.runtime, this.#o.identities.get(id) ?? null, this.#health.health(id), this.#o.settings.get().language);
  }

  #viewPos(e: PosEntry): PosTerminalView {
    return posView(e.config, e.runtime, e.terminalId, this.#health.health(e.config.id), this.#o.settings.get().language);
  }
}
