/**
 * The device editor's fields ↔ the config /manage/save_* takes. Options are kept as typed text per key and turned
 * into the schema's types on save; keys the form does not show are kept from the saved config. Numbers that cannot
 * be read are sent as typed, so the hub's validation names the field.
 */
import type {
  ConnectionDetails,
  DeviceKind,
  FiscalDeviceConfig,
  OptionSchema,
  OptionsSchema,
  PosTerminalConfig,
  SupportedDevicesBody,
  SupportedModelBody,
} from '../../../src-main/shared/api-types.js';

export type ConnType = ConnectionDetails['type'];

export interface DeviceDraft {
  kind: DeviceKind;
  base: Partial<FiscalDeviceConfig & PosTerminalConfig>;
  name: string;
  manufacturer: string;
  model: string;
  connType: ConnType;
  serialPort: string;
  baudRate: string;
  ipAddress: string;
  tcpPort: string;
  scanFolder: string;
  enabled: boolean;
  notes: string;
  bank: string;
  linkedPos: string;
  autoCard: boolean;
  /** Option key → typed text ('' = the default). */
  options: Record<string, string>;
}

function optionTexts(o: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o ?? {})) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  return out;
}

export function draftFromConfig(kind: DeviceKind, c: FiscalDeviceConfig | PosTerminalConfig): DeviceDraft {
  const cd = c.connection_details;
  const fiscal = 'scan_folder' in c || kind === 'fiscal' ? (c as FiscalDeviceConfig) : null;
  return {
    kind,
    base: c,
    name: c.name,
    manufacturer: c.manufacturer,
    model: c.model,
    connType: cd.type,
    serialPort: cd.type === 'Serial' ? cd.details.port : '',
    baudRate: cd.type === 'Serial' ? String(cd.details.baud_rate) : '115200',
    ipAddress: cd.type === 'Network' ? cd.details.ip_address : '',
    tcpPort: cd.type === 'Network' ? String(cd.details.port) : '3999',
    scanFolder: fiscal?.scan_folder ?? '',
    enabled: c.enabled,
    notes: c.notes ?? '',
    bank: 'bank' in c ? (c.bank ?? '') : '',
    linkedPos: fiscal?.linked_pos_device_id ?? '',
    autoCard: fiscal?.auto_send_card_to_pos ?? false,
    options: optionTexts(c.options),
  };
}

export function newDraft(kind: DeviceKind, supported: SupportedDevicesBody | null): DeviceDraft {
  const first = supported?.[kind][0];
  const model = first?.models[0];
  return {
    kind,
    base: {},
    name: '',
    manufacturer: first?.manufacturer ?? '',
    model: model?.model ?? '',
    connType: model?.connection_types[0] ?? 'None',
    serialPort: '',
    baudRate: String(model?.default_baud_rate ?? 115200),
    ipAddress: '',
    tcpPort: String(model?.default_tcp_port ?? 3999),
    scanFolder: '',
    enabled: true,
    notes: '',
    bank: '',
    linkedPos: '',
    autoCard: false,
    options: {},
  };
}

const numberOrText = (s: string): number | string => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s);

export function connectionOf(d: DeviceDraft): ConnectionDetails | Record<string, unknown> {
  switch (d.connType) {
    case 'Serial':
      return { type: 'Serial', details: { port: d.serialPort.trim(), baud_rate: numberOrText(d.baudRate) } };
    case 'Network':
      return { type: 'Network', details: { ip_address: d.ipAddress.trim(), port: numberOrText(d.tcpPort) } };
    case 'None':
      return { type: 'None' };
  }
}

/** The schema's enum of a property (directly, or the enum branch of an anyOf); a boolean is yes / no. */
export function enumOf(p: OptionSchema): string[] | null {
  if (p.type === 'boolean') return ['true', 'false'];
  return p.enum ?? p.anyOf?.find((x) => x.enum)?.enum ?? null;
}

/** How an option's default reads in the form: objects as JSON (a table), the rest as text. */
export function defaultText(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** Typed text → the option's JSON type; '' removes the option (the driver's default applies). */
function optionValue(p: OptionSchema | undefined, text: string): unknown {
  if (p?.type === 'integer' || p?.type === 'number') return numberOrText(text);
  if (p?.type === 'boolean') return text === 'true';
  if (p?.type === 'object') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text; // the hub refuses it, naming the option
    }
  }
  return text;
}

export function optionsOf(d: DeviceDraft, schema: OptionsSchema | null): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { ...(d.base.options ?? {}) };
  for (const [k, text] of Object.entries(d.options)) {
    const p = schema?.properties[k];
    if (!p) continue; // not an editable option: kept as it was in base
    if (text.trim() === '') delete out[k];
    else out[k] = optionValue(p, text.trim());
  }
  return Object.keys(out).length ? out : undefined;
}

export function configFromDraft(d: DeviceDraft, model: SupportedModelBody | undefined): Record<string, unknown> {
  const { options: _old, ...base } = d.base;
  const options = optionsOf(d, model?.options ?? null);
  const out: Record<string, unknown> = {
    ...base,
    name: d.name,
    manufacturer: d.manufacturer,
    model: d.model,
    connection_details: connectionOf(d),
    enabled: d.enabled,
    notes: d.notes,
    ...(options ? { options } : {}),
  };
  if (d.kind === 'fiscal') {
    out.scan_folder = d.scanFolder.trim();
    out.linked_pos_device_id = d.linkedPos || null;
    out.auto_send_card_to_pos = d.linkedPos ? d.autoCard : false;
  } else out.bank = d.bank;
  return out;
}
