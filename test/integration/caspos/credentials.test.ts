/**
 * A Caspos device's username and password: sealed at rest in settings.json (AES-256-GCM, key file 0600 in the data
 * dir, headless), "********" in every answer, kept when the GUI saves "********" back, removed with "", never in
 * the log; a settings file edited by hand is sealed at start.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub } from '../../../src-main/hub/create-hub.js';
import { startCasposEmulator, type RunningCasposEmulator } from '../../../src-main/emulators/caspos/start.js';
import {
  createKeyFileSecretStore,
  secretStoreFromEncryptor,
  SecretError,
  KEY_FILE,
} from '../../../src-main/settings/secret-store.js';
import { startTestHub, waitFor } from '../../helpers/hub.js';

const USER = 'kassa-ИНТ';
const PASSWORD = 'password0101-Ş';
const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-caspos-cred-'));
let em: RunningCasposEmulator;
beforeAll(async () => {
  em = await startCasposEmulator({ username: USER, password: PASSWORD });
});
afterAll(async () => {
  await em?.close();
  rmSync(dir, { recursive: true, force: true });
});

const device = (options: Record<string, unknown>, id?: string) => ({
  ...(id ? { id } : {}),
  name: 'Kassa',
  manufacturer: 'Caspos',
  model: 'SUNMI V1S',
  connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: em.port } },
  enabled: true,
  options,
});

describe('secret stores', () => {
  it('key file: round trip, owner-only file created on first seal, refused when others can read it', () => {
    const d = mkdtempSync(path.join(dir, 'keys-'));
    const store = createKeyFileSecretStore(d);
    const sealed = store.seal(PASSWORD);
    expect(sealed).toMatch(/^fiscool-secret:file:v1:/);
    expect(sealed).not.toContain(PASSWORD);
    expect(store.seal(PASSWORD)).not.toBe(sealed); // a fresh IV each time
    expect(store.open(sealed)).toBe(PASSWORD);
    expect(statSync(path.join(d, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(createKeyFileSecretStore(d).open(sealed)).toBe(PASSWORD);
    expect(() => createKeyFileSecretStore(mkdtempSync(path.join(dir, 'other-'))).open(sealed)).toThrow(SecretError);
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => store.open(tampered)).toThrow(/cannot be opened/);
  });

  it('safeStorage-style encryptor for the desktop app; the key file when the OS offers none', () => {
    const fake = {
      available: true,
      isEncryptionAvailable: () => fake.available,
      encryptString: (s: string) => Buffer.from([...Buffer.from(s)].reverse()),
      decryptString: (b: Buffer) => Buffer.from([...b].reverse()).toString(),
    };
    const fallback = createKeyFileSecretStore(mkdtempSync(path.join(dir, 'fb-')));
    const store = secretStoreFromEncryptor(fake, fallback);
    const os = store.seal(PASSWORD);
    expect(os).toMatch(/^fiscool-secret:os:v1:/);
    expect(store.open(os)).toBe(PASSWORD);
    fake.available = false;
    const file = store.seal(PASSWORD);
    expect(file).toMatch(/^fiscool-secret:file:v1:/);
    expect(store.open(file)).toBe(PASSWORD);
    expect(() => fallback.open(os)).toThrow(/another store/);
  });
});

describe('Caspos credentials in the hub', () => {
  it('sealed in settings.json, masked in answers, kept on "********", never logged', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, new Writable({ write: (c, _e, cb) => void (lines.push(String(c)), cb()) }));
    const dataDir = path.join(dir, 'hub1');
    const hub = createHub({ dataDir, port: 0, host: '127.0.0.1', probeMs: 200, logger });
    await hub.start();
    const url = `http://127.0.0.1:${hub.addresses().native!.port}`;
    const post = async (p: string, body: unknown) =>
      (
        await fetch(url + p, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json() as Promise<any>;
    try {
      const saved = await post('/manage/save_fiscal_device', device({ username: USER, password: PASSWORD }));
      expect(saved.device.options).toEqual({ username: '********', password: '********' });
      const id = saved.device.id as string;
      const view = async () =>
        ((await (await fetch(`${url}/devices/fiscal`)).json()) as any).fiscal_devices.find(
          (d: any) => d.config.id === id,
        );
      await waitFor(async () => (await view()).status === 'Connected');
      const file = readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
      expect(file).not.toContain(PASSWORD);
      expect(file).not.toContain(USER);
      expect(file).toMatch(/fiscool-secret:file:v1:/);
      // The GUI saves the config it was shown: the masked values keep the secrets (the device reconnects fine).
      const again = await post('/manage/save_fiscal_device', { ...(await view()).config, name: 'Kassa (renamed)' });
      expect(again.status).toBe(0);
      await waitFor(
        async () => (await view()).status === 'Connected' && (await view()).config.name === 'Kassa (renamed)',
      );
      const receipt = await post('/devices/operation', {
        device_id: id,
        operation: {
          type: 'print_receipt',
          lines: [{ type: 'item', description: 'Su', quantity_thousandths: 1000, unit_price_cents: 60, vat: 'A' }],
        },
      });
      expect(receipt.status).toBe(0);
      // "" removes a secret: the driver cannot start without it, and says which option is missing.
      await post('/manage/save_fiscal_device', {
        ...(await view()).config,
        options: { username: '********', password: '' },
      });
      await waitFor(async () => (await view()).status === 'Error');
      expect((await view()).last_error).toMatch(/driver could not be created/);
      expect(lines.join('\n')).toMatch(/options\.username and options\.password/);
    } finally {
      await hub.stop();
    }
    const log = lines.join('\n');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(USER);
  });

  it('a settings file edited by hand with a plain password is sealed at start and still works', async () => {
    const dataDir = path.join(dir, 'hub2');
    const first = await startTestHub({ dataDir });
    await first.close();
    const settingsPath = path.join(dataDir, 'settings.json');
    const s = JSON.parse(readFileSync(settingsPath, 'utf8'));
    s.fiscal_devices.push(device({ username: USER, password: PASSWORD }, '0b6f3a52-7d6c-4c3b-9e53-3c1b2f8e9a10'));
    writeFileSync(settingsPath, JSON.stringify(s, null, 2));
    const th = await startTestHub({ dataDir });
    try {
      expect(readFileSync(settingsPath, 'utf8')).not.toContain(PASSWORD);
      const r = await th.post('/devices/operation', {
        device_id: '0b6f3a52-7d6c-4c3b-9e53-3c1b2f8e9a10',
        operation: { type: 'get_shift_status' },
      });
      expect(r.body).toMatchObject({ status: 0 });
    } finally {
      await th.close();
    }
  });
});
