/** Settings that would open a door to the network are refused when saved, naming the field. */
import { describe, expect, it } from 'vitest';
import { Settings, unsafeChange, unsafeSettings } from '../../../src-main/settings/schema.js';
import { SettingsService } from '../../../src-main/settings/settings-service.js';
import { createMemoryStore } from '../../../src-main/settings/settings-store.js';

const TOKEN = 'a-long-enough-token-0123456789';
const base = Settings.parse({});

describe('unsafeSettings', () => {
  it('an API off loopback needs a token (also when only the running API listens there)', () => {
    expect(unsafeSettings(base)).toBeNull();
    expect(unsafeSettings({ ...base, api: { ...base.api, host: '0.0.0.0' } })).toMatch(/^settings\.api\.token: /);
    expect(unsafeSettings({ ...base, api: { ...base.api, host: '0.0.0.0', token: TOKEN } })).toBeNull();
    expect(unsafeSettings(base, { apiListenHost: '192.168.1.5' })).toMatch(/^settings\.api\.token: the API listens on 192\.168\.1\.5/);
    expect(unsafeSettings({ ...base, api: { ...base.api, host: '127.evil.example' } })).toMatch(/^settings\.api\.token/);
  });
  it('a compatible listener off loopback needs an allow-list of clients, whatever the token', () => {
    for (const door of ['erpnet', 'ucsfphub'] as const) {
      const open = { ...base, api: { ...base.api, token: TOKEN }, [door]: { ...base[door], host: '0.0.0.0' } };
      expect(unsafeSettings(open)).toMatch(new RegExp(`^settings\\.${door}\\.allowed_clients: `));
      expect(unsafeSettings({ ...open, [door]: { ...open[door], allowed_clients: ['192.168.1.0/24'] } })).toBeNull();
    }
  });
  it('a change is refused only when it makes things unsafe (an old file keeps loading and saving)', () => {
    const old = { ...base, erpnet: { ...base.erpnet, host: '0.0.0.0' } };
    expect(unsafeChange({ ...old, language: 'en' }, old)).toBeNull();
    expect(unsafeChange(old, base)).toMatch(/allowed_clients/);
  });
  it('allowed_clients entries must be addresses or subnets', () => {
    expect(Settings.safeParse({ erpnet: { allowed_clients: ['192.168.1.0/24', 'fd00::1'] } }).success).toBe(true);
    expect(Settings.safeParse({ erpnet: { allowed_clients: ['pos.local'] } }).success).toBe(false);
  });
  it('the default scan-folder extensions are the INP ones only', () => {
    expect(base.inbox.extensions).toEqual(['.inp', '.bon']);
  });
});

describe('SettingsService with the hub’s guard', () => {
  it('refuses the patch, keeps the settings, and other changes still pass', () => {
    const s = new SettingsService(createMemoryStore({ api: { host: '0.0.0.0', token: TOKEN } }));
    s.setChangeGuard((next, previous) => unsafeChange(next, previous, { apiListenHost: '0.0.0.0' }));
    const r = s.applyPatch({ api: { token: null } });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^settings\.api\.token: /) });
    expect(s.get().api.token).toBe(TOKEN);
    expect(s.applyPatch({ language: 'en' }).ok).toBe(true);
  });
});
