/** Notification rules, the start-at-login choice and the window policy (pure modules of the tray app). */
import { describe, expect, it } from 'vitest';
import { actionResultNotice, NotificationRules } from '../../../src-main/electron/model/notifications.js';
import { loginItemMechanism, parseChoice, resolveStartAtLogin, xdgAutostartEntry } from '../../../src-main/electron/model/start-at-login.js';
import { launchMode, onWindowClose, windowForAction } from '../../../src-main/electron/model/window-policy.js';

describe('notifications', () => {
  it('tells once per episode that a device failed, again only after it was connected in between', () => {
    let now = 0;
    const rules = new NotificationRules({ quietMs: 1000, now: () => now });
    const ev = (status: 'Error' | 'Disconnected' | 'Connected' | 'Busy' | 'Connecting') =>
      rules.next({ kind: 'device_status', device_id: 'r1', name: 'Casa 1', device_kind: 'fiscal', status, detail: 'Lipsă hârtie.' }, 'ro');
    expect(ev('Error')).toEqual({ title: 'Casa de marcat: Casa 1', body: 'Raportează o eroare. Lipsă hârtie.', opens: 'devices' });
    expect(ev('Disconnected')).toBeNull(); // same episode
    expect(ev('Busy')).toBeNull();
    expect(ev('Connecting')).toBeNull();
    expect(ev('Connected')).toBeNull();
    now = 5000;
    expect(ev('Disconnected')?.body).toContain('Nu mai răspunde');
  });

  it('does not repeat the same text within the quiet period', () => {
    let now = 0;
    const rules = new NotificationRules({ quietMs: 60_000, now: () => now });
    const flap = (status: 'Error' | 'Connected') =>
      rules.next({ kind: 'device_status', device_id: 'p1', name: 'POS', device_kind: 'pos', status }, 'en');
    expect(flap('Error')?.title).toBe('Card terminal: POS');
    flap('Connected');
    now = 30_000;
    expect(flap('Error')).toBeNull(); // flapping: quiet
    flap('Connected');
    now = 120_000;
    expect(flap('Error')).not.toBeNull();
  });

  it('tells about jobs in doubt and failed INP files, and nothing else', () => {
    const rules = new NotificationRules();
    expect(rules.next({ kind: 'job', job_id: 'j1', device_name: 'Casa 1', state: 'in_doubt', operation_type: 'print_receipt' }, 'en')).toMatchObject({
      title: 'Job in doubt on Casa 1',
      opens: 'jobs',
    });
    expect(rules.next({ kind: 'job', job_id: 'j2', device_name: 'Casa 1', state: 'succeeded', operation_type: 'print_receipt' }, 'en')).toBeNull();
    expect(rules.next({ kind: 'job', job_id: 'j3', device_name: 'Casa 1', state: 'failed', operation_type: 'print_receipt' }, 'en')).toBeNull();
    expect(rules.next({ kind: 'inbox_file', file_name: 'bon1.inp', device_name: 'Casa 1', state: 'failed', error: 'Linia 3: cotă TVA necunoscută' }, 'ro')).toEqual({
      title: 'Fișier INP eșuat: bon1.inp',
      body: 'Linia 3: cotă TVA necunoscută (Casa 1)',
      opens: 'inbox',
    });
    expect(rules.next({ kind: 'inbox_file', file_name: 'bon2.inp', device_name: 'Casa 1', state: 'done' }, 'ro')).toBeNull();
  });

  it('reports the outcome of a tray action in the hub’s words', () => {
    expect(actionResultNotice({ ok: true, msg: 'Raport X tipărit' }, 'Casa 1', 'ro')).toEqual({ title: 'Casa 1', body: 'Raport X tipărit', opens: 'jobs' });
    expect(actionResultNotice({ ok: false, error: 'Lipsă hârtie.' }, 'Casa 1', 'ro').title).toBe('Casa 1: nu s-a tipărit');
  });
});

describe('start at login', () => {
  it('the user’s choice wins, then the installer’s, else on', () => {
    expect(resolveStartAtLogin({ user: null, installer: null })).toEqual({ enabled: true, source: 'default' });
    expect(resolveStartAtLogin({ user: null, installer: false })).toEqual({ enabled: false, source: 'installer' });
    expect(resolveStartAtLogin({ user: true, installer: false })).toEqual({ enabled: true, source: 'user' });
    expect(resolveStartAtLogin({ user: false, installer: true })).toEqual({ enabled: false, source: 'user' });
  });

  it('reads stored choices strictly', () => {
    expect(parseChoice('{"start_at_login":false}')).toBe(false);
    expect(parseChoice('{"start_at_login":"yes"}')).toBeNull();
    expect(parseChoice('not json')).toBeNull();
    expect(parseChoice(null)).toBeNull();
  });

  it('registers per platform, Linux through an XDG autostart entry that starts hidden', () => {
    expect(loginItemMechanism('win32')).toBe('login-item');
    expect(loginItemMechanism('darwin')).toBe('login-item');
    expect(loginItemMechanism('linux')).toBe('xdg-autostart');
    expect(loginItemMechanism('aix')).toBe('none');
    expect(xdgAutostartEntry('/opt/FisCool/fiscool')).toContain('Exec=/opt/FisCool/fiscool --hidden\n');
    expect(xdgAutostartEntry('/home/ana/Apps/FisCool 1.0.AppImage')).toContain('Exec="/home/ana/Apps/FisCool 1.0.AppImage" --hidden');
  });
});

describe('window policy', () => {
  it('closing the window hides it (telling the user once) unless the app is quitting', () => {
    expect(onWindowClose({ quitting: false, toldAboutTray: false })).toEqual({ action: 'hide', tellUser: true });
    expect(onWindowClose({ quitting: false, toldAboutTray: true })).toEqual({ action: 'hide', tellUser: false });
    expect(onWindowClose({ quitting: true, toldAboutTray: false })).toEqual({ action: 'close' });
  });

  it('--hidden starts in the tray, --headless without tray or window', () => {
    expect(launchMode([])).toEqual({ headless: false, showWindow: true, dataDir: null });
    expect(launchMode(['--hidden'])).toEqual({ headless: false, showWindow: false, dataDir: null });
    expect(launchMode(['--hidden'], { FISCOOL_SHOW_WINDOW: '1' })).toEqual({ headless: false, showWindow: true, dataDir: null });
    expect(launchMode(['--headless', '--data-dir', 'C:\\ProgramData\\FisCool'])).toEqual({ headless: true, showWindow: false, dataDir: 'C:\\ProgramData\\FisCool' });
    expect(launchMode(['--data-dir=/srv/fiscool']).dataDir).toBe('/srv/fiscool');
    expect(windowForAction('cash')).toBe('show');
    expect(windowForAction('report')).toBe('keep');
  });
});
