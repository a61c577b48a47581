/** The hub's typed event bus: device status, job progress, inbox files, POS prompts → WebSocket, GUI, tray. */
import { EventEmitter } from 'node:events';
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
    state: 'waiting' | 'processing' | 'done' | 'failed' | 'discarded';
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

export class EventBus {
  readonly #emitter = new EventEmitter();
  constructor() {
    this.#emitter.setMaxListeners(1000);
  }
  emit<K extends HubEventName>(name: K, data: HubEvents[K]): void {
    this.#emitter.emit(name, data);
  }
  on<K extends HubEventName>(name: K, listener: (data: HubEvents[K]) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }
}
