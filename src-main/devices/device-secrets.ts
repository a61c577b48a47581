/**
 * Device configs and their secret options (the family's `secret_options`, e.g. a Caspos device's username and
 * password): sealed before saving, "********" in every view, opened only to build the driver.
 */
import type { FiscalDeviceConfig } from '../domain/device-config.js';
import { openSecretOptions, redactSecretOptions, sealSecretOptions } from '../settings/secret-options.js';
import type { SecretStore } from '../settings/secret-store.js';
import { findModel } from './catalogue.js';

const keysOf = (c: FiscalDeviceConfig): readonly string[] =>
  findModel('fiscal', c.manufacturer, c.model)?.family.secret_options ?? [];

export function sealConfig(
  c: FiscalDeviceConfig,
  previous: FiscalDeviceConfig | undefined,
  store: SecretStore,
): FiscalDeviceConfig {
  const keys = keysOf(c);
  if (keys.length === 0) return c;
  const options = sealSecretOptions(c.options, previous?.options, keys, store);
  return options === undefined ? c : { ...c, options };
}

export function redactConfig(c: FiscalDeviceConfig): FiscalDeviceConfig {
  const keys = keysOf(c);
  if (keys.length === 0 || c.options === undefined) return c;
  return { ...c, options: redactSecretOptions(c.options, keys) };
}

export function openConfig(c: FiscalDeviceConfig, store: SecretStore): FiscalDeviceConfig {
  const keys = keysOf(c);
  if (keys.length === 0 || c.options === undefined) return c;
  return { ...c, options: openSecretOptions(c.options, keys, store) };
}

/** True when a saved config still holds a secret in plain text (a settings file edited by hand). */
export function hasPlainSecret(c: FiscalDeviceConfig): boolean {
  return keysOf(c).some(
    (k) => typeof c.options?.[k] === 'string' && !String(c.options[k]).startsWith('fiscool-secret:'),
  );
}
