/** Typed settings: load + migrate + validate on start, validate every change, persist, notify. */
import { EventEmitter } from 'node:events';
import { Settings, SettingsPatch, migrate } from './schema.js';
import type { SettingsStore } from './settings-store.js';
import { formatZodError } from '../domain/validation.js';

export type SettingsUpdate = { ok: true; settings: Settings } | { ok: false; error: string };

export class SettingsService {
  readonly #store: SettingsStore;
  #current: Settings;
  readonly #emitter = new EventEmitter();

  constructor(store: SettingsStore) {
    this.#store = store;
    const raw = migrate(store.read());
    const parsed = Settings.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`settings file ${store.path} is invalid: ${formatZodError(parsed.error, 'settings')}`);
    }
    this.#current = parsed.data;
    store.write(this.#current as unknown as Record<string, unknown>);
  }

  get(): Settings {
    return this.#current;
  }

  get path(): string {
    return this.#store.path;
  }

  /** Apply a user patch (from /manage/save_settings or the GUI). Bad input changes nothing. */
  applyPatch(patch: unknown): SettingsUpdate {
    const p = SettingsPatch.safeParse(patch);
    if (!p.success) return { ok: false, error: formatZodError(p.error, 'settings') };
    const c = this.#current;
    const merged = {
      ...c,
      ...(p.data.language !== undefined ? { language: p.data.language } : {}),
      ...(p.data.simulated_devices !== undefined ? { simulated_devices: p.data.simulated_devices } : {}),
      ...(p.data.retention_days !== undefined ? { retention_days: p.data.retention_days } : {}),
      api: { ...c.api, ...p.data.api },
      inbox: { ...c.inbox, ...p.data.inbox },
      erpnet: { ...c.erpnet, ...p.data.erpnet },
      ucsfphub: { ...c.ucsfphub, ...p.data.ucsfphub },
    };
    return this.replace(merged);
  }

  /** Replace the whole settings object (validated). Used by the device registry for device lists. */
  replace(next: unknown): SettingsUpdate {
    const parsed = Settings.safeParse(next);
    if (!parsed.success) return { ok: false, error: formatZodError(parsed.error, 'settings') };
    const previous = this.#current;
    this.#store.write(parsed.data as unknown as Record<string, unknown>);
    this.#current = parsed.data;
    this.#emitter.emit('changed', parsed.data, previous);
    return { ok: true, settings: parsed.data };
  }

  onChange(listener: (next: Settings, previous: Settings) => void): () => void {
    this.#emitter.on('changed', listener);
    return () => this.#emitter.off('changed', listener);
  }
}
