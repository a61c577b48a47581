/**
 * The one data directory of a machine's FisCool, shared by the tray app and the headless service:
 *   FISCOOL_DATA_DIR when set (the systemd unit sets /var/lib/fiscool), else
 *   Windows  %APPDATA%\FisCool                      (Electron's own userData there)
 *   macOS    ~/Library/Application Support/FisCool  (Electron's own userData there)
 *   Linux    $XDG_DATA_HOME/fiscool or ~/.local/share/fiscool
 * Pure apart from reading the environment it is given.
 */
import { join } from 'node:path';

export interface DataDirEnv {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
}

export function defaultDataDir(e: DataDirEnv): string {
  const v = e.env;
  if (v.FISCOOL_DATA_DIR) return v.FISCOOL_DATA_DIR;
  if (e.platform === 'win32') return join(v.APPDATA ?? join(e.home, 'AppData', 'Roaming'), 'FisCool');
  if (e.platform === 'darwin') return join(e.home, 'Library', 'Application Support', 'FisCool');
  return join(v.XDG_DATA_HOME ?? join(e.home, '.local', 'share'), 'fiscool');
}
