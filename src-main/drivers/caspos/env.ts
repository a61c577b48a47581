/** What the Caspos operation handlers get from the driver: the session, the device's settings, one document exchange. */
import type { ExecContext } from '../../domain/driver-contract.js';
import type { CasposAnswer, Credentials } from '../../protocols/caspos/envelope.js';
import type { CasposErrorEntry } from '../../protocols/caspos/errors.js';
import type { VatType } from '../../protocols/caspos/tables.js';
import type { CasposSession, Request } from './session.js';

export interface DocumentOptions {
  /** The document needs an open shift: with auto_open_shift, a 503 opens one and the request goes again (default). */
  opensShift?: boolean;
  /** The cashier text for a 503 answer, when it means something else for this operation. */
  on503?: CasposErrorEntry;
}

export interface CasposEnv {
  session: CasposSession;
  creds: Credentials;
  table: Record<string, VatType>;
  cashier: string;
  serial(): string;
  /** The device's `qr_code_url` (from getInfo), or null before it was read. */
  qrBase(): string | null;
  /** Local ISO now (the receipt date FisCool reports: Caspos answers carry none). */
  now(): string;
  /** Send a document request; returns the answer when its code is 0 or 1 (repeated UUID), throws DeviceError otherwise. */
  document(request: Request, ctx: ExecContext, opts?: DocumentOptions): Promise<CasposAnswer>;
  /** Send any other request; returns the answer whatever its code. */
  ask(request: Request): Promise<CasposAnswer>;
}
