/**
 * Secrets at rest (device credentials): `seal` turns a secret into a text safe to keep in settings.json, `open`
 * gives it back. Two stores:
 *   - headless (`npm run serve`): AES-256-GCM with a random key in `<data dir>/secret.key`, created on first use
 *     with owner-only permissions (0600, refused when group/other can read it);
 *   - the Electron app: Electron's `safeStorage` (OS keychain / DPAPI / libsecret), through
 *     `secretStoreFromEncryptor(safeStorage)` — this module does not import Electron; the desktop shell passes it.
 * A sealed text names its store ("fiscool-secret:file:v1:…", "fiscool-secret:os:v1:…"): a value sealed by one
 * cannot be opened by the other, and says so instead of returning garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretStore {
  seal(plain: string): string;
  open(sealed: string): string;
}

export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

export const SEALED_PREFIX = 'fiscool-secret:';
export const isSealed = (v: unknown): v is string => typeof v === 'string' && v.startsWith(SEALED_PREFIX);

const FILE_TAG = `${SEALED_PREFIX}file:v1:`;
const OS_TAG = `${SEALED_PREFIX}os:v1:`;
export const KEY_FILE = 'secret.key';

function loadOrCreateKey(path: string): Buffer {
  if (existsSync(path)) {
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      throw new SecretError(`${path} can be read by other users; make it owner-only (chmod 600) and restart`);
    }
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new SecretError(`${path} is not a FisCool key file`);
    return key;
  }
  const key = randomBytes(32);
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, key.toString('base64') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  return key;
}

/** The headless store. The key file is created on the first `seal`, so hubs without secrets never write one. */
export function createKeyFileSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, KEY_FILE);
  let key: Buffer | null = null;
  const getKey = () => (key ??= loadOrCreateKey(path));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return FILE_TAG + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(FILE_TAG))
        throw new SecretError('the secret was sealed by another store (the desktop app?); enter it again');
      if (!existsSync(path)) throw new SecretError(`the key file ${path} is missing; enter the secret again`);
      const raw = Buffer.from(sealed.slice(FILE_TAG.length), 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', getKey(), raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretError('the secret cannot be opened with this key file; enter it again');
      }
    },
  };
}

/** What Electron's `safeStorage` offers (structurally; no import of Electron here). */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The desktop store on `safeStorage`; falls back to `fallback` (the key file) when the OS offers no encryption. */
export function secretStoreFromEncryptor(enc: Encryptor, fallback: SecretStore): SecretStore {
  return {
    seal: (plain) =>
      enc.isEncryptionAvailable() ? OS_TAG + enc.encryptString(plain).toString('base64') : fallback.seal(plain),
    open(sealed) {
      if (!sealed.startsWith(OS_TAG)) return fallback.open(sealed);
      try {
        return enc.decryptString(Buffer.from(sealed.slice(OS_TAG.length), 'base64'));
      } catch {
        throw new SecretError('the secret cannot be opened by this user account; enter it again');
      }
    },
  };
}
