/** The tray icon: open the window, go to devices, a status line that follows the devices, quit. */
import { Menu, Tray, nativeImage } from 'electron';
import { TRAY_LABELS, type TrayLanguage } from './tray-status.js';

export interface TrayActions {
  open(): void;
  devices(): void;
  quit(): void;
}

export interface AppTray {
  update(status: string, lang: TrayLanguage): void;
  destroy(): void;
}

export function createAppTray(iconPath: string, actions: Readonly<TrayActions>): AppTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.on('click', () => actions.open());
  const update = (status: string, lang: TrayLanguage) => {
    const l = TRAY_LABELS[lang];
    tray.setToolTip(`FisCool — ${status}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: l.open, click: () => actions.open() },
        { label: l.devices, click: () => actions.devices() },
        { type: 'separator' },
        { label: status, enabled: false },
        { type: 'separator' },
        { label: l.quit, click: () => actions.quit() },
      ]),
    );
  };
  update('…', 'ro');
  return { update, destroy: () => tray.destroy() };
}
