/**
 * Shapes of the native API's JSON bodies as the GUI reads them (spec/native-api.md). Types only: the renderer
 * imports this module and nothing else from src-main. Shapes that the hub defines in domain/ are re-exported from
 * there (type-only, erased at build time), so the GUI cannot drift from the API.
 */
export type { DeviceStatus, ConnectionDetails, FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
export type { PaymentMethod } from '../domain/operations.js';
export type { JobState, JobSource, JobOutcome, JobRecord, JobEvent } from '../domain/jobs.js';
export type { Language } from '../domain/error-codes.js';
import type { DeviceStatus, FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import type { JobEvent } from '../domain/jobs.js';

export type DeviceKind = 'fiscal' | 'pos';

export interface FiscalDeviceBody {
  config: FiscalDeviceConfig;
  status: DeviceStatus;
  status_text: string;
  /** VAT group letter → basis points, as read from the device. */
  vat_rates: Record<string, number>;
  connected_device_id: string | null;
  last_error?: string;
}

export interface PosTerminalBody {
  config: PosTerminalConfig;
  status: DeviceStatus;
  status_text: string;
  connected_device_id: string | null;
  last_error?: string;
}

export interface SupportedModelBody {
  model: string;
  connection_types: Array<'Serial' | 'Network' | 'None'>;
  family: string;
  protocol?: string;
  default_baud_rate?: number;
  default_tcp_port?: number;
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

export type InboxFileState = 'waiting' | 'processing' | 'done' | 'failed' | 'discarded';

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
  created_at: string;
  updated_at: string;
}

export interface InboxFileEvent {
  /** The inbox record's id (GET /inbox/files/:id). */
  id?: string;
  device_id: string;
  file_name: string;
  state: InboxFileState;
  job_id?: string | null;
  error?: string | null;
}

export interface DeviceStatusEvent {
  device_id: string;
  device_kind: DeviceKind;
  status: DeviceStatus;
  status_text: string;
  connected_device_id: string | null;
  detail?: string;
}

/** Messages the hub pushes on /ws after `subscribe`. */
export type HubPush =
  | { event: 'device_status'; data: DeviceStatusEvent }
  | { event: 'job'; data: JobEvent }
  | { event: 'inbox_file'; data: InboxFileEvent }
  | { event: 'pos_prompt'; data: { device_id: string; text: string } }
  /** Devices added, changed or removed (forwarded on the `devices` topic once the hub does; the GUI reloads). */
  | { event: 'devices_changed'; data: Record<string, never> };

/** Error bodies of the API: `{ status, error }` (400, 401, 403, 404, 422, 500). */
export interface ApiErrorBody {
  status: number;
  error: string;
  code?: string;
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
