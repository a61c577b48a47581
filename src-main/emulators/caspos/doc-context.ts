/** What a document handler of the emulator works on: a draft of the ledger, the register, the request's fields. */
import type { VirtualRegister } from '../virtual-register/virtual-register.js';
import type { Bank } from './answer-shapes.js';
import type { CasposDoc, LedgerState } from './ledger.js';
import type { Fields } from './request-reader.js';

export interface DocContext {
  /** A draft: committed only when the handler returns. */
  state: LedgerState;
  register: VirtualRegister;
  /** The register's clock, local ISO. */
  now: string;
  uuid: string | null;
  /** The register tag of the document's receipt (tests find the witness by it). */
  tag: string;
  data: Fields;
  /** The request's top level (openShift, correction and rollBack carry cashierName/currency there). */
  top: Fields;
}

export interface DocResult {
  doc: CasposDoc;
  bank: Bank | null;
}

/** A document by its id or its short id (spaces ignored: ids are copied from printed receipts). */
export function findDocument(s: LedgerState, id: string): CasposDoc | null {
  const want = id.replace(/\s+/g, '');
  return s.documents.find((d) => d.id === want || d.short_id === want) ?? null;
}
