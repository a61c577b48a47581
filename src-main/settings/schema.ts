/** The settings file's schema (zod), defaults and migrations. One JSON file shared by the app and the service. */
import { z } from 'zod';
import { FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import { isLoopbackBind, parseClientEntry } from '../domain/net-address.js';

export const SETTINGS_VERSION = 1;

const HostName = z.string().trim().min(1).max(253);
const Port = z.number().int().min(0).max(65_535);

export const ApiSettings = z.strictObject({
  enabled: z.boolean().default(true),
  host: HostName.default('127.0.0.1'),
  port: Port.default(10123),
  /** Required (Authorization: Bearer …) when the API listens on a non-loopback address. */
  token: z.string().min(16).max(200).nullable().default(null),
  /** Extra Host header names accepted besides loopback names (e.g. the machine's LAN name). */
  allowed_hosts: z.array(HostName).max(50).default([]),
  /** Browser origins allowed to call the API (e.g. a web POS at http://pos.local:3000). */
  allowed_origins: z.array(z.string().max(300)).max(50).default([]),
  body_limit_kb: z.number().int().min(16).max(10_240).default(1024),
});

export const InboxSettings = z.strictObject({
  /** The INP command files' own extensions only: `.txt` (FiscalNet, EcrBridge) must be asked for. */
  extensions: z.array(z.string().regex(/^\.[A-Za-z0-9]{1,8}$/)).min(1).default(['.inp', '.bon']),
  settle_ms: z.number().int().min(0).max(60_000).default(100),
  rescan_ms: z.number().int().min(200).max(600_000).default(5000),
  wait_for_device: z.boolean().default(true),
  wait_timeout_s: z.number().int().min(1).max(86_400).default(600),
  duplicate_policy: z.enum(['skip', 'print_again']).default('skip'),
  /** Paused: scan folders are not watched; files wait in place until resumed (tray menu, GUI). */
  paused: z.boolean().default(false),
});
export type InboxSettings = z.infer<typeof InboxSettings>;

/** An IP address or a subnet ("192.168.1.20", "192.168.1.0/24", "fd00::/64"). */
const ClientEntry = z
  .string()
  .trim()
  .max(64)
  .refine((v) => parseClientEntry(v) !== null, { message: 'must be an IP address or a subnet like 192.168.1.0/24' });

const compatCommon = {
  enabled: z.boolean().default(false),
  host: HostName.default('127.0.0.1'),
  /**
   * Client addresses served when the listener is bound off loopback (their programs cannot send a token); checked
   * against the socket's peer address. This computer is always served.
   */
  allowed_clients: z.array(ClientEntry).max(100).default([]),
  aliases: z.record(z.string().min(1).max(64), z.string().min(1).max(64)).default({}),
  truncate_text: z.boolean().default(false),
};
export const ErpNetSettings = z.strictObject({
  ...compatCommon,
  port: Port.default(8001),
  unique_sale_number: z.enum(['print', 'ignore']).default('print'),
});
export const UcsFpHubSettings = z.strictObject({
  ...compatCommon,
  port: Port.default(8192),
  unique_sale_number: z.enum(['print', 'ignore']).default('print'),
});

export const Settings = z.strictObject({
  schema_version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  language: z.enum(['ro', 'en']).default('ro'),
  /** On an empty configuration, create one simulated register and one simulated card terminal. */
  simulated_devices: z.boolean().default(true),
  api: ApiSettings.default(ApiSettings.parse({})),
  inbox: InboxSettings.default(InboxSettings.parse({})),
  erpnet: ErpNetSettings.default(ErpNetSettings.parse({})),
  ucsfphub: UcsFpHubSettings.default(UcsFpHubSettings.parse({})),
  /**
   * Days finished jobs, their idempotency keys, finished inbox records and device events are kept (docs/api.md,
   * docs/operations.md); jobs in doubt and receipts with a card charge still to void are kept however old.
   */
  retention_days: z.number().int().min(7).max(3650).default(90),
  fiscal_devices: z.array(FiscalDeviceConfig).default([]),
  pos_terminals: z.array(PosTerminalConfig).default([]),
});
export type Settings = z.infer<typeof Settings>;

/** The part of the settings changed through /manage/save_settings (devices have their own endpoints). */
export const SettingsPatch = z.strictObject({
  language: Settings.shape.language.optional(),
  simulated_devices: z.boolean().optional(),
  api: ApiSettings.partial().optional(),
  inbox: InboxSettings.partial().optional(),
  erpnet: ErpNetSettings.partial().optional(),
  ucsfphub: UcsFpHubSettings.partial().optional(),
  retention_days: Settings.shape.retention_days.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/**
 * Settings that would leave a door open to the network: an API off loopback without a token, a compatible
 * listener off loopback without an allow-list of client addresses. `apiListenHost` is where the running API
 * listens (it may differ from `api.host` until the next start, or come from `serve --host`). Returns the refusal
 * naming the field, or null.
 */
export function unsafeSettings(next: Settings, opts: { apiListenHost?: string } = {}): string | null {
  const apiHosts = [next.api.host, ...(opts.apiListenHost !== undefined ? [opts.apiListenHost] : [])];
  const offLoopback = apiHosts.find((h) => !isLoopbackBind(h));
  if (next.api.token === null && offLoopback !== undefined) {
    return `settings.api.token: the API listens on ${offLoopback}, where it can be reached from the network, so it needs a token (16 characters or more); set api.host to 127.0.0.1 first to go without one`;
  }
  for (const door of ['erpnet', 'ucsfphub'] as const) {
    const s = next[door];
    if (!isLoopbackBind(s.host) && s.allowed_clients.length === 0) {
      return `settings.${door}.allowed_clients: the ${door === 'erpnet' ? 'ErpNet.FP' : 'UcsFPHub'} listener on ${s.host} can be reached from the network and its programs send no token: list the client addresses it may serve (e.g. ["192.168.1.20"]) or keep host 127.0.0.1`;
    }
  }
  return null;
}

/** A change is refused when it makes the settings unsafe in a way they were not before (old files keep loading). */
export function unsafeChange(next: Settings, previous: Settings, opts: { apiListenHost?: string } = {}): string | null {
  const now = unsafeSettings(next, opts);
  return now !== null && now !== unsafeSettings(previous, opts) ? now : null;
}

/** Migrations from older files: each takes the raw object of version N-1 and returns version N. */
export const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 0 files (before the schema had a version) only lacked `schema_version`.
  1: (raw) => ({ ...raw, schema_version: 1 }),
};

export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let current = raw;
  let version = typeof current.schema_version === 'number' ? current.schema_version : 0;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version + 1];
    if (!step) throw new Error(`no settings migration to version ${version + 1}`);
    current = step(current);
    version++;
  }
  return current;
}
