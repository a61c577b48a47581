/**
 * The protocol-free virtual fiscal register: the contract shared by its implementation (this folder), the
 * "Simulated" driver (called in-process) and the protocol front-ends (Datecs wire emulator, Caspos HTTP emulator).
 *
 * Every method is synchronous and either returns or throws RegisterError. Timing (wire time, per-line print
 * time) is NOT modelled here: each mutating call returns `printed_lines`, and front-ends turn that into delay
 * with `TimingProfile`. State (counters, open receipt, electronic journal) persists in the register's own files
 * so it survives a crash of the process hosting it, like a real register's memory.
 */
import type { PaymentMethod } from '../../domain/operations.js';
import type { ReportTotals } from '../../domain/results.js';
import type { VatRates } from '../../domain/vat.js';

export type RegisterErrorCode =
  | 'PAPER_OUT'
  | 'COVER_OPEN'
  | 'RECEIPT_OPEN' // a receipt is already open
  | 'NO_RECEIPT_OPEN' // sell/pay/close without an open receipt
  | 'WRONG_RECEIPT_KIND' // e.g. a fiscal command inside a non-fiscal receipt
  | 'Z_REQUIRED' // 24 hours since the last Z: sales blocked
  | 'FISCAL_MEMORY_FULL'
  | 'VAT_GROUP_UNKNOWN'
  | 'PAYMENT_NOT_COMPLETE' // close before the total is paid
  | 'PAYMENT_STARTED' // sell after a payment
  | 'NON_CASH_EXCEEDS' // non-cash payment over the remaining total
  | 'INVALID_VALUE' // a negative, zero or out-of-range number, an empty text, a bad CUI …
  | 'DISCOUNT_NOT_ALLOWED'
  | 'CASH_NOT_ENOUGH' // withdraw more than the drawer holds
  | 'NOTHING_TO_DUPLICATE'
  | 'DISCONNECTED'; // injected fault: the register "lost power"/link

export class RegisterError extends Error {
  constructor(
    readonly code: RegisterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegisterError';
  }
}

export interface RegisterIdentity {
  serial: string; // e.g. "SIM0000001"
  fiscal_memory_id: string;
  model: string;
  firmware: string;
  headers: string[];
  vat_rates: VatRates;
  payment_names: Partial<Record<PaymentMethod, string>>;
}

export interface RegisterStatus {
  paper: 'ok' | 'near_end' | 'out';
  cover_open: boolean;
  receipt: 'none' | 'fiscal' | 'refund' | 'non_fiscal';
  /** Items sold / payments made in the open receipt. */
  open_receipt_items: number;
  payment_started: boolean;
  hours_since_z: number;
  z_required: boolean;
  fiscal_memory_free: number;
  cash_in_drawer_cents: number;
  datetime: string; // the register clock, local ISO without zone
  /** Added: the open receipt's running total (after adjustments), what is paid, and the total per VAT group (0/{} when none). */
  open_receipt_total_cents?: number;
  open_receipt_paid_cents?: number;
  open_receipt_by_vat?: Record<string, number>;
  /** Sales registered in the open receipt (without payments). */
  open_receipt_sales?: number;
  /** Added: when the fiscal memory was last written (the last Z report, else the fiscalization), local ISO. */
  last_fiscal_record_at?: string;
}

export interface RegisterCounters {
  receipt_number: number; // last closed fiscal document (receipt or refund)
  z_number: number;
  receipt_open: boolean;
  cash_in_cents: number; // since last Z
  cash_out_cents: number;
}

export interface SellInput {
  description: string;
  quantity_thousandths: number;
  unit_price_cents: number;
  vat_group: string;
  department?: number;
  um?: string;
  /** Signed adjustment: discount (negative) / surcharge (positive), percent (basis points) or amount. */
  adjustment?: { kind: 'percent'; basis_points: number; surcharge: boolean } | { kind: 'amount'; amount_cents: number; surcharge: boolean };
}

export interface Printed {
  printed_lines: number;
}

export interface JournalQuery {
  range: { type: 'date'; start: string; end: string } | { type: 'z_number'; start: number; end: number };
  doc_type: 'all' | 'fiscal_receipts' | 'non_fiscal' | 'z_reports';
}

