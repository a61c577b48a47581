/**
 * The card part of a chaos verdict, counted from the terminal's own transaction log (read from the hub's data dir
 * after the run), the register's electronic journal and the hub's journal, with the check the linked-payment tests
 * end with (test/integration/card/consistency.ts). A charge's reference is `receipt-<job id>`; the job's first item
 * name carries the request's tag, which the register prints: that maps every charge to its request and receipt.
 *   charges_without_receipt  an approved, un-reversed charge whose receipt job has not exactly one receipt
 *   receipts_without_charge  a receipt paying by card without exactly one live approved charge of the amount it
 *                            prints, or printing another card amount than its request asked
 *   charged_twice            a receipt job charged more than once, or a request with more than one live charge
 *   pending_voids            left at GET /pos/pending-voids at the end
 */
import type { JournalDocument } from '../../src-main/emulators/virtual-register/register-api.js';
import type { PosTransaction } from '../../src-main/emulators/pos/pos-types.js';
import { cardAmountOf, checkCardConsistency, type JournalJob } from '../integration/card/consistency.js';
import { TAG, type ChaosRequest, type Door } from './doors.js';

export interface CardVerdict {
  /** Requests that paid (part) by card. */
  requests: number;
  /** Charges (sales) the terminal logged, by final state. */
  charges: Record<string, number>;
  voids: number;
  reversed: number;
  receipts: number;
  /** Receipts printing a card payment, by the door their request came through. */
  receiptsByDoor: Record<Door, number>;
  chargesWithoutReceipt: number;
  receiptsWithoutCharge: number;
  chargedTwice: number;
  pendingVoids: number;
  findings: string[];
}

export interface CardWitnesses {
  requests: readonly ChaosRequest[];
  /** The register's journal. */
  journal: readonly JournalDocument[];
  /** The hub journal's fiscal jobs on the chaos register. */
  jobs: readonly JournalJob[];
  /** The terminal's log, and whether a sale or refund was reversed (voided, or refunded in full). */
  terminalLog: readonly PosTransaction[];
  isReversed: (txid: string) => boolean;
  pendingVoids: ReadonlyArray<{ receipt_job_id: string; state: string; amount_cents: number }>;
}

/** The card amount a receipt prints: its `CARD <amount>` payment lines (the slip's text lines say `PLATA CARD …`). */
export function printedCardCents(doc: JournalDocument): number {
  let cents = 0;
  for (const l of doc.lines) {
    const m = /^CARD\s+(\d+)\.(\d{2})$/.exec(l.trim());
    if (m) cents += Number(m[1]) * 100 + Number(m[2]);
  }
  return cents;
}

const tagOfJob = (j: JournalJob): string | undefined => TAG.exec(j.operation.lines?.find((l) => l.type === 'item')?.description ?? '')?.[0];

