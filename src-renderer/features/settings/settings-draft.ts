/**
 * The settings page's fields as text ↔ the patch /manage/save_settings takes: only what changed is sent, numbers
 * that cannot be read go as typed (the hub's error names the field), the token only when a new one is typed or it
 * is removed.
 */
import type { SettingsBody } from '../../../src-main/shared/api-types.js';

export interface SettingsDraft {
  apiHost: string;
  apiPort: string;
  tokenNew: string;
  tokenClear: boolean;
  allowedHosts: string;
  allowedOrigins: string;
  erpnetEnabled: boolean;
  erpnetHost: string;
  erpnetPort: string;
  ucsEnabled: boolean;
  ucsHost: string;
  ucsPort: string;
  extensions: string;
  settleMs: string;
  rescanMs: string;
  waitForDevice: boolean;
  waitTimeout: string;
  duplicatePolicy: string;
  retentionDays: string;
  language: string;
}

export function draftOf(s: SettingsBody): SettingsDraft {
  return {
    apiHost: s.api.host,
    apiPort: String(s.api.port),
    tokenNew: '',
    tokenClear: false,
    allowedHosts: s.api.allowed_hosts.join('\n'),
    allowedOrigins: s.api.allowed_origins.join('\n'),
    erpnetEnabled: s.erpnet.enabled,
    erpnetHost: s.erpnet.host,
    erpnetPort: String(s.erpnet.port),
    ucsEnabled: s.ucsfphub.enabled,
    ucsHost: s.ucsfphub.host,
    ucsPort: String(s.ucsfphub.port),
    extensions: s.inbox.extensions.join(', '),
    settleMs: String(s.inbox.settle_ms),
    rescanMs: String(s.inbox.rescan_ms),
    waitForDevice: s.inbox.wait_for_device,
    waitTimeout: String(s.inbox.wait_timeout_s),
    duplicatePolicy: s.inbox.duplicate_policy,
    retentionDays: String(s.retention_days),
    language: s.language,
  };
}

const num = (s: string): number | string => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim());
const lines = (s: string): string[] => s.split(/[\n,]/).map((x) => x.trim()).filter(Boolean);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The sections of the patch: each field compared with what the hub has now. */
export function patchOf(before: SettingsBody, d: SettingsDraft): Record<string, unknown> {
  const patch: Record<string, Record<string, unknown> | unknown> = {};
  const section = (name: 'api' | 'erpnet' | 'ucsfphub' | 'inbox', fields: Record<string, unknown>) => {
    const current = before[name] as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => !same(current[k], v)));
    if (Object.keys(changed).length) patch[name] = changed;
  };
  section('api', {
    host: d.apiHost.trim(),
    port: num(d.apiPort),
    allowed_hosts: lines(d.allowedHosts),
    allowed_origins: lines(d.allowedOrigins),
  });
  if (d.tokenClear) (patch.api = { ...(patch.api as object), token: null });
  else if (d.tokenNew.trim()) (patch.api = { ...(patch.api as object), token: d.tokenNew.trim() });
  section('erpnet', { enabled: d.erpnetEnabled, host: d.erpnetHost.trim(), port: num(d.erpnetPort) });
  section('ucsfphub', { enabled: d.ucsEnabled, host: d.ucsHost.trim(), port: num(d.ucsPort) });
  section('inbox', {
    extensions: lines(d.extensions),
    settle_ms: num(d.settleMs),
    rescan_ms: num(d.rescanMs),
    wait_for_device: d.waitForDevice,
    wait_timeout_s: num(d.waitTimeout),
    duplicate_policy: d.duplicatePolicy,
  });
  if (!same(before.retention_days, num(d.retentionDays))) patch.retention_days = num(d.retentionDays);
  if (before.language !== d.language) patch.language = d.language;
  return patch;
}
