/**
 * The tray icon's state for every combination of device statuses (two registers and a card terminal, each enabled
 * or not), inbox pause, jobs in doubt and hub health, checked against the rule written out independently here.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../src-main/domain/device-config.js';
import { trayIconName, trayView, TRAY_STATES, type TrayState } from '../../../src-main/electron/model/tray-state.js';
import type { HealthDevice } from '../../../src-main/ops/health.js';

const STATUSES: DeviceStatus[] = ['Connected', 'Connecting', 'Disconnected', 'Busy', 'Error', 'Disabled'];

/** The rule as the issue states it: error > attention > busy > ok. */
function expected(devices: HealthDevice[], o: { paused: boolean; inDoubt: number; failed: number; running: boolean }): TrayState {
  if (!o.running) return 'error';
  const active = devices.filter((d) => d.enabled);
  if (active.some((d) => d.status === 'Error' || d.status === 'Disconnected')) return 'error';
  const noRegister = !active.some((d) => d.kind === 'fiscal');
  if (active.some((d) => d.status === 'Connecting') || o.paused || o.inDoubt > 0 || o.failed > 0 || noRegister) return 'attention';
  if (active.some((d) => d.status === 'Busy')) return 'busy';
  return 'ok';
}

const dev = (id: string, kind: 'fiscal' | 'pos', status: DeviceStatus, enabled: boolean): HealthDevice => ({ id, name: `Dev ${id}`, kind, status, enabled });

describe('tray state', () => {
  it('follows the worst enabled device, the inbox pause, jobs in doubt and the hub, for every combination', () => {
    let cases = 0;
    const seen = new Set<TrayState>();
    for (const a of STATUSES)
      for (const b of STATUSES)
        for (const p of STATUSES)
          for (const enabledMask of [0b111, 0b011, 0b101, 0b110, 0b001, 0b000])
            for (const paused of [false, true])
              for (const inDoubt of [0, 2]) {
                const devices = [
                  dev('a', 'fiscal', a, (enabledMask & 1) !== 0),
                  dev('b', 'fiscal', b, (enabledMask & 2) !== 0),
                  dev('p', 'pos', p, (enabledMask & 4) !== 0),
                ];
                const view = trayView({ hubRunning: true, devices, inboxPaused: paused, inboxFailed: 0, jobsInDoubt: inDoubt }, 'en');
                expect(view.state, JSON.stringify({ devices, paused, inDoubt })).toBe(expected(devices, { paused, inDoubt, failed: 0, running: true }));
                seen.add(view.state);
                cases++;
              }
    expect(cases).toBe(6 * 6 * 6 * 6 * 2 * 2);
    expect([...seen].sort()).toEqual([...TRAY_STATES].sort());
  });

  it('is error when the hub is not running, whatever the devices say', () => {
    for (const s of STATUSES) {
      const view = trayView({ hubRunning: false, devices: [dev('a', 'fiscal', s, true)], inboxPaused: false, inboxFailed: 0, jobsInDoubt: 0 }, 'ro');
      expect(view.state).toBe('error');
      expect(view.status).toBe('Hubul FisCool nu rulează');
    }
  });

  it('failed INP files and the hub’s own problems (disk, retention) ask for attention or worse', () => {
    const ok = [dev('a', 'fiscal', 'Connected', true)];
    expect(trayView({ hubRunning: true, devices: ok, inboxPaused: false, inboxFailed: 0, jobsInDoubt: 0 }, 'en').state).toBe('ok');
    expect(trayView({ hubRunning: true, devices: ok, inboxPaused: false, inboxFailed: 3, jobsInDoubt: 0 }, 'en').state).toBe('attention');
    const disk = { code: 'DISK_LOW' as const, severity: 'error' as const, text: { ro: 'disc', en: 'disk low' } };
    const v = trayView({ hubRunning: true, devices: ok, inboxPaused: false, inboxFailed: 0, jobsInDoubt: 0, extra: [disk] }, 'en');
    expect(v.state).toBe('error');
    expect(v.problems).toEqual(['disk low']);
  });

  it('names what is wrong, errors first, in the hub’s language, and counts connected registers', () => {
    const devices = [dev('a', 'fiscal', 'Connected', true), dev('b', 'fiscal', 'Error', true)];
    const ro = trayView({ hubRunning: true, devices, inboxPaused: true, inboxFailed: 0, jobsInDoubt: 0 }, 'ro');
    expect(ro.status).toBe('1/2 case conectate');
    expect(ro.problems[0]).toContain('„Dev b” raportează o eroare');
    expect(ro.problems[1]).toContain('Dosarul de scanare este în pauză');
    const en = trayView({ hubRunning: true, devices, inboxPaused: false, inboxFailed: 0, jobsInDoubt: 0 }, 'en');
    expect(en.status).toBe('1 of 2 registers connected');
    expect(trayView({ hubRunning: true, devices: [], inboxPaused: false, inboxFailed: 0, jobsInDoubt: 0 }, 'ro').status).toBe('Nicio casă de marcat activă');
  });

  it('has an icon per state, and each icon file exists in assets/', async () => {
    const { existsSync } = await import('node:fs');
    for (const s of TRAY_STATES) {
      expect(existsSync(`assets/${trayIconName(s)}`), s).toBe(true);
      expect(existsSync(`assets/${trayIconName(s).replace('.png', '@2x.png')}`), s).toBe(true);
    }
  });
});
