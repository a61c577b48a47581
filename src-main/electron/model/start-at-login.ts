/**
 * Start at login (pure decisions; autostart.ts applies them). The user's own choice — the tray menu's checkbox,
 * stored in `<data dir>/desktop.json` — wins; before the user ever chose, the installer's choice applies (the NSIS
 * page writes `start-at-login.json` next to the app's resources); with neither, the app starts at login, which is
 * what a shop PC's tray app is for. The app starts hidden (`--hidden`) when started by the login item.
 */

export type StartAtLoginSource = 'user' | 'installer' | 'default';

export interface StartAtLoginChoice {
  enabled: boolean;
  source: StartAtLoginSource;
}

export function resolveStartAtLogin(i: { user: boolean | null; installer: boolean | null }): StartAtLoginChoice {
  if (i.user !== null) return { enabled: i.user, source: 'user' };
  if (i.installer !== null) return { enabled: i.installer, source: 'installer' };
  return { enabled: true, source: 'default' };
}

/** How each platform registers a login item. Linux has no Electron API: an XDG autostart .desktop file. */
export function loginItemMechanism(platform: NodeJS.Platform): 'login-item' | 'xdg-autostart' | 'none' {
  if (platform === 'win32' || platform === 'darwin') return 'login-item';
  if (platform === 'linux') return 'xdg-autostart';
  return 'none';
}

/** The XDG autostart entry (~/.config/autostart/fiscool.desktop) that starts the tray app hidden. */
export function xdgAutostartEntry(execPath: string): string {
  const quoted = /[\s"'\\]/.test(execPath) ? `"${execPath.replace(/(["\\`$])/g, '\\$1')}"` : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=FisCool',
    'Comment=Fiscal-device hub / Hub pentru case de marcat',
    `Exec=${quoted} --hidden`,
    'Icon=fiscool',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Parse a stored boolean choice file ({"start_at_login": true}); anything else = no choice. */
export function parseChoice(text: string | null, key = 'start_at_login'): boolean | null {
  if (text === null) return null;
  try {
    const v = (JSON.parse(text) as Record<string, unknown>)[key];
    return typeof v === 'boolean' ? v : null;
  } catch {
    return null;
  }
}
