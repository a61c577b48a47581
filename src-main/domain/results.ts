/** Result shapes returned by drivers for each operation (the body fields besides status/msg/job_id). */
import type { PaymentMethod } from './operations.js';
import type { VatRates } from './vat.js';
import { CASPOS_SUCCESS_MESSAGES } from './operations-caspos.js';

/** How a card transaction ended, as the terminal said. */
export type PosOutcome = 'approved' | 'declined' | 'cancelled' | 'timeout' | 'busy' | 'error';

export interface PosResult {
  approved: boolean;
  auth_code: string | null;
  rrn: string | null;
  card_masked: string | null;
  terminal_id: string;
  /** The slip text (the terminal's own when it returns one, else built from its answer). */
  receipt_text: string[];
  amount_cents?: number;
  response_text?: string;
  /** The terminal's own result code (ISO 8583 response code, Viva eventId, …). */
  response_code?: string;
  outcome?: PosOutcome;
  kind?: 'sale' | 'refund' | 'void';
  /** The ECR reference the transaction was started with. */
  reference?: string;
  /** The acquirer's id of the transaction (Viva transactionId), needed to refund it later. */
  transaction_id?: string | null;
  /** Terminal trace number (STAN). */
  stan?: string | null;
  card_brand?: string | null;
  datetime?: string;
}

/** The answer of a status inquiry by ECR reference. */
export interface PosInquiry {
  reference: string;
  state: 'approved' | 'declined' | 'cancelled' | 'timeout' | 'failed' | 'in_progress' | 'not_found';
  /** True when the terminal knows the transaction was voided or refunded afterwards. */
  reversed?: boolean;
  transaction?: PosResult;
}

export interface ReceiptResult {
  slip_number: number;
  total_cents: number;
  change_cents: number;
  /** Local date-time as printed on the receipt, ISO 8601 without zone. */
  receipt_datetime: string;
  fiscal_serial: string;
  pos?: PosResult;
  /** True when close_action was "void": everything was registered then cancelled. */
  voided?: boolean;
}

export interface ReportTotals {
  by_vat_group: Record<string, number>;
  by_payment: Partial<Record<PaymentMethod, number>>;
  receipts: number;
  refunds_cents: number;
  total_cents: number;
}

export interface DeviceStatusReport {
  paper: 'ok' | 'near_end' | 'out';
  cover_open: boolean;
  receipt_open: boolean;
  hours_since_z: number;
  fiscal_memory_free: number;
  raw: Record<string, unknown>;
}

export interface DeviceInfo {
  serial: string;
  fiscal_memory_id: string;
  model: string;
  firmware: string;
  text_limits: { item_name: number; text_line: number };
  headers: string[];
  payment_names: Partial<Record<PaymentMethod, string>>;
  last_receipt_number: number;
  last_z_number: number;
}

export interface FiscalResults {
  print_receipt: ReceiptResult;
  print_refund: ReceiptResult;
  print_x: { totals: ReportTotals };
  /** `totals` is null when the Z report's answer was lost and the register's Z counter proved it was made. */
  print_z: { z_number: number; totals: ReportTotals | null };
  /** `cash_in_drawer_cents` is null when the device does not say what its drawer holds (Caspos). */
  deposit_cash: { cash_in_drawer_cents: number | null };
  withdraw_cash: { cash_in_drawer_cents: number | null };
  je_report: { lines?: string[] };
  print_fiscal_memory_report: Record<string, never>;
  print_duplicate: Record<string, never>;
  print_non_fiscal: Record<string, never>;
  cancel_receipt: { cancelled: boolean };
  open_drawer: Record<string, never>;
  set_datetime: { datetime: string };
  get_datetime: { datetime: string };
  get_status: DeviceStatusReport;
  get_vat_rates: { vat_rates: VatRates };
  get_device_info: DeviceInfo;
}

export type FiscalResult = FiscalResults[keyof FiscalResults];

export interface PosResults {
  sale: PosResult;
  refund: PosResult;
  void: PosResult;
  abort: { requested: boolean; in_progress: boolean; reference?: string };
  transaction_status: PosInquiry;
  settlement: { count: number; total_cents: number; refunds_cents: number; batch_number: number };
  get_status: { online: boolean; busy: boolean; terminal_id?: string };
}
export type PosResultAny = PosResults[keyof PosResults];

/** Short success messages (`msg`) per operation, RO and EN. */
export const SUCCESS_MESSAGES: Record<string, { ro: string; en: string }> = {
  print_receipt: { ro: 'Bon tipărit', en: 'Receipt printed' },
  print_refund: { ro: 'Bon de retur tipărit', en: 'Refund receipt printed' },
  print_x: { ro: 'Raport X tipărit', en: 'X report printed' },
  print_z: { ro: 'Raport Z tipărit', en: 'Z report printed' },
  deposit_cash: { ro: 'Numerar introdus', en: 'Cash deposited' },
  withdraw_cash: { ro: 'Numerar scos', en: 'Cash withdrawn' },
  je_report: { ro: 'Raport jurnal electronic', en: 'Electronic journal report' },
  print_fiscal_memory_report: { ro: 'Raport memorie fiscală tipărit', en: 'Fiscal memory report printed' },
  print_duplicate: { ro: 'Duplicat tipărit', en: 'Duplicate printed' },
  print_non_fiscal: { ro: 'Bon nefiscal tipărit', en: 'Non-fiscal receipt printed' },
  cancel_receipt: { ro: 'Bon anulat', en: 'Receipt cancelled' },
  open_drawer: { ro: 'Sertar deschis', en: 'Drawer opened' },
  set_datetime: { ro: 'Data și ora setate', en: 'Date and time set' },
  get_datetime: { ro: 'Data și ora citite', en: 'Date and time read' },
  get_status: { ro: 'Stare citită', en: 'Status read' },
  get_vat_rates: { ro: 'Cote TVA citite', en: 'VAT rates read' },
  get_device_info: { ro: 'Informații dispozitiv citite', en: 'Device information read' },
  sale: { ro: 'Plată cu cardul aprobată', en: 'Card payment approved' },
  refund: { ro: 'Rambursare pe card aprobată', en: 'Card refund approved' },
  void: { ro: 'Tranzacție anulată', en: 'Transaction voided' },
  settlement: { ro: 'Închidere de zi efectuată', en: 'Settlement done' },
  abort: { ro: 'Anulare cerută terminalului', en: 'Abort sent to the terminal' },
  transaction_status: { ro: 'Stare tranzacție citită', en: 'Transaction status read' },
  ...CASPOS_SUCCESS_MESSAGES,
};
