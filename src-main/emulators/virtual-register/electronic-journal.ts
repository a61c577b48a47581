/**
 * The electronic journal (jurnal electronic): every document the register printed, with its text. Entries are
 * appended, never changed. Each entry also carries the register state right after the document, so a state file
 * that is older than the journal (a crash between the two writes) is repaired from the journal. Pure.
 */
import type { JournalDocument, JournalQuery } from './register-api.js';
import type { FiscalMemoryRecord } from './reports.js';
import { inRange } from './reports.js';
import type { RegisterState } from './register-state.js';

export interface JournalEntry {
  seq: number;
  doc: JournalDocument;
  /** Present on Z reports: the record written to fiscal memory. */
  fm?: FiscalMemoryRecord;
  /** The register state right after this document (its `ej_seq` equals `seq`). */
  state: RegisterState;
}

/**
 * Which documents each `doc_type` selects. `fiscal_receipts`: sale and refund receipts; `z_reports`: Z reports;
 * `non_fiscal`: every non-fiscal document (non-fiscal receipts, X reports, cash in/out, cancelled receipts).
 */
export function docTypeMatches(docType: JournalQuery['doc_type'], kind: JournalDocument['kind']): boolean {
  switch (docType) {
    case 'all':
      return true;
    case 'fiscal_receipts':
      return kind === 'fiscal_receipt' || kind === 'refund';
    case 'z_reports':
      return kind === 'z_report';
    case 'non_fiscal':
      return kind !== 'fiscal_receipt' && kind !== 'refund' && kind !== 'z_report';
  }
}

export function queryJournal(docs: readonly JournalDocument[], q: JournalQuery): JournalDocument[] {
  return docs
    .filter((d) => docTypeMatches(q.doc_type, d.kind) && inRange(q.range, d.z_period, d.datetime))
    .map((d) => ({ ...d, lines: [...d.lines] }));
}

/** The journal as text: documents separated by an empty line. */
export function journalText(docs: readonly JournalDocument[]): string[] {
  const out: string[] = [];
  for (const [i, d] of docs.entries()) {
    if (i > 0) out.push('');
    out.push(...d.lines);
  }
  return out;
}

/** Parse JSONL journal text. A torn last line (a crash mid-append) is dropped; `validBytes` says how much is good. */
export function parseJournal(text: string): { entries: JournalEntry[]; validBytes: number } {
  const entries: JournalEntry[] = [];
  let offset = 0;
  let validBytes = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break; // no newline: torn write
    const line = text.slice(offset, nl);
    offset = nl + 1;
    const lineBytes = Buffer.byteLength(line) + 1;
    if (line.trim() === '') {
      validBytes += lineBytes;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      break; // corrupt line: keep what came before
    }
    if (!isEntry(parsed)) break;
    entries.push(parsed);
    validBytes += lineBytes;
  }
  return { entries, validBytes };
}

function isEntry(v: unknown): v is JournalEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<JournalEntry>;
  return typeof e.seq === 'number' && typeof e.doc === 'object' && e.doc !== null && typeof e.state === 'object';
}
