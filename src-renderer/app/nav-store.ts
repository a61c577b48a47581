/** Which page is showing (kept in the address's #hash, so a reload stays there). Tray commands switch it too. */
import { create } from 'zustand';
import type { TrayCommand } from '../../src-main/shared/bridge.js';

export const PAGES = ['register', 'journal', 'inbox', 'devices', 'settings'] as const;
export type Page = (typeof PAGES)[number];

function fromHash(): Page {
  const h = window.location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(h) ? (h as Page) : 'register';
}

interface NavState {
  page: Page;
  go(page: Page): void;
}

export const useNavStore = create<NavState>((set) => ({
  page: fromHash(),
  go: (page) => {
    if (window.location.hash !== `#${page}`) window.history.replaceState(null, '', `#${page}`);
    set({ page });
  },
}));

export function pageForTray(command: TrayCommand): Page {
  switch (command) {
    case 'open-devices':
      return 'devices';
    case 'open-settings':
      return 'settings';
    case 'open-receipt':
      return 'register';
    case 'open-inbox':
      return 'inbox';
  }
}
