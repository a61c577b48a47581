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
  #guard: ((next: Settings, previous: Settings) => string | null) | null = null;

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

  /** A check every user change (applyPatch) must pass; the hub installs the security refusals of schema.ts. */
  setChangeGuard(guard: (next: Settings, previous: Settings) => string | null): void {
    this.#guard = guard;
  }

  get(): Settings {
    return this.#current;
  }

  get path(): string {
    return this.#store.path;
  }

  /**
   * Apply a user patch (from /manage/save_settings or the GUI): only the fields given change; the merged whole is
   * validated, so bad input changes nothing and the error names the field (`settings.api.port: …`).
   */
  applyPatch(patch: unknown): SettingsUpdate {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ok: false, error: 'settings: must be a JSON object' };
    const allowed = Object.keys(SettingsPatch.shape);
    const merged: Record<string, unknown> = { ...this.#current };
    for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
      if (!allowed.includes(key)) return { ok: false, error: `settings.${key}: is not a setting that can be changed here` };
      const current = (this.#current as Record<string, unknown>)[key];
      const isSection = typeof current === 'object' && current !== null && !Array.isArray(current);
      if (isSection) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: `settings.${key}: must be an object` };
        merged[key] = { ...(current as Record<string, unknown>), ...(value as Record<string, unknown>) };
      } else {
        merged[key] = value;
      }
    }
    return this.replace(merged, this.#guard ?? undefined);
  }

  /** Replace the whole settings object (validated). Used by the device registry for device lists. */
  replace(next: unknown, guard?: (next: Settings, previous: Settings) => string | null): SettingsUpdate {
    const parsed = Settings.safeParse(next);
    if (!parsed.success) return { ok: false, error: formatZodError(parsed.error, 'settings') };
    const refused = guard?.(parsed.data, this.#current);
    if (refused) return { ok: false, error: refused };
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
