/**
 * What the driver needs from a Datecs register, independent of the framing. `XCommands` and `ClassicCommands`
 * implement it on top of a DatecsSession.
 */
import type { PaymentMethod } from '../../domain/operations.js';
import type { VatRates } from '../../domain/vat.js';
import type { Language } from '../../domain/error-codes.js';
import type { Framing } from '../../protocols/datecs/frame.js';
import type { StatusFlags } from '../../protocols/datecs/status.js';
import type { Adjustment, JournalDocType } from '../../protocols/datecs/values.js';

/** The open receipt as the register itself reports it (X cmd 76, classic 0x4C). */
export interface TransactionState {
  open: 'none' | 'fiscal' | 'non_fiscal';
  /** Sales registered in the open receipt. */
  items: number;
  /** The open receipt's running total, after discounts. */
  amount_cents: number;
  /** What has been paid so far. */
  paid_cents: number;
  payment_started: boolean;
}

export interface SaleItem {
  description: string;
  vat_group: string;
  unit_price_cents: number;
  quantity_thousandths: number;
  department?: number;
  um?: string;
  adjustment?: Adjustment;
}

export type RangeSpec = { type: 'date'; start: string; end: string } | { type: 'z_number'; start: number; end: number };

export interface DatecsCommands {
  readonly framing: Framing;
  /** Language of the hints attached to device errors (set per job by the driver). */
  language: Language;
  status(): Promise<StatusFlags>;
  transaction(): Promise<TransactionState>;
  /** Number of the last CLOSED fiscal receipt and of the last Z report. */
  receiptCounters(): Promise<{ receipt_number: number; z_number: number }>;
  cashSums(): Promise<{ drawer: number; cash_in: number; cash_out: number }>;
  deviceInfo(): Promise<{ model: string; firmware: string; serial: string; fiscal_memory_id: string }>;
  vatRates(): Promise<VatRates>;
  openReceipt(o: { operator: number; password: string; till: number; invoice: boolean; buyer_cui?: string }): Promise<void>;
  sell(item: SaleItem): Promise<void>;
  text(line: string): Promise<void>;
  subtotal(adjustment?: Adjustment): Promise<number>;
  /** `amountCents` undefined = pay the rest. */
  pay(method: PaymentMethod, amountCents?: number): Promise<{ due_cents: number; change_cents: number }>;
  close(): Promise<number>;
  cancel(): Promise<void>;
  /** Device date-time of the last fiscal receipt (or now, when the command set cannot tell). ISO local. */
  lastReceiptDateTime(): Promise<string>;
  /** `receipts`: fiscal receipts in the period, when the register can tell (read before the report). */
  report(kind: 'X' | 'Z'): Promise<{ number: number; by_vat_group: Record<string, number>; receipts?: number }>;
  /** Date-time of the last Z report (ISO local), null when unknown. */
  lastZDateTime(): Promise<string | null>;
  cash(kind: 'in' | 'out', cents: number): Promise<{ drawer: number }>;
  duplicate(): Promise<void>;
  openDrawer(): Promise<void>;
  setDateTime(iso: string): Promise<void>;
  getDateTime(): Promise<string>;
  openNonFiscal(): Promise<void>;
  nonFiscalText(line: string): Promise<void>;
  closeNonFiscal(): Promise<void>;
  journalSelect(range: RangeSpec, docType: JournalDocType): Promise<void>;
  /** Next EJ line; null at the end. */
  journalNextLine(): Promise<string | null>;
  journalPrint(): Promise<void>;
  fiscalMemoryReport(range: RangeSpec, detailed: boolean): Promise<void>;
}
