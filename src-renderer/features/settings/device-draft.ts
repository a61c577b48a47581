/**
 * The device form's text fields ↔ the config the /manage/save_* calls take. Fields the form does not show
 * (options, linked terminal, …) are kept from the saved config. Numbers that cannot be read are sent as typed, so
 * the hub's validation names the field.
 */
import type { ConnectionDetails, DeviceKind, FiscalDeviceConfig, PosTerminalConfig, SupportedDevicesBody } from '../../../src-main/shared/api-types.js';

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
}

export function draftFromConfig(kind: DeviceKind, c: FiscalDeviceConfig | PosTerminalConfig): DeviceDraft {
  const cd = c.connection_details;
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
    scanFolder: 'scan_folder' in c ? (c.scan_folder ?? '') : '',
    enabled: c.enabled,
    notes: c.notes ?? '',
    bank: 'bank' in c ? (c.bank ?? '') : '',
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

export function configFromDraft(d: DeviceDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...d.base,
    name: d.name,
    manufacturer: d.manufacturer,
    model: d.model,
    connection_details: connectionOf(d),
    enabled: d.enabled,
    notes: d.notes,
  };
  if (d.kind === 'fiscal') out.scan_folder = d.scanFolder.trim();
  else out.bank = d.bank;
  return out;
}
