/** Device configuration shapes (as in seeds/000): fiscal devices and card terminals. Pure zod schemas. */
import { z } from 'zod';

export const SerialConnection = z.strictObject({
  type: z.literal('Serial'),
  details: z.strictObject({ port: z.string().min(1).max(200), baud_rate: z.number().int().min(1200).max(921_600) }),
});
export const NetworkConnection = z.strictObject({
  type: z.literal('Network'),
  details: z.strictObject({ ip_address: z.string().min(1).max(253), port: z.number().int().min(1).max(65_535) }),
});
/** The built-in simulated register/terminal: no wire at all. */
export const NoConnection = z.strictObject({ type: z.literal('None'), details: z.strictObject({}).optional() });
export const ConnectionDetails = z.discriminatedUnion('type', [SerialConnection, NetworkConnection, NoConnection]);
export type ConnectionDetails = z.infer<typeof ConnectionDetails>;

const common = {
  id: z.uuid(),
  name: z.string().trim().min(1).max(100),
  manufacturer: z.string().trim().min(1).max(50),
  model: z.string().trim().min(1).max(50),
  connection_details: ConnectionDetails,
  notes: z.string().max(1000).optional(),
  enabled: z.boolean(),
};

export const FiscalDeviceConfig = z.strictObject({
  ...common,
  scan_folder: z.string().max(500).optional(),
  auto_send_card_to_pos: z.boolean().optional(),
  linked_pos_device_id: z.uuid().nullable().optional(),
  /** Per-device options (simulated register timing, INP behaviour, text truncation, …). */
  options: z.record(z.string(), z.unknown()).optional(),
});
export type FiscalDeviceConfig = z.infer<typeof FiscalDeviceConfig>;

export const PosTerminalConfig = z.strictObject({
  ...common,
  bank: z.string().max(50).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});
export type PosTerminalConfig = z.infer<typeof PosTerminalConfig>;

export const DEVICE_STATUSES = ['Connected', 'Connecting', 'Disconnected', 'Busy', 'Error', 'Disabled'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const DEVICE_STATUS_TEXT: Record<DeviceStatus, { ro: string; en: string }> = {
  Connected: { ro: 'Conectat', en: 'Connected' },
  Connecting: { ro: 'Se conectează', en: 'Connecting' },
  Disconnected: { ro: 'Deconectat', en: 'Disconnected' },
  Busy: { ro: 'Ocupat', en: 'Busy' },
  Error: { ro: 'Eroare', en: 'Error' },
  Disabled: { ro: 'Dezactivat', en: 'Disabled' },
};

/** "DP-25" = "dp25" = "DP_25": case-insensitive, ignoring spaces, '-' and '_'. */
export function normalizeModelName(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '');
}
