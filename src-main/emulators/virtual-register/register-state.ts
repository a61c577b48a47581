/**
 * The virtual register's persistent state: counters, period (since last Z) totals, the cash drawer, the clock
 * offset and the open receipt. Plain JSON data, so it can be cloned, written atomically and embedded in journal
 * entries for crash recovery. Pure: no I/O.
 */
import type { PaymentMethod } from '../../domain/operations.js';

export const STATE_VERSION = 1;

/** Totals accumulated since the last Z report (reset by Z). */
export interface PeriodTotals {
  sales_by_vat: Record<string, number>;
  refunds_by_vat: Record<string, number>;
  /** Per payment method; cash is net of change, so the sum equals the receipts' total. */
  sales_by_payment: Partial<Record<PaymentMethod, number>>;
  refunds_by_payment: Partial<Record<PaymentMethod, number>>;
  receipts: number;
  refunds: number;
  sales_cents: number;
  refunds_cents: number;
  voided: number;
  voided_cents: number;
  cash_in_cents: number;
  cash_out_cents: number;
  /** Local datetime of the first fiscal document (receipt or refund) closed after the last Z; starts the 24 h clock. */
  first_fiscal_at: string | null;
}

export interface OpenPayment {
  method: PaymentMethod;
  amount_cents: number;
}

export interface OpenReceipt {
  kind: 'fiscal' | 'refund' | 'non_fiscal';
  opened_at: string;
  operator: number;
  invoice: boolean;
  buyer_cui?: string;
  tag?: string;
  items: number;
  /** Net per VAT group after line adjustments and the subtotal adjustment. */
  by_vat: Record<string, number>;
  running_cents: number;
  subtotal_adjusted: boolean;
  payments: OpenPayment[];
  paid_cents: number;
  non_cash_cents: number;
  /** Every line printed for this document so far (goes to the electronic journal on close/cancel). */
  lines: string[];
}

export interface RegisterState {
  version: number;
  /** Random id created with the register; the default serial number is derived from it. */
  device_id: string;
  created_at: string;
  /** Last closed fiscal document (receipt or refund). */
  receipt_number: number;
  z_number: number;
  /** Running number of every document in the electronic journal. */
  doc_number: number;
  last_z_at: string | null;
  cash_in_drawer_cents: number;
  period: PeriodTotals;
  clock_offset_ms: number;
  open: OpenReceipt | null;
  /** Sequence number of the last electronic-journal entry this state includes. */
  ej_seq: number;
}

export function emptyPeriod(): PeriodTotals {
  return {
    sales_by_vat: {},
    refunds_by_vat: {},
    sales_by_payment: {},
    refunds_by_payment: {},
    receipts: 0,
    refunds: 0,
    sales_cents: 0,
    refunds_cents: 0,
    voided: 0,
    voided_cents: 0,
    cash_in_cents: 0,
    cash_out_cents: 0,
    first_fiscal_at: null,
  };
}

export function initialState(deviceId: string, createdAt: string): RegisterState {
  return {
    version: STATE_VERSION,
    device_id: deviceId,
    created_at: createdAt,
    receipt_number: 0,
    z_number: 0,
    doc_number: 0,
    last_z_at: null,
    cash_in_drawer_cents: 0,
    period: emptyPeriod(),
    clock_offset_ms: 0,
    open: null,
    ej_seq: 0,
  };
}

/** Add `amount` to `map[key]`. */
export function addTo<K extends string>(map: Partial<Record<K, number>>, key: K, amount: number): void {
  map[key] = (map[key] ?? 0) + amount;
}

/** "SIM" + 7 digits derived from the register's random id. */
export function serialFromDeviceId(deviceId: string): string {
  const n = parseInt(deviceId.slice(0, 12), 16);
  const digits = Number.isFinite(n) ? n % 10_000_000 : 0;
  return 'SIM' + digits.toString().padStart(7, '0');
}

/** Structural check of a state read from disk (enough to refuse a foreign or corrupt file). */
export function isRegisterState(v: unknown): v is RegisterState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<RegisterState>;
  return (
    s.version === STATE_VERSION &&
    typeof s.device_id === 'string' &&
    typeof s.receipt_number === 'number' &&
    typeof s.z_number === 'number' &&
    typeof s.doc_number === 'number' &&
    typeof s.ej_seq === 'number' &&
    typeof s.period === 'object' &&
    s.period !== null
  );
}
