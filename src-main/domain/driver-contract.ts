/**
 * The contract between the pipeline and device drivers. Drivers implement it; the pipeline only sees it.
 * Operations reaching a driver are already validated and normalised: every receipt item's `vat` is a group
 * letter the device has, and totals have been checked.
 */
import type { Language } from './error-codes.js';
import type { FiscalOperation, PosOperation } from './operations.js';
import type { FiscalResult, PosResultAny } from './results.js';
import type { VatRates } from './vat.js';

export interface DeviceIdentity {
  serial: string;
  model: string;
  firmware?: string;
  fiscal_memory_id?: string;
  vat_rates: VatRates;
}

/**
 * What the register's own memory says right now: read before every job with an effect (and journalled with it) and
 * when reconciling. Only what the operation needs is read (`CounterNeeds`), so a job sends no frame it does not need.
 */
export interface DeviceCounters {
  /** A fiscal or non-fiscal receipt is open (always read). */
  receipt_open: boolean;
  /** Number of the last fiscal document (receipt or refund) closed (read with `numbers`). */
  receipt_number?: number;
  /** Number of the last Z report (read with `numbers`). */
  z_number?: number;
  /** Cumulative cash deposited and withdrawn since the last Z, cents (read with `cash`). */
  cash_in_cents?: number;
  cash_out_cents?: number;
}

export interface CounterNeeds {
  numbers?: boolean;
  cash?: boolean;
}

/** The counters an operation's outcome is decided by (receipt and Z numbers, cash sums). */
export function counterNeeds(opType: string): CounterNeeds {
  if (opType === 'print_receipt' || opType === 'print_refund' || opType === 'print_z') return { numbers: true };
  if (opType === 'deposit_cash' || opType === 'withdraw_cash') return { cash: true };
  return {};
}

export interface ExecContext {
  jobId: string;
  language: Language;
  /** The counters the pipeline read (and journalled) just before this job, with no receipt left open: the driver
   * need not read them again. Absent when the driver is called on its own. */
  counters?: DeviceCounters;
  /** Reports progress (e.g. lines sent) to job subscribers. */
  progress?: (p: { step: string; done?: number; total?: number }) => void;
}

export type ConnectionState = 'connected' | 'connecting' | 'disconnected';

export interface FiscalDriver {
  /** 'simulated', 'datecs', 'caspos', … */
  readonly family: string;
  /** Open the transport and identify the device. Throws DeviceError('DEVICE_UNREACHABLE') when it can't. */
  connect(): Promise<DeviceIdentity>;
  disconnect(): Promise<void>;
  /** Cheap liveness probe used by the status monitor; throws DeviceError when the device does not answer. */
  ping(): Promise<void>;
  /** The open-receipt state and, as asked, the receipt/Z numbers and the cash sums. */
  readCounters(needs?: CounterNeeds): Promise<DeviceCounters>;
  /** Run one operation. Throws DeviceError for device-side failures (mayHaveActed = outcome unknown). */
  execute(op: FiscalOperation, ctx: ExecContext): Promise<FiscalResult>;
  /**
   * Settle a receipt found open when reconciling the interrupted job `op` (null before a new job): a receipt of that
   * job whose payment has begun is finished (paid as the job asked, then closed); anything else is cancelled.
   * Optional: the pipeline falls back to `cancel_receipt`.
   */
  settleOpenReceipt?(op: FiscalOperation | null, ctx: ExecContext): Promise<'none' | 'cancelled' | 'completed'>;
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
