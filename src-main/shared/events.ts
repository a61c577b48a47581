/**
 * The hub's event contract: what the event bus carries and /ws pushes to subscribers (device status, job progress,
 * inbox files, card-terminal prompts, pending voids). Types only: the hub's bus, its WebSocket door and the GUI read
 * the same definitions.
 */
import type { JobEvent } from '../domain/jobs.js';
import type { DeviceStatus } from '../domain/device-config.js';
import type { PosPromptEvent } from '../domain/pos-prompts.js';
import type { PendingVoid } from '../domain/pending-void.js';
import type { DeviceHealth } from '../domain/device-health.js';

export interface HubEvents {
  device_status: {
    device_id: string;
    device_kind: 'fiscal' | 'pos';
    status: DeviceStatus;
    status_text: string;
    connected_device_id: string | null;
    detail?: string;
    health?: DeviceHealth;
  };
  job: JobEvent;
  inbox_file: {
    /** The inbox record's id (GET /inbox/files/:id). */
    id?: string;
    device_id: string;
    file_name: string;
    state: InboxFileState;
    job_id?: string | null;
    error?: string | null;
  };
  /** What the card terminal asks of the customer while a payment runs (waiting for card, PIN, approved, …). */
  pos_prompt: PosPromptEvent;
  /** A card charge whose receipt failed could not be reversed (yet): the cashier's to-do (GET /pos/pending-voids). */
  pos_pending_void: PendingVoid;
  /** A device was added, changed or removed (settings saved). */
  devices_changed: Record<string, never>;
}

export type HubEventName = keyof HubEvents;

export type InboxFileState = 'waiting' | 'processing' | 'done' | 'failed' | 'discarded';
export type DeviceStatusEvent = HubEvents['device_status'];
export type InboxFileEvent = HubEvents['inbox_file'];

/** Messages the hub pushes on /ws after `subscribe`: `{ event, data }` for every event of the contract. */
export type HubPush = { [K in HubEventName]: { event: K; data: HubEvents[K] } }[HubEventName];
