/**
 * Shapes of the native API's JSON bodies as the GUI reads them (spec/native-api.md). Types only: the renderer
 * imports this module and nothing else from src-main. Shapes that the hub defines in domain/ are re-exported from
 * there (type-only, erased at build time), so the GUI cannot drift from the API.
 */
export type { DeviceStatus, ConnectionDetails, FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
export type { PaymentMethod } from '../domain/operations.js';
export type { JobState, JobSource, JobOutcome, JobRecord, JobEvent } from '../domain/jobs.js';
export type { Language } from '../domain/error-codes.js';
export type { DeviceHealth, HealthCode, HealthLevel, HealthProblem } from '../domain/device-health.js';
export type { ReportTotals } from '../domain/results.js';
import type { DeviceStatus, FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import type { DeviceHealth } from '../domain/device-health.js';
import type { Settings } from '../settings/schema.js';

/** GET /manage/settings → `settings` (devices have their own endpoints; a set token shows as "********"). */
export type SettingsBody = Omit<Settings, 'fiscal_devices' | 'pos_terminals'>;

export type DeviceKind = 'fiscal' | 'pos';

export interface FiscalDeviceBody {
  config: FiscalDeviceConfig;
  status: DeviceStatus;
  status_text: string;
  /** VAT group letter → basis points, as read from the device. */
  vat_rates: Record<string, number>;
  connected_device_id: string | null;
  last_error?: string;
  health: DeviceHealth;
}

export interface PosTerminalBody {
  config: PosTerminalConfig;
  status: DeviceStatus;
  status_text: string;
  connected_device_id: string | null;
  last_error?: string;
  health: DeviceHealth;
}

/** A JSON Schema property of a family's options (the subset the device editor renders). */
export interface OptionSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  enum?: string[];
  anyOf?: OptionSchema[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  title?: string;
  description?: string;
}

export interface OptionsSchema {
  type: 'object';
  properties: Record<string, OptionSchema>;
}

export interface SupportedModelBody {
  model: string;
  connection_types: Array<'Serial' | 'Network' | 'None'>;
  family: string;
  protocol?: string;
  default_baud_rate?: number;
  default_tcp_port?: number;
  /** The family's options (JSON Schema), null when it has none. */
  options: OptionsSchema | null;
}

export interface SupportedManufacturerBody {
  manufacturer: string;
  kind: DeviceKind;
  models: SupportedModelBody[];
}

export interface SupportedDevicesBody {
  fiscal: SupportedManufacturerBody[];
  pos: SupportedManufacturerBody[];
}

/** POST /devices/operation answers (HTTP 200): success or a device error. */
export type OperationAnswer =
  | ({ status: 0; msg: string; job_id: string } & Record<string, unknown>)
  | { status: number; error: string; code: string; job_id: string; device_error?: { code: string | number; text?: string } };

export type { InboxFileState } from './events.js';
import type { InboxFileState } from './events.js';

/** One row of GET /inbox/files (the fields the GUI shows). */
export interface InboxFileBody {
  id: string;
  device_id: string;
  name: string;
  state: InboxFileState;
  dialect: string | null;
  job_id: string | null;
  result: Record<string, string> | null;
  error: string | null;
  error_line: number | null;
  error_code: number | null;
  attempt: number;
  /** Can a retry help (waiting, or failed because of the register)? A file that failed on its own content: no. */
  retryable: boolean;
  created_at: string;
  updated_at: string;
}

/** The events /ws pushes: one contract, shared/events.ts, typed for the hub and the GUI alike. */
export type { DeviceStatusEvent, HubEvents, HubPush, InboxFileEvent } from './events.js';

/** Error bodies of the API: `{ status, error }` (400, 401, 403, 404, 422, 500); a 400 may name the field (`path`). */
export interface ApiErrorBody {
  status: number;
  error: string;
  code?: string;
  path?: string;
}

/** POST /devices/preview for a receipt: the hub's totals of what is typed so far. */
export interface ReceiptPreviewBody {
  status: 0;
  total_cents: number;
  by_vat_group: Record<string, number>;
  paid_cents: number;
  due_cents: number;
  change_cents: number;
  non_cash_exceeds_total: boolean;
}

/** GET /manage/serial_ports */
export interface SerialPortBody {
  path: string;
  manufacturer: string | null;
  serial_number: string | null;
  vendor_id: string | null;
  product_id: string | null;
}

/** POST /manage/detect → `devices` */
export interface DetectedDeviceBody {
  port: string;
  baud_rate: number;
  protocol: 'x' | 'classic';
  model: string;
  serial: string;
}

/** POST /manage/detect with `hosts` → `network_devices` */
export interface DetectedNetworkDeviceBody {
  family: string;
  manufacturer: string;
  model: string;
  ip_address: string;
  port: number;
}

/** POST /manage/test_connection */
export type ConnectionTestBody =
  | { status: 0; serial: string; model: string; firmware: string | null; vat_rates: Record<string, number>; via: 'running' | 'probe' }
  | { status: -1; code: string; error: string };

/** GET /manage/folders */
export interface FolderListingBody {
  status: 0;
  path: string;
  parent: string | null;
  folders: Array<{ name: string; path: string }>;
  roots: string[];
  truncated: boolean;
}

/** A warning in a save answer (`POST /manage/save_fiscal_device` → `warnings`): saved, but look at this. */
export interface SaveWarning {
  code: 'SCAN_FOLDER_NOT_EMPTY';
  field: string;
  /** In the hub's language. */
  message: string;
  files: string[];
  count: number;
}

/** `POST /manage/save_fiscal_device` / `save_pos_terminal` answers. */
export interface DeviceSaveAnswer {
  status: 0;
  msg: string;
  device: FiscalDeviceConfig | PosTerminalConfig;
  warnings?: SaveWarning[];
}
