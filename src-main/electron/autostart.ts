/**
 * Start at login, applied (Electron side of model/start-at-login.ts): Windows and macOS through
 * app.setLoginItemSettings (per user), Linux through ~/.config/autostart/fiscool.desktop. The user's choice is
 * stored in `<data dir>/desktop.json`; the installer's in `<resources>/start-at-login.json`.
 */
import { app } from 'electron';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loginItemMechanism, parseChoice, resolveStartAtLogin, xdgAutostartEntry, type StartAtLoginChoice } from './model/start-at-login.js';

export interface Autostart {
  readonly available: boolean;
  current(): StartAtLoginChoice;
  /** The user's choice from the tray menu: stored, then applied. */
  set(enabled: boolean): void;
  /** Apply the resolved choice (at start-up: the installer's choice takes effect on the first run). */
  apply(): void;
}

const readText = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8') : null);

export function createAutostart(dataDir: string): Autostart {
  const mechanism = loginItemMechanism(process.platform);
  // A development run (electron . from a clone) never registers itself to start at login.
  const available = app.isPackaged && mechanism !== 'none';
  const userFile = join(dataDir, 'desktop.json');
  const installerFile = join(process.resourcesPath, 'start-at-login.json');
  const xdgFile = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart', 'fiscool.desktop');
  const current = () => resolveStartAtLogin({ user: parseChoice(readText(userFile)), installer: parseChoice(readText(installerFile)) });

  const apply = () => {
    if (!available) return;
    const { enabled } = current();
    if (mechanism === 'login-item') {
      app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
    } else if (enabled) {
      mkdirSync(join(xdgFile, '..'), { recursive: true });
      writeFileSync(xdgFile, xdgAutostartEntry(process.env.APPIMAGE ?? process.execPath));
    } else {
      rmSync(xdgFile, { force: true });
    }
  };

  return {
    available,
    current,
    apply,
    set(enabled) {
      let stored: Record<string, unknown> = {};
      try {
        stored = JSON.parse(readText(userFile) ?? '{}') as Record<string, unknown>;
      } catch {
        stored = {};
      }
      writeFileSync(userFile, JSON.stringify({ ...stored, start_at_login: enabled }, null, 2) + '\n');
      apply();
    },
  };
}
