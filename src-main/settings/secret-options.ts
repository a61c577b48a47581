/**
 * Secret device options (a Caspos device's username and password): sealed before the device config is saved,
 * shown as "********" wherever a config leaves the hub (API, WebSocket, GUI), opened only to build the driver.
 * On update, "********" (what the GUI sends back) or a missing key keeps the stored secret; "" removes it.
 */
import { isSealed, type SecretStore } from './secret-store.js';

export const SECRET_MASK = '********';

type Options = Record<string, unknown> | undefined;

export function sealSecretOptions(
  options: Options,
  previous: Options,
  keys: readonly string[],
  store: SecretStore,
): Options {
  if (keys.length === 0 || (options === undefined && previous === undefined)) return options;
  const out: Record<string, unknown> = { ...options };
  for (const k of keys) {
    const v = out[k];
    if (v === undefined || v === SECRET_MASK) {
      if (previous?.[k] !== undefined) out[k] = previous[k];
      else delete out[k];
    } else if (v === '') delete out[k];
    else if (typeof v === 'string' && !isSealed(v)) out[k] = store.seal(v);
  }
  return out;
}

export function redactSecretOptions(options: Options, keys: readonly string[]): Options {
  if (options === undefined || keys.length === 0) return options;
  const out = { ...options };
  for (const k of keys) if (out[k] !== undefined) out[k] = SECRET_MASK;
  return out;
}

/** Options with their secrets opened (plain values are passed as they are: a config written by hand). */
export function openSecretOptions(options: Options, keys: readonly string[], store: SecretStore): Options {
  if (options === undefined || keys.length === 0) return options;
  const out = { ...options };
  for (const k of keys) if (isSealed(out[k])) out[k] = store.open(out[k] as string);
  return out;
}
