/**
 * The contract between the pipeline and device drivers. Drivers implement it; the pipeline only sees it.
 * Operations reaching a driver are already validated and normalised: every receipt item's `vat` is a group
 * letter the device has, and totals have been checked.
 */
import type { Language } from './error-codes.js';
import type { FiscalOperation, PosOperation } from './operations.js';
import type { FiscalResult, PosResult, PosResultAny } from './results.js';
import type { VatRates } from './vat.js';

export interface DeviceIdentity {
  serial: string;
  model: string;
  firmware?: string;
  fiscal_memory_id?: string;
  vat_rates: VatRates;
}

/** What the register's own memory says right now: read before every fiscal job and when reconciling. */
export interface DeviceCounters {
  /** Number of the last fiscal document (receipt or refund) closed. */
  receipt_number: number;
  /** Number of the last Z report. */
  z_number: number;
  /** A fiscal or non-fiscal receipt is open. */
  receipt_open: boolean;
  /** Cumulative cash deposited and withdrawn since the last Z (cents), for reconciling cash operations. */
  cash_in_cents: number;
  cash_out_cents: number;
}

export interface ExecContext {
  jobId: string;
  language: Language;
  /** Reports progress (e.g. lines sent) to job subscribers. */
  progress?: (p: { step: string; done?: number; total?: number }) => void;
  /** The linked card terminal's approved payment for this receipt (a Caspos sale carries its rrn and approval code). */
  pos?: PosResult;
}

/** What settling an interrupted job found: done (with the result), provably not done, or not knowable. */
export type SettleVerdict = { kind: 'done'; result: Record<string, unknown> } | { kind: 'not_done' } | { kind: 'unknowable' };

export type ConnectionState = 'connected' | 'connecting' | 'disconnected';

export interface FiscalDriver {
  /** 'simulated', 'datecs', 'caspos', … */
  readonly family: string;
  /** Open the transport and identify the device. Throws DeviceError('DEVICE_UNREACHABLE') when it can't. */
  connect(): Promise<DeviceIdentity>;
  disconnect(): Promise<void>;
  /** Cheap liveness probe used by the status monitor; throws DeviceError when the device does not answer. */
  ping(): Promise<void>;
  readCounters(): Promise<DeviceCounters>;
  /** Run one operation. Throws DeviceError for device-side failures (mayHaveActed = outcome unknown). */
  execute(op: FiscalOperation, ctx: ExecContext): Promise<FiscalResult>;
  /**
   * Optional: settle an interrupted job with the device itself, for devices that keep their own idempotency key
   * (Caspos: a repeated documentUUID answers the first document). null = no opinion: the counters decide.
   */
  settle?(op: FiscalOperation, ctx: ExecContext): Promise<SettleVerdict | null>;
  /** Optional: the driver can report connection changes it notices on its own (transport closed, …). */
  onConnectionChange?(listener: (state: ConnectionState, detail?: string) => void): () => void;
}

export interface PosDriver {
  readonly family: string;
  connect(): Promise<{ terminal_id: string }>;
  disconnect(): Promise<void>;
  ping(): Promise<void>;
  execute(op: PosOperation, ctx: ExecContext): Promise<PosResultAny>;
  /** Look up a transaction by the reference given to `sale` (used to reconcile an interrupted sale). */
  findByReference(reference: string): Promise<PosResultAny | null>;
}
