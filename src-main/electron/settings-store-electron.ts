/** The hub's SettingsStore on electron-store: the same `settings.json` in the data dir that `conf` writes headless. */
import ElectronStore from 'electron-store';
import type { SettingsStore } from '../settings/settings-store.js';

export function createElectronSettingsStore(dataDir: string): SettingsStore {
  const store = new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: 'settings', clearInvalidConfig: false, watch: false });
  return {
    path: store.path,
    read: () => ({ ...store.store }),
    write: (value) => {
      store.store = value;
    },
  };
}
