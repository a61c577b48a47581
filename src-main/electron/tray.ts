/** The tray icon (Electron side): shows model/tray-state.ts's state as an icon and model/tray-menu.ts as its menu. */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { MenuItemModel, TrayAction } from './model/tray-menu.js';
import { trayIconName, type TrayState } from './model/tray-state.js';

export interface AppTray {
  show(state: TrayState, tooltip: string, menu: MenuItemModel[]): void;
  destroy(): void;
}

function toTemplate(items: readonly MenuItemModel[], run: (a: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((i) => {
    if (i.type === 'separator') return { type: 'separator' };
    const action = i.action;
    return {
      id: i.id,
      label: i.label,
      type: i.type ?? (i.submenu ? 'submenu' : 'normal'),
      enabled: i.enabled ?? true,
      ...(i.checked !== undefined ? { checked: i.checked } : {}),
      ...(i.submenu ? { submenu: toTemplate(i.submenu, run) } : {}),
      ...(action ? { click: () => run(action) } : {}),
    };
  });
}

export function createAppTray(iconPath: (name: string) => string, run: (a: TrayAction) => void): AppTray {
  const icon = (state: TrayState) => nativeImage.createFromPath(iconPath(trayIconName(state)));
  const tray = new Tray(icon('attention'));
  tray.on('click', () => run({ kind: 'open' }));
  let shown: TrayState | null = null;
  return {
    show(state, tooltip, menu) {
      if (state !== shown) tray.setImage(icon(state));
      shown = state;
      tray.setToolTip(`FisCool — ${tooltip}`);
      tray.setContextMenu(Menu.buildFromTemplate(toTemplate(menu, run)));
    },
    destroy: () => tray.destroy(),
  };
}
