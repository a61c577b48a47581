/**
 * The card part of the chaos verdict: counted from the terminal's log, the register's journal and the hub's jobs;
 * each failure kind is recognised, a clean run is clean. Also the seeded card plan: amounts hit the terminal's rules.
 */
import { describe, expect, it } from 'vitest';
import type { PosTransaction } from '../../src-main/emulators/pos/pos-types.js';
import type { JournalDocument } from '../../src-main/emulators/virtual-register/register-api.js';
import type { JournalJob } from '../integration/card/consistency.js';
import { cardRule, planCard } from './card-plan.js';
import { countCardVerdict, cardFailures, printedCardCents, type CardWitnesses } from './card-verdict.js';
import { makeRequest, type ChaosRequest } from './doors.js';
import { Prng } from './prng.js';

const rng = new Prng(11);
const request = (n: number, card: number, verdict: ChaosRequest['verdict'] = 'success'): ChaosRequest => {
  const r = makeRequest(n, 'native', rng, 't');
  return { ...r, card_cents: card, verdict };
};
const job = (r: ChaosRequest, id: string, state = 'succeeded'): JournalJob => ({
  id,
  device_id: 'dev',
  state,
  idempotency_key: r.key,
  operation: {
    type: 'print_receipt',
    lines: [{ type: 'item', description: r.items[0]?.name ?? '' }],
    payments: r.card_cents > 0 ? [{ method: 'card', amount_cents: r.card_cents }] : [{ method: 'cash', amount_cents: r.total_cents }],
  },
});
let seq = 0;
const charge = (jobId: string, amount: number, state: PosTransaction['state'] = 'approved'): PosTransaction => ({
  seq: ++seq,
  txid: `tx${seq}`,
  kind: 'sale',
  state,
  datetime: '2026-01-15T09:00:00',
  batch: 1,
  amount_cents: amount,
  approved: state === 'approved',
  response_code: state === 'approved' ? '00' : '51',
  response_text: '',
  auth_code: state === 'approved' ? '123456' : null,
  rrn: state === 'approved' ? `2601150000${String(seq).padStart(2, '0')}` : null,
  stan: null,
  card_masked: '406001******1234',
  card_brand: 'VISA',
  reference: `receipt-${jobId}`,
});
const voidOf = (t: PosTransaction): PosTransaction => ({ ...charge('x', t.amount_cents), kind: 'void', reference: `void-x${t.seq}`, original_txid: t.txid });
const receipt = (r: ChaosRequest, number: number, card = r.card_cents, rrn?: string): JournalDocument => ({
  kind: 'fiscal_receipt',
  number,
  z_period: 1,
  datetime: '2026-01-15T09:00:00',
  total_cents: r.total_cents,
  lines: [
    'FISCOOL DEMO SRL',
    `${r.items[0]?.name ?? ''}                  1.00 A`,
    ...(card > 0 ? ['PLATA CARD VISA ****1234', `AUT 123456 RRN ${rrn ?? ''}`, `CARD                              ${(card / 100).toFixed(2)}`] : []),
    ...(card < r.total_cents ? [`NUMERAR                           ${((r.total_cents - card) / 100).toFixed(2)}`] : []),
    'TOTAL',
  ],
});
const verdictOf = (w: Partial<CardWitnesses> & Pick<CardWitnesses, 'requests' | 'journal' | 'jobs' | 'terminalLog'>) => {
  const voided = new Set(w.terminalLog.filter((t) => t.kind === 'void').map((t) => t.original_txid));
  return countCardVerdict({ isReversed: (id) => voided.has(id), pendingVoids: [], ...w });
};

