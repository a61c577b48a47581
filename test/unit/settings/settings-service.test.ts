/** The settings file: defaults, migration of an old file, validation that changes nothing on bad input. */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsService } from '../../../src-main/settings/settings-service.js';
import { createConfStore, createMemoryStore } from '../../../src-main/settings/settings-store.js';
import { tempDir } from '../../helpers/hub.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SettingsService', () => {
  it('writes defaults to a new settings.json in the data dir', () => {
    const dir = tempDir();
    dirs.push(dir);
    const s = new SettingsService(createConfStore(dir));
    expect(s.get()).toMatchObject({ schema_version: 1, language: 'ro', api: { host: '127.0.0.1', port: 10123, token: null } });
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.api.port).toBe(10123);
  });

  it('migrates a file written before the schema had a version, keeping its values', () => {
    const dir = tempDir();
    dirs.push(dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 'en', api: { port: 9999 } }));
    const s = new SettingsService(createConfStore(dir));
    expect(s.get()).toMatchObject({ schema_version: 1, language: 'en', api: { port: 9999, host: '127.0.0.1' } });
  });

  it('refuses to start on an invalid file, naming the field (and does not overwrite it)', () => {
    const dir = tempDir();
    dirs.push(dir);
    const bad = JSON.stringify({ schema_version: 1, api: { port: 'eighty' } });
    writeFileSync(join(dir, 'settings.json'), bad);
    expect(() => new SettingsService(createConfStore(dir))).toThrow(/settings\.api\.port/);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(bad);
  });

  it('a bad patch changes nothing and emits nothing; a good one is saved and announced', () => {
    const s = new SettingsService(createMemoryStore());
    let changes = 0;
    s.onChange(() => changes++);
    const before = JSON.stringify(s.get());
    expect(s.applyPatch({ inbox: { settle_ms: -1 } })).toMatchObject({ ok: false, error: expect.stringContaining('settings.inbox.settle_ms') });
    expect(s.applyPatch({ erpnet: { port: 70000 } }).ok).toBe(false);
    expect(JSON.stringify(s.get())).toBe(before);
    expect(changes).toBe(0);
    expect(s.applyPatch({ erpnet: { enabled: true }, language: 'en' }).ok).toBe(true);
    expect(s.get()).toMatchObject({ language: 'en', erpnet: { enabled: true, port: 8001 } });
    expect(changes).toBe(1);
  });

  it('a patch of one field keeps the rest of its section (no defaults sneak back in)', () => {
    const s = new SettingsService(createMemoryStore());
    expect(s.applyPatch({ erpnet: { enabled: true, port: 9001, aliases: { casa1: 'x' } } }).ok).toBe(true);
    expect(s.applyPatch({ erpnet: { truncate_text: true } }).ok).toBe(true);
    expect(s.get().erpnet).toMatchObject({ enabled: true, port: 9001, aliases: { casa1: 'x' }, truncate_text: true });
    expect(s.applyPatch({ fiscal_devices: [] })).toMatchObject({ ok: false, error: expect.stringContaining('settings.fiscal_devices') });
  });
});
