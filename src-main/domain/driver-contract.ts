/**
 * The contract between the pipeline and device drivers. Drivers implement it; the pipeline only sees it.
 * Operations reaching a driver are already validated and normalised: every receipt item's `vat` is a group
 * letter the device has, and totals have been checked.
 */
import type { Language } from './error-codes.js';
import type { FiscalJobOperation } from './jobs.js';
import type { PosDriverOperation } from './operations.js';
import type { PosPromptUpdate } from './pos-prompts.js';
import type { FiscalResult, PosInquiry, PosResult, PosResultAny } from './results.js';
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
  /** The linked card terminal's approved payment for this receipt (a Caspos sale carries its rrn and approval code). */
  pos?: PosResult;
}

/** What settling an interrupted job found: done (with the result) or provably not done (the same job runs again). */
export type SettleVerdict = { kind: 'done'; result: Record<string, unknown> } | { kind: 'not_done' };

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
  execute(op: FiscalJobOperation, ctx: ExecContext): Promise<FiscalResult>;
  /**
   * Settle a receipt found open when reconciling the interrupted job `op` (null before a new job): a receipt of that
   * job whose payment has begun is finished (paid as the job asked, then closed); anything else is cancelled.
   * Optional: the pipeline falls back to `cancel_receipt`.
   */
  settleOpenReceipt?(op: FiscalJobOperation | null, ctx: ExecContext): Promise<'none' | 'cancelled' | 'completed'>;
  /**
   * Optional: settle an interrupted job with the device itself, for devices that keep their own idempotency key
   * (Caspos: a repeated documentUUID answers the first document). null = no opinion: the counters decide.
   */
  settle?(op: FiscalJobOperation, ctx: ExecContext): Promise<SettleVerdict | null>;
  /** Optional: the driver can report connection changes it notices on its own (transport closed, …). */
  onConnectionChange?(listener: (state: ConnectionState, detail?: string) => void): () => void;
}

/** What a card-terminal family can do; the pipeline refuses the rest with NOT_SUPPORTED before the terminal. */
export const POS_CAPABILITIES = [
  'sale',
  'refund_referenced',
  'refund_unreferenced',
  'void_referenced',
  /** Void the terminal's own last transaction without being told which (the pipeline otherwise names it). */
  'void_last',
  /** A refund can be voided (else a refund whose receipt failed stays a to-do for the cashier). */
  'void_refund',
  'abort',
  'transaction_status',
  'settlement',
  'get_status',
] as const;
export type PosCapability = (typeof POS_CAPABILITIES)[number];

export interface PosExecContext extends ExecContext {
  /** Reports what the terminal asks of the customer (waiting for card, PIN, …) while a transaction runs. */
  prompt?: (p: PosPromptUpdate) => void;
}

/**
 * A card terminal. Money operations (sale, refund, void) resolve with an approved PosResult or throw a
 * DeviceError: POS_DECLINED / POS_CANCELLED / POS_TIMEOUT / POS_BUSY / DEVICE_REJECTED when the terminal provably
 * took no money (the declined PosResult in `pos`), POS_UNREACHABLE with `mayHaveActed` when the answer was lost
 * after the terminal may have acted (the pipeline then asks `inquire`, never re-sends).
 */
export interface PosDriver {
  readonly family: string;
  readonly capabilities: ReadonlySet<PosCapability>;
  connect(): Promise<{ terminal_id: string }>;
  disconnect(): Promise<void>;
  ping(): Promise<void>;
  execute(op: PosDriverOperation, ctx: PosExecContext): Promise<PosResultAny>;
  /** Status inquiry by the ECR reference given to sale/refund/void. Throws POS_UNREACHABLE when it cannot ask. */
  inquire(reference: string): Promise<PosInquiry>;
}
