/**
 * The tray icon's state from the hub's own health, the devices' statuses and the inbox pause. Pure (no Electron):
 *   error      the hub is not running, or an enabled device is in Error or not answering (receipts cannot print)
 *   attention  something wants a person but printing goes on: a device connecting, jobs in doubt, the inbox
 *              paused, failed INP files, no active register, retention or disk warnings
 *   busy       a device is working (Busy) and nothing is wrong
 *   ok         every enabled device connected and idle
 * Disabled devices never count.
 */
import type { DeviceStatus } from '../../domain/device-config.js';
import { assessHealth, type Health, type HealthDevice, type Problem } from '../../ops/health.js';

export type TrayState = 'ok' | 'busy' | 'attention' | 'error';
export const TRAY_STATES: readonly TrayState[] = ['ok', 'busy', 'attention', 'error'];
export type TrayLanguage = 'ro' | 'en';

export interface TrayInput {
  /** False when the hub failed or stopped: the icon says error whatever the devices were. */
  hubRunning: boolean;
  devices: HealthDevice[];
  inboxPaused: boolean;
  inboxFailed: number;
  jobsInDoubt: number;
  /** Extra problems the hub's health reported (retention, disk), merged in. */
  extra?: Problem[];
}

export interface TrayView {
  state: TrayState;
  /** One line for the tooltip and the menu's status row. */
  status: string;
  /** What is wrong, worst first (at most a few lines shown in the menu). */
  problems: string[];
}

const RANK: Record<TrayState, number> = { ok: 0, busy: 1, attention: 2, error: 3 };

export function worse(a: TrayState, b: TrayState): TrayState {
  return RANK[a] >= RANK[b] ? a : b;
}

function deviceState(status: DeviceStatus): TrayState {
  switch (status) {
    case 'Error':
    case 'Disconnected':
      return 'error';
    case 'Connecting':
      return 'attention';
    case 'Busy':
      return 'busy';
    default:
      return 'ok';
  }
}

export function trayView(i: TrayInput, lang: TrayLanguage): TrayView {
  if (!i.hubRunning) {
    return {
      state: 'error',
      status: lang === 'ro' ? 'Hubul FisCool nu rulează' : 'The FisCool hub is not running',
      problems: [lang === 'ro' ? 'Reporniți aplicația FisCool.' : 'Restart the FisCool app.'],
    };
  }
  const health: Health = assessHealth({
    devices: i.devices,
    jobsInDoubt: i.jobsInDoubt,
    inbox: { paused: i.inboxPaused, failed: i.inboxFailed },
  });
  const problems = [...health.problems, ...(i.extra ?? []).filter((p) => !health.problems.some((q) => q.code === p.code))];
  let state: TrayState = 'ok';
  for (const d of i.devices) if (d.enabled) state = worse(state, deviceState(d.status));
  for (const p of problems) state = worse(state, p.severity === 'error' ? 'error' : 'attention');
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { state, status: statusLine(i.devices, lang), problems: problems.map((p) => p.text[lang]) };
}

/** "2/3 case conectate" / "2 of 3 registers connected". */
export function statusLine(devices: readonly HealthDevice[], lang: TrayLanguage): string {
  const active = devices.filter((d) => d.kind === 'fiscal' && d.enabled);
  if (active.length === 0) return lang === 'ro' ? 'Nicio casă de marcat activă' : 'No active fiscal register';
  const ok = active.filter((d) => d.status === 'Connected' || d.status === 'Busy').length;
  return lang === 'ro' ? `${ok}/${active.length} case conectate` : `${ok} of ${active.length} registers connected`;
}

/** The icon file of a state (assets/tray/<state>.png, with @2x beside it). */
export function trayIconName(state: TrayState): string {
  return `tray/${state}.png`;
}
