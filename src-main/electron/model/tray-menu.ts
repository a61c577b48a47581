/**
 * The tray menu as data (pure): open the window; per fiscal register X report, Z report (asks first), cash in and
 * cash out (open the window's cash form: an amount cannot be typed in a menu); pause/resume the scan folder; start at
 * login; quit. main.ts turns it into Electron's Menu and runs the chosen action.
 */
import type { HealthDevice } from '../../ops/health.js';
import type { TrayLanguage, TrayView } from './tray-state.js';

export type TrayAction =
  | { kind: 'open' }
  | { kind: 'report'; device_id: string; report: 'print_x' | 'print_z' }
  | { kind: 'cash'; device_id: string; direction: 'in' | 'out' }
  | { kind: 'inbox'; paused: boolean }
  | { kind: 'start-at-login'; enabled: boolean }
  | { kind: 'quit' };

export interface MenuItemModel {
  id: string;
  label: string;
  type?: 'normal' | 'separator' | 'checkbox';
  enabled?: boolean;
  checked?: boolean;
  action?: TrayAction;
  submenu?: MenuItemModel[];
}

export interface MenuInput {
  view: TrayView;
  devices: HealthDevice[];
  inboxPaused: boolean;
  /** Does any register have a scan folder? (no folder: the pause item is greyed out) */
  inboxInUse: boolean;
  startAtLogin: boolean;
  /** False where the platform has no login item (e.g. a portable build). */
  startAtLoginAvailable: boolean;
}

const L = {
  ro: {
    open: 'Deschide FisCool',
    x: 'Raport X',
    z: 'Raport Z…',
    cashIn: 'Introducere numerar…',
    cashOut: 'Scoatere numerar…',
    pause: 'Pune dosarul de scanare în pauză',
    resume: 'Reia dosarul de scanare',
    login: 'Pornește la deschiderea sesiunii',
    quit: 'Ieșire',
    notConnected: 'nu este conectată',
  },
  en: {
    open: 'Open FisCool',
    x: 'X report',
    z: 'Z report…',
    cashIn: 'Cash in…',
    cashOut: 'Cash out…',
    pause: 'Pause the scan folder',
    resume: 'Resume the scan folder',
    login: 'Start at login',
    quit: 'Quit',
    notConnected: 'not connected',
  },
} as const;

export function trayMenu(m: MenuInput, lang: TrayLanguage): MenuItemModel[] {
  const l = L[lang];
  const sep = (id: string): MenuItemModel => ({ id, label: '', type: 'separator' });
  const items: MenuItemModel[] = [
    { id: 'open', label: l.open, action: { kind: 'open' } },
    sep('sep-status'),
    { id: 'status', label: m.view.status, enabled: false },
    ...m.view.problems.slice(0, 3).map((text, i) => ({ id: `problem-${i}`, label: text, enabled: false })),
    sep('sep-devices'),
  ];
  for (const d of m.devices.filter((x) => x.kind === 'fiscal' && x.enabled)) {
    const ready = d.status === 'Connected' || d.status === 'Busy';
    items.push({
      id: `device-${d.id}`,
      label: ready ? d.name : `${d.name} (${l.notConnected})`,
      submenu: [
        { id: `x-${d.id}`, label: l.x, enabled: ready, action: { kind: 'report', device_id: d.id, report: 'print_x' } },
        { id: `z-${d.id}`, label: l.z, enabled: ready, action: { kind: 'report', device_id: d.id, report: 'print_z' } },
        sep(`sep-cash-${d.id}`),
        { id: `cash-in-${d.id}`, label: l.cashIn, enabled: ready, action: { kind: 'cash', device_id: d.id, direction: 'in' } },
        { id: `cash-out-${d.id}`, label: l.cashOut, enabled: ready, action: { kind: 'cash', device_id: d.id, direction: 'out' } },
      ],
    });
  }
  items.push(
    sep('sep-inbox'),
    {
      id: 'inbox',
      label: m.inboxPaused ? l.resume : l.pause,
      enabled: m.inboxInUse || m.inboxPaused,
      action: { kind: 'inbox', paused: !m.inboxPaused },
    },
    {
      id: 'start-at-login',
      label: l.login,
      type: 'checkbox',
      checked: m.startAtLogin,
      enabled: m.startAtLoginAvailable,
      action: { kind: 'start-at-login', enabled: !m.startAtLogin },
    },
    sep('sep-quit'),
    { id: 'quit', label: l.quit, action: { kind: 'quit' } },
  );
  return items;
}

export interface Confirmation {
  title: string;
  message: string;
  detail: string;
  confirm: string;
  cancel: string;
}

/** Actions that print something final ask first: the Z report closes the fiscal day. Null = no question. */
export function confirmationFor(a: TrayAction, deviceName: string, lang: TrayLanguage): Confirmation | null {
  if (a.kind !== 'report' || a.report !== 'print_z') return null;
  return lang === 'ro'
    ? {
        title: 'Raport Z',
        message: `Tipăriți raportul Z pe „${deviceName}”?`,
        detail: 'Raportul Z închide ziua fiscală și nu poate fi anulat.',
        confirm: 'Tipărește raportul Z',
        cancel: 'Renunță',
      }
    : {
        title: 'Z report',
        message: `Print the Z report on "${deviceName}"?`,
        detail: 'The Z report closes the fiscal day and cannot be undone.',
        confirm: 'Print the Z report',
        cancel: 'Cancel',
      };
}

/** Walk the menu (with submenus). */
export function flatten(items: readonly MenuItemModel[]): MenuItemModel[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}
