/**
 * Keeps the tray in step with the hub: recomputes the state and menu (model/) on every device, job, inbox and
 * settings event and every 30 s (health: disk, retention), shows the notifications model/notifications.ts picks,
 * and runs the menu's actions through the hub's own pipeline (source `gui`, like the GUI's buttons).
 */
import { Notification, dialog } from 'electron';
import type { Hub } from '../hub/create-hub.js';
import type { Autostart } from './autostart.js';
import { actionResultNotice, NotificationRules, type HubEventForNotice, type Notice } from './model/notifications.js';
import { confirmationFor, trayMenu, type TrayAction } from './model/tray-menu.js';
import { trayView, type TrayLanguage } from './model/tray-state.js';
import type { AppTray } from './tray.js';

export interface TrayControllerDeps {
  hub: Hub;
  /** Creates the tray with the controller's action runner as its click handler. */
  makeTray(run: (a: TrayAction) => void): AppTray;
  autostart: Autostart;
  showWindow(page?: 'devices' | 'jobs' | 'inbox' | 'cash'): void;
  quit(): void;
}

export function startTrayController(d: TrayControllerDeps): () => void {
  const { hub } = d;
  let tray: AppTray | null = null;
  const lang = (): TrayLanguage => hub.settings.get().language;
  const rules = new NotificationRules();
  const nameOf = (id: string) =>
    hub.devices.listFiscal().find((x) => x.config.id === id)?.config.name ??
    hub.devices.listPos().find((x) => x.config.id === id)?.config.name ??
    id;

  const notify = (n: Notice | null) => {
    if (!n || !Notification.isSupported()) return;
    const note = new Notification({ title: n.title, body: n.body });
    note.on('click', () => d.showWindow(n.opens));
    note.show();
  };

  const refresh = () => {
    const h = hub.health();
    const devices = [
      ...hub.devices.listFiscal().map((x) => ({ id: x.config.id, name: x.config.name, kind: 'fiscal' as const, enabled: x.config.enabled, status: x.status, last_error: x.last_error })),
      ...hub.devices.listPos().map((x) => ({ id: x.config.id, name: x.config.name, kind: 'pos' as const, enabled: x.config.enabled, status: x.status, last_error: x.last_error })),
    ];
    const view = trayView(
      {
        hubRunning: true,
        devices,
        inboxPaused: h.inbox.paused,
        inboxFailed: h.inbox.files.failed ?? 0,
        jobsInDoubt: h.workers.reduce((n, w) => n + w.in_doubt, 0),
        extra: h.problems,
      },
      lang(),
    );
    const menu = trayMenu(
      {
        view,
        devices,
        inboxPaused: h.inbox.paused,
        inboxInUse: hub.devices.listFiscal().some((x) => (x.config.scan_folder ?? '').trim() !== ''),
        startAtLogin: d.autostart.current().enabled,
        startAtLoginAvailable: d.autostart.available,
      },
      lang(),
    );
    tray?.show(view.state, view.problems[0] ?? view.status, menu);
  };

  const run = async (a: TrayAction) => {
    switch (a.kind) {
      case 'open':
        return d.showWindow();
      case 'cash':
        return d.showWindow('cash');
      case 'quit':
        return d.quit();
      case 'inbox':
        hub.settings.applyPatch({ inbox: { paused: a.paused } });
        return refresh();
      case 'start-at-login':
        d.autostart.set(a.enabled);
        return refresh();
      case 'report': {
        const ask = confirmationFor(a, nameOf(a.device_id), lang());
        if (ask) {
          const r = await dialog.showMessageBox({ type: 'question', title: ask.title, message: ask.message, detail: ask.detail, buttons: [ask.confirm, ask.cancel], defaultId: 1, cancelId: 1 });
          if (r.response !== 0) return;
        }
        const sub = hub.operations.submit({ device_id: a.device_id, operation: { type: a.report }, source: 'gui' });
        if (sub.kind !== 'accepted') return notify(actionResultNotice({ ok: false, error: sub.error }, nameOf(a.device_id), lang()));
        const job = await sub.done;
        const o = job.outcome;
        return notify(actionResultNotice(o?.ok ? { ok: true, msg: o.msg } : { ok: false, error: o && !o.ok ? o.error : job.state }, nameOf(a.device_id), lang()));
      }
    }
  };
  // Menu clicks: errors end up in the log, never as an unhandled rejection.
  const runSafely = (a: TrayAction) => void run(a).catch((err: unknown) => hub.logger.error({ err }, 'tray action failed'));
  tray = d.makeTray(runSafely);

  const event = (e: HubEventForNotice) => notify(rules.next(e, lang()));
  const offs = [
    hub.events.on('device_status', (e) => {
      event({ kind: 'device_status', device_id: e.device_id, name: nameOf(e.device_id), device_kind: e.device_kind, status: e.status, ...(e.detail ? { detail: e.detail } : {}) });
      refresh();
    }),
    hub.events.on('job', (e) => {
      if (e.state === 'in_doubt' || e.state === 'succeeded' || e.state === 'failed') {
        event({ kind: 'job', job_id: e.job_id, device_name: nameOf(e.device_id), state: e.state, operation_type: e.operation_type });
        refresh();
      }
    }),
    hub.events.on('inbox_file', (e) => {
      event({ kind: 'inbox_file', file_name: e.file_name, device_name: nameOf(e.device_id), state: e.state, error: e.error ?? null });
      refresh();
    }),
    hub.events.on('devices_changed', () => refresh()),
    hub.settings.onChange(() => refresh()),
  ];
  const timer = setInterval(refresh, 30_000);
  refresh();
  return () => {
    clearInterval(timer);
    for (const off of offs) off();
    tray?.destroy();
    tray = null;
  };
}
