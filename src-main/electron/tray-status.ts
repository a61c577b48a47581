/** The tray's status line and tooltip from the devices' statuses, in the hub's language. Pure. */
import type { DeviceStatus } from '../domain/device-config.js';

export type TrayLanguage = 'ro' | 'en';

export interface TrayLabels {
  open: string;
  devices: string;
  quit: string;
}

export const TRAY_LABELS: Record<TrayLanguage, TrayLabels> = {
  ro: { open: 'Deschide FisCool', devices: 'Dispozitive…', quit: 'Ieșire' },
  en: { open: 'Open FisCool', devices: 'Devices…', quit: 'Quit' },
};

/** "2/3 case conectate" / "2 of 3 registers connected"; a problem device is named. */
export function trayStatusText(devices: Array<{ name: string; enabled: boolean; status: DeviceStatus }>, lang: TrayLanguage): string {
  const active = devices.filter((d) => d.enabled);
  if (active.length === 0) return lang === 'ro' ? 'Nicio casă de marcat activă' : 'No active fiscal register';
  const ok = active.filter((d) => d.status === 'Connected' || d.status === 'Busy').length;
  const head = lang === 'ro' ? `${ok}/${active.length} case conectate` : `${ok} of ${active.length} registers connected`;
  const problem = active.find((d) => d.status === 'Error' || d.status === 'Disconnected');
  if (!problem) return head;
  return `${head} — ${problem.name}: ${lang === 'ro' ? 'problemă' : 'problem'}`;
}
