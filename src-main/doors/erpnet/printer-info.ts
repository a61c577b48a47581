/** ErpNet.FP printer ids and `DeviceInfo` objects (seeds/002 "Get The List Of Printers", "Get Printer Info"). Pure. */
import type { FiscalDeviceView } from '../../devices/contracts.js';
import type { DeviceInfo } from '../../domain/results.js';

/** Texts longer than these are refused (or cut); used when the device has not told its own limits yet. */
export const FALLBACK_LIMITS = { item_name: 36, text_line: 42 };

export function printerUri(view: FiscalDeviceView): string {
  const family = `ro.${view.config.manufacturer}.${view.config.model}`.toLowerCase().replace(/[^a-z0-9.]+/g, '');
  const c = view.config.connection_details;
  if (c.type === 'Serial') return `${family}.com://${c.details.port}`;
  if (c.type === 'Network') return `${family}.tcp://${c.details.ip_address}:${c.details.port}`;
  return `${family}://local`;
}

export interface ErpDeviceInfo {
  uri: string;
  serialNumber: string;
  fiscalMemorySerialNumber: string;
  company: string;
  model: string;
  firmwareVersion: string;
  itemTextMaxLength: number;
  commentTextMaxLength: number;
  operatorPasswordMaxLength: number;
}

export function erpDeviceInfo(view: FiscalDeviceView, serial: string, info: DeviceInfo | null): ErpDeviceInfo {
  return {
    uri: printerUri(view),
    serialNumber: serial,
    fiscalMemorySerialNumber: info?.fiscal_memory_id ?? view.identity?.fiscal_memory_id ?? '',
    company: view.config.manufacturer,
    model: info?.model ?? view.identity?.model ?? view.config.model,
    firmwareVersion: info?.firmware ?? view.identity?.firmware ?? '',
    itemTextMaxLength: info?.text_limits.item_name ?? FALLBACK_LIMITS.item_name,
    commentTextMaxLength: info?.text_limits.text_line ?? FALLBACK_LIMITS.text_line,
    operatorPasswordMaxLength: 8,
  };
}
