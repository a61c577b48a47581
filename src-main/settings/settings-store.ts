/**
 * Where the settings JSON lives. Headless: `conf`; inside Electron: `electron-store` (a subclass of Conf writing the
 * same file format). Both are reduced to this tiny interface so the SettingsService does not care.
 */
import Conf from 'conf';

export interface SettingsStore {
  read(): Record<string, unknown>;
  write(value: Record<string, unknown>): void;
  readonly path: string;
}

export function createConfStore(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'fiscool',
    clearInvalidConfig: false,
    watch: false,
  });
  return {
    path: conf.path,
    read: () => ({ ...conf.store }),
    write: (value) => {
      conf.store = value;
    },
  };
}

/** For tests and throwaway hubs. */
export function createMemoryStore(initial: Record<string, unknown> = {}): SettingsStore {
  let value = { ...initial };
  return { path: ':memory:', read: () => ({ ...value }), write: (v) => void (value = { ...v }) };
}