describe('chaos card verdict', () => {
  it('a clean run: every live charge has its one receipt, declined and voided charges have none', () => {
    const paid = request(1, 1234);
    const declined = request(2, 1051, 'failure');
    const voided = request(3, 2000, 'failure');
    const cash = request(4, 0);
    const c1 = charge('j1', 1234);
    const c3 = charge('j3', 2000);
    const v = verdictOf({
      requests: [paid, declined, voided, cash],
      jobs: [job(paid, 'j1'), job(declined, 'j2', 'failed'), job(voided, 'j3', 'failed'), job(cash, 'j4')],
      terminalLog: [c1, charge('j2', 1051, 'declined'), c3, voidOf(c3)],
      journal: [receipt(paid, 1, 1234, c1.rrn ?? ''), receipt(cash, 2)],
    });
    expect(v).toMatchObject({ requests: 3, receipts: 1, receiptsByDoor: { native: 1, inp: 0, erpnet: 0, ucsfphub: 0 }, voids: 1, reversed: 1, chargesWithoutReceipt: 0, receiptsWithoutCharge: 0, chargedTwice: 0, pendingVoids: 0 });
    expect(v.charges).toEqual({ approved: 2, declined: 1 });
    expect(cardFailures(v)).toBe(0);
  });

  it('counts a charge without a receipt, a receipt without a charge, a wrong card amount, a double charge, pending voids', () => {
    const noReceipt = request(1, 1500, 'failure');
    const noCharge = request(2, 1600);
    const wrongAmount = request(3, 1700);
    const twice = request(4, 1800);
    const v = verdictOf({
      requests: [noReceipt, noCharge, wrongAmount, twice],
      // The request `twice` ran as two jobs (a door that re-ran it under a new key), each charged and not voided.
      jobs: [job(noReceipt, 'j1', 'failed'), job(noCharge, 'j2'), job(wrongAmount, 'j3'), job(twice, 'j4', 'failed'), job(twice, 'j5')],
      terminalLog: [charge('j1', 1500), charge('j3', 1700), charge('j4', 1800), charge('j5', 1800)],
      journal: [receipt(noCharge, 1), receipt(wrongAmount, 2, 1699), receipt(twice, 3, 1800, 'x')],
      pendingVoids: [{ receipt_job_id: 'j1', state: 'failed', amount_cents: 1500 }],
    });
    // j1 and j4: live charges without a receipt; j2: no charge; j3: prints 16.99 by card, charged 17.00.
    expect(v).toMatchObject({ chargesWithoutReceipt: 2, receiptsWithoutCharge: 2, chargedTwice: 1, pendingVoids: 1 });
    expect(v.findings.join('\n')).toMatch(/K00004 CHARGED TWICE: 2 live charges/);
    expect(v.findings.join('\n')).toMatch(/K00003 receipt #2 prints 1699c by card, the request paid 1700c/);
    expect(cardFailures(v)).toBe(6);
  });

  it('a receipt of a request run as two jobs belongs to the job whose charge it prints', () => {
    const r = request(1, 2500);
    const first = charge('j1', 2500);
    const second = charge('j2', 2500);
    const v = verdictOf({
      requests: [r],
      jobs: [job(r, 'j1', 'failed'), job(r, 'j2')],
      terminalLog: [first, voidOf(first), second],
      journal: [receipt(r, 1, 2500, second.rrn ?? '')],
    });
    expect(cardFailures(v)).toBe(0);
  });

  it('reads the card amount a receipt prints, not the slip text', () => {
    expect(printedCardCents(receipt(request(1, 4321), 1))).toBe(4321);
    expect(printedCardCents(receipt(request(2, 0), 2))).toBe(0);
  });

  it('the seeded plan pays all or part by card, and a share of the amounts hits a terminal rule', () => {
    const p = new Prng(5);
    const rules = new Map<string, number>();
    let all = 0;
    let part = 0;
    for (let i = 0; i < 400; i++) {
      const items = [
        { price_cents: p.int(50, 4999), qty: p.int(1, 3) },
        { price_cents: p.int(50, 4999), qty: p.int(1, 3) },
      ];
      const card = planCard(items, p, { share: 1, trouble: 0.5 });
      const total = items.reduce((s, it) => s + it.price_cents * it.qty, 0);
      expect(card).toBeGreaterThanOrEqual(1);
      expect(card).toBeLessThanOrEqual(total);
      if (card === total) all++;
      else part++;
      rules.set(cardRule(card), (rules.get(cardRule(card)) ?? 0) + 1);
    }
    expect(all).toBeGreaterThan(100);
    expect(part).toBeGreaterThan(100);
    for (const rule of ['approve', 'decline', 'no_answer', 'cancel', 'card_timeout', 'answer_lost']) expect(rules.get(rule) ?? 0).toBeGreaterThan(10);
    expect(planCard([{ price_cents: 100, qty: 1 }], p, { share: 0, trouble: 1 })).toBe(0);
  });
});
