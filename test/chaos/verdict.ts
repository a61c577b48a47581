/**
 * The verdict of a chaos run, counted from the register's own electronic journal (never from the hub's answers).
 * Pure. Per request: how many fiscal receipts carry its tag, with which totals, against what its door was told.
 *   lost        told success, no receipt printed
 *   duplicates  a request printed more than once
 *   orphans     printed, but told a (definitive) failure — for INP: the file went to BonERR
 *   open        a receipt left open on the register at the end
 *   wrongTotals a printed receipt whose total is not the requested total
 *   unresolved  no definitive answer even after the faults stopped (INP: the file never left the folder)
 */
import type { JournalDocument } from '../../src-main/emulators/virtual-register/register-api.js';
import { cardFailures, type CardVerdict } from './card-verdict.js';
import { TAG, type ChaosRequest } from './doors.js';

export interface Verdict {
  requests: number;
  printed: number;
  lost: number;
  duplicates: number;
  orphans: number;
  open: number;
  wrongTotals: number;
  unresolved: number;
  /** Printed receipts whose tag belongs to no request (cannot happen unless something prints on its own). */
  strays: number;
  inp: { ok: number; err: number; printed: number };
  /** Card payments on the linked terminal (card-verdict.ts), when the run had them. */
  card: CardVerdict | null;
  findings: string[];
}

export function countVerdict(requests: readonly ChaosRequest[], journal: readonly JournalDocument[], receiptOpen: boolean): Verdict {
  const byTag = new Map<string, JournalDocument[]>();
  let strays = 0;
  for (const d of journal) {
    if (d.kind !== 'fiscal_receipt') continue;
    const tag = TAG.exec(d.lines.join('\n'))?.[0];
    if (tag === undefined) {
      strays++;
      continue;
    }
    byTag.set(tag, [...(byTag.get(tag) ?? []), d]);
  }
  const known = new Set(requests.map((r) => r.tag));
  for (const tag of byTag.keys()) if (!known.has(tag)) strays += byTag.get(tag)?.length ?? 0;
  const v: Verdict = {
    requests: requests.length,
    printed: 0,
    lost: 0,
    duplicates: 0,
    orphans: 0,
    open: receiptOpen ? 1 : 0,
    wrongTotals: 0,
    unresolved: 0,
    strays,
    inp: { ok: 0, err: 0, printed: 0 },
    card: null,
    findings: [],
  };
  const note = (r: ChaosRequest, what: string, docs: JournalDocument[]) =>
    v.findings.push(
      `${r.tag} ${r.door} ${what}: told ${r.verdict}, journal has ${docs.length} receipt(s)` +
        `${docs.length ? ` [${docs.map((d) => `#${d.number} ${d.total_cents ?? '?'}c`).join(', ')}]` : ''}, requested ${r.total_cents}c; ` +
        `answers ${JSON.stringify(r.answers)}; last: ${r.last}`,
    );
  for (const r of requests) {
    const docs = byTag.get(r.tag) ?? [];
    if (docs.length > 0) v.printed++;
    if (r.door === 'inp') {
      if (r.verdict === 'success') v.inp.ok++;
      if (r.verdict === 'failure') v.inp.err++;
      if (docs.length > 0) v.inp.printed++;
    }
    if (r.verdict === 'pending') {
      v.unresolved++;
      note(r, 'UNRESOLVED', docs);
    }
    if (r.verdict === 'success' && docs.length === 0) {
      v.lost++;
      note(r, 'LOST', docs);
    }
    if (docs.length > 1) {
      v.duplicates++;
      note(r, 'DUPLICATE', docs);
    }
    if (r.verdict === 'failure' && docs.length > 0) {
      v.orphans++;
      note(r, 'ORPHAN', docs);
    }
    const wrong = docs.filter((d) => d.total_cents !== r.total_cents).length;
    if (wrong > 0) {
      v.wrongTotals += wrong;
      note(r, 'WRONG TOTAL', docs);
    }
  }
  if (receiptOpen) v.findings.push('a receipt was left open on the register');
  if (strays > 0) v.findings.push(`${strays} printed receipt(s) belong to no request`);
  return v;
}

/** The five failure counts of the issue, plus unresolved requests, strays and the card counts: all must be 0. */
export function failed(v: Verdict): boolean {
  return v.lost + v.duplicates + v.orphans + v.open + v.wrongTotals + v.unresolved + v.strays + (v.card ? cardFailures(v.card) : 0) > 0;
}
