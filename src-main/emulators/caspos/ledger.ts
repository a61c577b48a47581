/**
 * The Caspos emulator's memory beside the virtual register: the shift, every document (ids, numbers, short ids,
 * payments, VAT, items, what is left to refund / to pay / of an advance), and the first answer of every
 * documentUUID, so a repeated UUID is answered the same way after a restart. One JSON file written atomically
 * (temp + fsync + rename) after each change; the register keeps its own files (the witness of what was printed).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind } from '../../protocols/caspos/tables.js';

export interface DocPayments {
  /** Cash kept (net of change). */
  cash: number;
  card: number;
  credit: number;
  deposit: number;
  bonus: number;
}

export interface DocItem {
  name: string;
  code: string;
  quantity_thousandths: number;
  price_cents: number;
  vat_type: number;
  total_cents: number;
  item_uuid: string | null;
  /** Refunded so far (money back against this document). */
  returned_thousandths: number;
}

export interface CasposDoc {
  id: string;
  short_id: string;
  number: number;
  fiscal_number: string;
  shift_number: number;
  shift_document_number: number;
  kind: DocumentKind;
  uuid: string | null;
  created_at: string;
  total_cents: number;
  payments: DocPayments;
  /** Gross amount per VAT type. */
  vat: Array<{ vat_type: number; sum_cents: number }>;
  items: DocItem[];
  parent_id: string | null;
  rolled_back: boolean;
  refunded_cents: number;
  /** Credit sale: what is still owed; advance: what is still unused. */
  open_cents: number;
  credit_contract: string | null;
  /** The register's document: its receipt number (sales, refunds) or null (cash, Z). */
  register_receipt: number | null;
}

export interface ShiftState {
  open: boolean;
  number: number;
  opened_at: string | null;
  documents: number;
}

export interface LedgerState {
  version: 1;
  device_code: string;
  last_doc_number: number;
  shift: ShiftState;
  documents: CasposDoc[];
  /** documentUUID → the `data` of its first answer, as JSON text (decimals kept as written). */
  answers: Record<string, string>;
}

export const LEDGER_FILE = 'caspos-ledger.json';

export function initialLedger(deviceCode: string, firstDocNumber: number, firstShift: number): LedgerState {
  return {
    version: 1,
    device_code: deviceCode,
    last_doc_number: firstDocNumber - 1,
    shift: { open: false, number: firstShift - 1, opened_at: null, documents: 0 },
    documents: [],
    answers: {},
  };
}

export class LedgerStore {
  constructor(readonly dir: string | undefined) {
    if (dir !== undefined) mkdirSync(dir, { recursive: true });
  }

  load(): LedgerState | null {
    if (this.dir === undefined) return null;
    const path = join(this.dir, LEDGER_FILE);
    if (!existsSync(path)) return null;
    const v = JSON.parse(readFileSync(path, 'utf8')) as LedgerState;
    if (v.version !== 1 || !Array.isArray(v.documents)) throw new Error(`${path} is not a Caspos emulator ledger`);
    return v;
  }

  save(state: LedgerState): void {
    if (this.dir === undefined) return;
    const path = join(this.dir, LEDGER_FILE);
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  }
}
