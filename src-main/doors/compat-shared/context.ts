/** What the hub hands the ErpNet.FP and UcsFPHub doors (createErpNetApp / createUcsFpHubApp). */
import type { Logger } from 'pino';
import type { DeviceDirectory } from '../../devices/contracts.js';
import type { Language } from '../../domain/error-codes.js';
import type { JobRecord } from '../../domain/jobs.js';
import type { EventBus } from '../../events/event-bus.js';
import type { OperationService } from '../../pipeline/contracts.js';
import type express from 'express';

export interface ErpNetSettings {
  enabled: boolean;
  host: string;
  port: number;
  /** Client addresses served off loopback (this computer always is); required there. */
  allowed_clients?: readonly string[];
  /** alias (printer id the client uses) → FisCool device id */
  aliases: Record<string, string>;
  /** Bulgarian unique sale number: printed as a text line on the receipt, or ignored. */
  unique_sale_number: 'print' | 'ignore';
  /** Cut texts longer than the device prints instead of refusing the request. */
  truncate_text: boolean;
}

export interface UcsFpHubSettings {
  enabled: boolean;
  host: string;
  port: number;
  allowed_clients?: readonly string[];
  aliases: Record<string, string>;
  truncate_text: boolean;
  /** Not in the settings schema yet: defaults to 'print' (see docs/compat.md). */
  unique_sale_number?: 'print' | 'ignore';
}

export interface CompatSettings {
  erpnet: ErpNetSettings;
  ucsfphub: UcsFpHubSettings;
  language: Language;
}

/** The pipeline plus the key lookup the compatible doors need for task records (`erpnet:<taskId>`, `ucs:<request_id>`). */
export type CompatOperations = OperationService & { findJobByIdempotencyKey?(key: string): JobRecord | undefined };

export interface CompatContext {
  operations: CompatOperations;
  devices: DeviceDirectory;
  events: EventBus;
  settings: () => CompatSettings;
  logger: Logger;
  version: string;
  /** Optional request guards (the shared Host/Origin/token middleware) applied before every route. */
  guards?: express.RequestHandler[];
}