export interface JournalDocument {
  kind: 'fiscal_receipt' | 'refund' | 'non_fiscal' | 'z_report' | 'x_report' | 'cash_in' | 'cash_out' | 'voided';
  number: number; // receipt number for fiscal docs, z number for z reports, running doc number otherwise
  z_period: number; // the Z number this document belongs to (last Z + 1)
  datetime: string;
  total_cents?: number;
  lines: string[]; // the printed text, line by line
  /** Free-form tag the host can set when opening (e.g. a job id), used by tests and reconciliation. */
  tag?: string;
}

export interface FaultPlan {
  /** Paper runs out when the Nth printed line (counted from now) is due; cleared by `loadPaper()`. */
  paper_out_at_line?: number;
  cover_open?: boolean;
  /** The cover is opened when the Nth printed line (counted from now) is due (added). */
  cover_open_at_line?: number;
  /** The register stops answering (front-ends drop the link) until `reconnect()`. */
  disconnected?: boolean;
}

/** The faults active right now (added: read by front-ends and the GUI's simulator panel). */
export interface ActiveFaults {
  paper_out: boolean;
  /** Lines left before the paper runs out (null = no paper-out planned). */
  lines_until_paper_out: number | null;
  cover_open: boolean;
  disconnected: boolean;
}

export interface TimingProfile {
  /** Serial speed for wire-time modelling in front-ends; 0 = no wire time. */
  baud: number;
  /** Print time per printed line, ms. */
  per_line_ms: number;
  /** Fixed processing time per command, ms. */
  per_command_ms: number;
}

export const REALISTIC_TIMING: TimingProfile = { baud: 115_200, per_line_ms: 25, per_command_ms: 2 };
export const ZERO_TIMING: TimingProfile = { baud: 0, per_line_ms: 0, per_command_ms: 0 };

export interface VirtualRegisterApi {
  identity(): RegisterIdentity;
  status(): RegisterStatus;
  counters(): RegisterCounters;

  openFiscalReceipt(opts: { refund?: boolean; buyer_cui?: string; invoice?: boolean; tag?: string; operator?: number }): Printed;
  sell(item: SellInput): Printed & { line_total_cents: number };
  printText(text: string): Printed;
  subtotal(adjustment?: SellInput['adjustment']): Printed & { subtotal_cents: number };
  /** `amount_cents` omitted = pay the rest. Returns what is still due (0 when fully paid) and the change. */
  pay(method: PaymentMethod, amount_cents?: number): Printed & { remaining_cents: number; change_cents: number };
  closeReceipt(): Printed & { receipt_number: number; total_cents: number; change_cents: number; datetime: string };
  /** Cancel the open receipt (fiscal or non-fiscal). Returns false when none was open. */
  cancelReceipt(): Printed & { cancelled: boolean };

  openNonFiscal(): Printed;
  printNonFiscalText(text: string): Printed;
  closeNonFiscal(): Printed;

  xReport(): Printed & { totals: ReportTotals };
  zReport(): Printed & { z_number: number; totals: ReportTotals };
  cashIn(amount_cents: number): Printed & { cash_in_drawer_cents: number };
  cashOut(amount_cents: number): Printed & { cash_in_drawer_cents: number };
  printDuplicate(): Printed;
  openDrawer(): void;
  setDateTime(iso: string): void;
  /** Journal documents matching the query (read, not printed). */
  readJournal(q: JournalQuery): JournalDocument[];
  /** Print the journal documents matching the query. */
  printJournal(q: JournalQuery): Printed;
  printFiscalMemoryReport(range: JournalQuery['range'], detailed: boolean): Printed;

  // Faults and maintenance (tests, the emulator CLI, the GUI's simulator panel).
  injectFaults(plan: FaultPlan): void;
  loadPaper(): void;
  closeCover(): void;
  /** Move the clock forward (e.g. 25 hours to trigger the 24-hour Z block). */
  advanceClock(ms: number): void;
  /** Clear the "disconnected" fault (added). */
  reconnect(): void;
  /** The faults active right now (added). */
  faults(): ActiveFaults;
}
