/**
 * Shapes of the native API's JSON bodies as the GUI reads them (spec/native-api.md). Types only: the renderer
 * imports this module and nothing else from src-main.
 *
 * These mirror src-main/domain/{device-config,jobs,operations}.ts structurally. They are not `import type`d from
 * there because tsconfig.renderer.json is a composite project that lists only src-renderer/ and src-main/shared/.
 */
export type DeviceStatus = 'Connected' | 'Connecting' | 'Disconnected' | 'Busy' | 'Error' | 'Disabled';
export type PaymentMethod = 'cash' | 'card' | 'credit' | 'voucher' | 'meal_voucher' | 'other';
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'in_doubt';
export type JobSource = 'http' | 'ws' | 'inp' | 'erpnet' | 'ucsfphub' | 'gui' | 'internal';

export type ConnectionDetails =
  | { type: 'Serial'; details: { port: string; baud_rate: number } }
  | { type: 'Network'; details: { ip_address: string; port: number } }
  | { type: 'None'; details?: Record<string, never> };

interface DeviceConfigCommon {
  id: string;
  name: string;
  manufacturer: string;
  model: string;
  connection_details: ConnectionDetails;
  notes?: string;
  enabled: boolean;
  options?: Record<string, unknown>;
}

export interface FiscalDeviceConfig extends DeviceConfigCommon {
  scan_folder?: string;
  auto_send_card_to_pos?: boolean;
  linked_pos_device_id?: string | null;
}

export interface PosTerminalConfig extends DeviceConfigCommon {
  bank?: string;
}

export type JobOutcome =
  | { ok: true; msg: string; result: Record<string, unknown> }
  | { ok: false; status: number; code: string; error: string; device_error?: { code: string | number; text?: string } };

export interface JobRecord {
  id: string;
  device_id: string;
  device_kind: 'fiscal' | 'pos';
  source: JobSource;
  operation: Record<string, unknown> & { type: string };
  state: JobState;
  outcome: JobOutcome | null;
  idempotency_key: string | null;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobEvent {
  job_id: string;
  device_id: string;
  state: JobState | 'progress';
  operation_type: string;
  source: JobSource;
  progress?: { step: string; done?: number; total?: number };
  outcome?: JobOutcome;
}

export type DeviceKind = 'fiscal' | 'pos';
export type Language = 'ro' | 'en';

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
