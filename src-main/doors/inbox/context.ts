/** What the inbox needs from the hub (passed by createHub) and small shared helpers. */
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { DeviceDirectory } from '../../devices/contracts.js';
import type { Language } from '../../domain/error-codes.js';
import type { EventBus } from '../../events/event-bus.js';
import type { OperationService } from '../../pipeline/contracts.js';
import type { InboxSettings } from '../../settings/schema.js';
import type { Bilingual } from './parser/types.js';
import type { InboxFileRecord, InboxStore } from './store.js';

export type { InboxSettings };

export interface InboxContext {
  db: Database;
  operations: OperationService;
  devices: DeviceDirectory;
  events: EventBus;
  settings: () => InboxSettings;
  logger: Logger;
  /** Language of the texts written into BonERR (Romanian by default). */
  language?: () => Language;
}

/** Everything the per-file lifecycle uses. */
export interface InboxEnv extends InboxContext {
  store: InboxStore;
  lang(): Language;
  emit(rec: InboxFileRecord): void;
}

export const tr = (env: { lang(): Language }, m: Bilingual): string => m[env.lang()];
