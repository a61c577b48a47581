/** The tray menu model: per-register X/Z/cash for every device status, Z asks first, inbox pause, start at login. */
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../src-main/domain/device-config.js';
import { confirmationFor, flatten, trayMenu, type MenuInput } from '../../../src-main/electron/model/tray-menu.js';
import { trayView } from '../../../src-main/electron/model/tray-state.js';
import type { HealthDevice } from '../../../src-main/ops/health.js';

const STATUSES: DeviceStatus[] = ['Connected', 'Connecting', 'Disconnected', 'Busy', 'Error', 'Disabled'];

function input(devices: HealthDevice[], over: Partial<MenuInput> = {}, lang: 'ro' | 'en' = 'ro'): MenuInput {
  return {
    view: trayView({ hubRunning: true, devices, inboxPaused: false, inboxFailed: 0, jobsInDoubt: 0 }, lang),
    devices,
    inboxPaused: false,
    inboxInUse: true,
    startAtLogin: true,
    startAtLoginAvailable: true,
    ...over,
  };
}

describe('tray menu', () => {
  it('offers X, Z, cash in and cash out per enabled register, usable only while it is connected or busy', () => {
    for (const status of STATUSES)
      for (const enabled of [true, false]) {
        const d: HealthDevice = { id: 'r1', name: 'Casa 1', kind: 'fiscal', status, enabled };
        const pos: HealthDevice = { id: 'p1', name: 'POS', kind: 'pos', status: 'Connected', enabled: true };
        const items = flatten(trayMenu(input([d, pos]), 'ro'));
        const ids = items.map((i) => i.id);
        expect(ids.some((i) => i.includes('p1')), 'card terminals have no reports').toBe(false);
        if (!enabled) {
          expect(ids).not.toContain('x-r1');
          continue;
        }
        const ready = status === 'Connected' || status === 'Busy';
        for (const id of ['x-r1', 'z-r1', 'cash-in-r1', 'cash-out-r1']) {
          const item = items.find((i) => i.id === id);
          expect(item, `${id} for ${status}`).toBeDefined();
          expect(item!.enabled, `${id} for ${status}`).toBe(ready);
        }
        expect(items.find((i) => i.id === 'x-r1')!.action).toEqual({ kind: 'report', device_id: 'r1', report: 'print_x' });
        expect(items.find((i) => i.id === 'z-r1')!.action).toEqual({ kind: 'report', device_id: 'r1', report: 'print_z' });
        expect(items.find((i) => i.id === 'cash-out-r1')!.action).toEqual({ kind: 'cash', device_id: 'r1', direction: 'out' });
        expect(items.find((i) => i.id === 'device-r1')!.label).toBe(ready ? 'Casa 1' : 'Casa 1 (nu este conectată)');
      }
  });

  it('opens the window first, quits last, and shows the status and what is wrong (not clickable)', () => {
    const devices: HealthDevice[] = [{ id: 'r1', name: 'Casa 1', kind: 'fiscal', status: 'Error', enabled: true }];
    const items = trayMenu(input(devices, {}, 'en'), 'en');
    expect(items[0]).toMatchObject({ id: 'open', label: 'Open FisCool', action: { kind: 'open' } });
    expect(items.at(-1)).toMatchObject({ id: 'quit', label: 'Quit', action: { kind: 'quit' } });
    expect(items.find((i) => i.id === 'status')).toMatchObject({ label: '0 of 1 registers connected', enabled: false });
    expect(items.find((i) => i.id === 'problem-0')).toMatchObject({ enabled: false });
    expect(items.find((i) => i.id === 'problem-0')!.label).toContain('"Casa 1" reports an error');
  });

  it('pauses and resumes the scan folder, and toggles start at login', () => {
    const devices: HealthDevice[] = [{ id: 'r1', name: 'Casa 1', kind: 'fiscal', status: 'Connected', enabled: true }];
    const running = flatten(trayMenu(input(devices), 'ro')).find((i) => i.id === 'inbox')!;
    expect(running).toMatchObject({ label: 'Pune dosarul de scanare în pauză', enabled: true, action: { kind: 'inbox', paused: true } });
    const paused = flatten(trayMenu(input(devices, { inboxPaused: true, inboxInUse: false }), 'ro')).find((i) => i.id === 'inbox')!;
    expect(paused).toMatchObject({ label: 'Reia dosarul de scanare', enabled: true, action: { kind: 'inbox', paused: false } });
    const noFolder = flatten(trayMenu(input(devices, { inboxInUse: false }), 'ro')).find((i) => i.id === 'inbox')!;
    expect(noFolder.enabled).toBe(false);
    const on = flatten(trayMenu(input(devices), 'en')).find((i) => i.id === 'start-at-login')!;
    expect(on).toMatchObject({ type: 'checkbox', checked: true, enabled: true, action: { kind: 'start-at-login', enabled: false } });
    const off = flatten(trayMenu(input(devices, { startAtLogin: false, startAtLoginAvailable: false }), 'en')).find((i) => i.id === 'start-at-login')!;
    expect(off).toMatchObject({ checked: false, enabled: false, action: { kind: 'start-at-login', enabled: true } });
  });

  it('asks before a Z report, and only then', () => {
    const z = confirmationFor({ kind: 'report', device_id: 'r1', report: 'print_z' }, 'Casa 1', 'ro');
    expect(z).toMatchObject({ title: 'Raport Z', message: 'Tipăriți raportul Z pe „Casa 1”?', confirm: 'Tipărește raportul Z', cancel: 'Renunță' });
    expect(confirmationFor({ kind: 'report', device_id: 'r1', report: 'print_z' }, 'Till 1', 'en')!.detail).toContain('cannot be undone');
    expect(confirmationFor({ kind: 'report', device_id: 'r1', report: 'print_x' }, 'Casa 1', 'ro')).toBeNull();
    expect(confirmationFor({ kind: 'cash', device_id: 'r1', direction: 'in' }, 'Casa 1', 'ro')).toBeNull();
    expect(confirmationFor({ kind: 'quit' }, 'Casa 1', 'ro')).toBeNull();
  });
});
