/** Which page is showing. Tray commands from the Electron shell switch it too. */
import { create } from 'zustand';
import type { TrayCommand } from '../../src-main/shared/bridge.js';

export type Page = 'register' | 'inbox' | 'settings';

interface NavState {
  page: Page;
  go(page: Page): void;
}

export const useNavStore = create<NavState>((set) => ({ page: 'register', go: (page) => set({ page }) }));

export function pageForTray(command: TrayCommand): Page {
  switch (command) {
    case 'open-devices':
    case 'open-settings':
      return 'settings';
    case 'open-receipt':
      return 'register';
    case 'open-inbox':
      return 'inbox';
  }
}
