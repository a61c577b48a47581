/**
 * Which desktop notifications to show, from the hub's events (pure; main.ts shows them with Electron's
 * Notification). Shown: a device going into Error or stopping to answer (once per episode: not again until it was
 * back to Connected), a job in doubt, an INP file that failed. The same text is not repeated within `quietMs`.
 */
import type { DeviceStatus } from '../../domain/device-config.js';
import type { TrayLanguage } from './tray-state.js';

export type HubEventForNotice =
  | { kind: 'device_status'; device_id: string; name: string; device_kind: 'fiscal' | 'pos'; status: DeviceStatus; detail?: string }
  | { kind: 'job'; job_id: string; device_name: string; state: string; operation_type: string }
  | { kind: 'inbox_file'; file_name: string; device_name: string; state: string; error?: string | null };

export interface Notice {
  title: string;
  body: string;
  /** What clicking it opens. */
  opens: 'devices' | 'jobs' | 'inbox';
}

export class NotificationRules {
  readonly #quietMs: number;
  readonly #now: () => number;
  /** Devices currently in a notified bad episode. */
  readonly #bad = new Set<string>();
  readonly #lastShown = new Map<string, number>();

  constructor(o: { quietMs?: number; now?: () => number } = {}) {
    this.#quietMs = o.quietMs ?? 5 * 60_000;
    this.#now = o.now ?? (() => Date.now());
  }

  /** The notice for this event, or null. */
  next(e: HubEventForNotice, lang: TrayLanguage): Notice | null {
    const notice = this.#decide(e, lang);
    if (!notice) return null;
    const key = `${notice.title}\n${notice.body}`;
    const last = this.#lastShown.get(key);
    const now = this.#now();
    if (last !== undefined && now - last < this.#quietMs) return null;
    this.#lastShown.set(key, now);
    return notice;
  }

  #decide(e: HubEventForNotice, lang: TrayLanguage): Notice | null {
    const ro = lang === 'ro';
    switch (e.kind) {
      case 'device_status': {
        if (e.status === 'Connected') {
          this.#bad.delete(e.device_id);
          return null;
        }
        if (e.status !== 'Error' && e.status !== 'Disconnected') return null;
        if (this.#bad.has(e.device_id)) return null;
        this.#bad.add(e.device_id);
        const what = e.device_kind === 'fiscal' ? (ro ? 'Casa de marcat' : 'Fiscal register') : ro ? 'Terminalul de card' : 'Card terminal';
        const detail = e.detail ? ` ${e.detail}` : '';
        return e.status === 'Error'
          ? { title: `${what}: ${e.name}`, body: (ro ? 'Raportează o eroare.' : 'Reports an error.') + detail, opens: 'devices' }
          : {
              title: `${what}: ${e.name}`,
              body: (ro ? 'Nu mai răspunde. Verificați că este pornită și conectată.' : 'Stopped answering. Check that it is on and connected.') + detail,
              opens: 'devices',
            };
      }
      case 'job':
        if (e.state !== 'in_doubt') return null;
        return {
          title: ro ? `Lucrare nesigură pe ${e.device_name}` : `Job in doubt on ${e.device_name}`,
          body: ro
            ? `Nu se știe dacă „${e.operation_type}” s-a tipărit; FisCool verifică cu casa de marcat când răspunde.`
            : `Whether "${e.operation_type}" printed is not known; FisCool checks with the register when it answers.`,
          opens: 'jobs',
        };
      case 'inbox_file':
        if (e.state !== 'failed') return null;
        return {
          title: ro ? `Fișier INP eșuat: ${e.file_name}` : `INP file failed: ${e.file_name}`,
          body: (e.error ?? (ro ? 'Vedeți Dosarul de scanare.' : 'See the Scan folder page.')) + ` (${e.device_name})`,
          opens: 'inbox',
        };
    }
  }
}

/** The notice after a tray action ran (X/Z report): the hub's own answer text. */
export function actionResultNotice(
  r: { ok: true; msg: string } | { ok: false; error: string },
  deviceName: string,
  lang: TrayLanguage,
): Notice {
  if (r.ok) return { title: deviceName, body: r.msg, opens: 'jobs' };
  return { title: lang === 'ro' ? `${deviceName}: nu s-a tipărit` : `${deviceName}: not printed`, body: r.error, opens: 'jobs' };
}