export function countCardVerdict(w: CardWitnesses): CardVerdict {
  const findings: string[] = [];
  const jobsOfTag = new Map<string, JournalJob[]>();
  for (const j of w.jobs) {
    const tag = tagOfJob(j);
    if (tag) jobsOfTag.set(tag, [...(jobsOfTag.get(tag) ?? []), j]);
  }
  const reference = (t: PosTransaction) => t.reference ?? t.merchant_reference;
  const sales = w.terminalLog.filter((t) => t.kind === 'sale');
  const approvedOf = (jobId: string) => sales.filter((t) => t.state === 'approved' && reference(t) === `receipt-${jobId}`);

  // The receipt job of each printed receipt: the one job of its tag, or (a door that ran one request as several
  // jobs) the one whose approved charge's RRN the receipt prints, else the one the hub says succeeded.
  const jobOfReceipt = (d: JournalDocument, tag: string): string | undefined => {
    const jobs = jobsOfTag.get(tag) ?? [];
    if (jobs.length <= 1) return jobs[0]?.id;
    const text = d.lines.join('\n');
    const byRrn = jobs.find((j) => approvedOf(j.id).some((t) => t.rrn !== null && text.includes(`RRN ${t.rrn}`)));
    return (byRrn ?? jobs.find((j) => j.state === 'succeeded') ?? jobs[jobs.length - 1])?.id;
  };
  const receipts: JournalDocument[] = [];
  const cardAmountOfJob = new Map<string, number>();
  for (const j of w.jobs) if (cardAmountOf(j.operation) > 0) cardAmountOfJob.set(j.id, cardAmountOf(j.operation));
  const requestOfTag = new Map(w.requests.map((r) => [r.tag, r]));
  const mismatched = new Set<string>();
  const receiptsByDoor: Record<Door, number> = { native: 0, inp: 0, erpnet: 0, ucsfphub: 0 };
  for (const d of w.journal) {
    if (d.kind !== 'fiscal_receipt') continue;
    const tag = TAG.exec(d.lines.join('\n'))?.[0];
    const job = tag ? jobOfReceipt(d, tag) : undefined;
    if (!tag || !job) continue; // a stray: counted by the main verdict
    receipts.push({ ...d, tag: job });
    const printed = printedCardCents(d);
    // What the register's receipt claims is the truth: check the charge against the amount it prints.
    if (printed > 0) cardAmountOfJob.set(job, printed);
    const request = requestOfTag.get(tag);
    if (printed > 0 && request) receiptsByDoor[request.door]++;
    const asked = request?.card_cents ?? 0;
    if (printed !== asked) {
      mismatched.add(job);
      findings.push(`${tag} receipt #${d.number} prints ${printed}c by card, the request paid ${asked}c by card`);
    }
  }
  const c = checkCardConsistency([...w.terminalLog], w.isReversed, reference, receipts, cardAmountOfJob);

  // Money taken twice for one sale, across the jobs of its request.
  let twiceForRequest = 0;
  for (const [tag, jobs] of jobsOfTag) {
    const live = jobs.flatMap((j) => approvedOf(j.id)).filter((t) => !w.isReversed(t.txid));
    if (live.length > 1) {
      twiceForRequest++;
      findings.push(`${tag} CHARGED TWICE: ${live.length} live charges [${live.map((t) => `${t.rrn} ${t.amount_cents}c`).join(', ')}]`);
    }
  }
  const describe = (job: string) => {
    const tag = tagOfJob(w.jobs.find((j) => j.id === job) ?? ({ operation: { type: '' } } as JournalJob)) ?? '?';
    const r = requestOfTag.get(tag);
    const txs = sales.filter((t) => reference(t) === `receipt-${job}`).map((t) => `${t.state}${w.isReversed(t.txid) ? '/reversed' : ''} ${t.amount_cents}c`);
    const printed = receipts.filter((d) => d.tag === job).map((d) => `#${d.number}`);
    return `${tag} job ${job} (${r ? `${r.door}, told ${r.verdict}, card ${r.card_cents}c` : 'no request'}): charges [${txs.join(', ')}], receipts [${printed.join(', ')}]`;
  };
  for (const j of c.chargesWithoutOneReceipt) findings.push(`CHARGE WITHOUT ONE RECEIPT: ${describe(j)}`);
  const withoutCharge = new Set([...c.receiptsWithoutCharge, ...mismatched]);
  for (const j of c.receiptsWithoutCharge) findings.push(`RECEIPT WITHOUT ONE CHARGE: ${describe(j)}`);
  for (const j of c.chargedTwice) findings.push(`RECEIPT JOB CHARGED TWICE: ${describe(j)}`);
  for (const p of w.pendingVoids) findings.push(`PENDING VOID (${p.state}, ${p.amount_cents}c): ${describe(p.receipt_job_id)}`);

  const charges: Record<string, number> = {};
  for (const t of sales) charges[t.state] = (charges[t.state] ?? 0) + 1;
  return {
    requests: w.requests.filter((r) => r.card_cents > 0).length,
    charges,
    voids: w.terminalLog.filter((t) => t.kind === 'void' && t.state === 'approved').length,
    reversed: c.reversedCharges,
    receipts: c.cardReceipts,
    receiptsByDoor,
    chargesWithoutReceipt: c.chargesWithoutOneReceipt.length,
    receiptsWithoutCharge: withoutCharge.size,
    chargedTwice: c.chargedTwice.length + twiceForRequest,
    pendingVoids: w.pendingVoids.length,
    findings,
  };
}

export const cardFailures = (v: CardVerdict): number => v.chargesWithoutReceipt + v.receiptsWithoutCharge + v.chargedTwice + v.pendingVoids;
