/**
 * The short chaos schedule of `npm test` (issue 8): three seeded runs — X over TCP, classic over a socat pty, X over a
 * pty — each with every fault family (hub SIGKILLs, power cuts with and without replay memory, NAK storms, garbled
 * and noisy answers, answers dropped after execution, disconnects, paper out and cover open at a line, slow answers)
 * and traffic through the native API, INP files, ErpNet.FP and UcsFPHub at once. The register's journal must show
 * 0 lost, 0 duplicates, 0 orphans, 0 open, 0 wrong totals, and every request must have got a definitive answer.
 * A share of the requests pays by card on the hub's simulated terminal linked to the register (some declined, never
 * answered, cancelled, timed out or with the answer lost, by amount): the terminal's log, the register's journal and
 * the hub's journal must agree — every live charge has one receipt, every card receipt one live charge of its
 * amount, nothing charged twice, no pending void left.
 * Longer runs: `npm run chaos -- --seconds 600 --seed S`.
 */
import { describe, expect, it } from 'vitest';
import { runChaos } from './run.js';

const SCHEDULE = [
  { seed: 8101, framing: 'x', transport: 'tcp' },
  { seed: 8102, framing: 'classic', transport: 'pty' },
  { seed: 8103, framing: 'x', transport: 'pty' },
] as const;

describe('chaos schedule (short)', () => {
  let cardReceipts = 0;
  for (const s of SCHEDULE) {
    it(`seed ${s.seed}: ${s.framing} over ${s.transport} ends 0/0/0/0/0`, async () => {
      const r = await runChaos({ ...s, seconds: 14, resolveSeconds: 15, faultGapMs: 900 });
      process.stdout.write(`${r.line}\n`);
      const v = r.verdict;
      const c = v.card;
      const summary = {
        lost: v.lost,
        duplicates: v.duplicates,
        orphans: v.orphans,
        open: v.open,
        wrong_totals: v.wrongTotals,
        unresolved: v.unresolved,
        strays: v.strays,
        charges_without_receipt: c?.chargesWithoutReceipt,
        receipts_without_charge: c?.receiptsWithoutCharge,
        charged_twice: c?.chargedTwice,
        pending_voids: c?.pendingVoids,
      };
      expect(summary, `${r.line}\n${v.findings.join('\n')}`).toEqual({
        lost: 0,
        duplicates: 0,
        orphans: 0,
        open: 0,
        wrong_totals: 0,
        unresolved: 0,
        strays: 0,
        charges_without_receipt: 0,
        receipts_without_charge: 0,
        charged_twice: 0,
        pending_voids: 0,
      });
      // The run really exercised something: requests answered and faults fired.
      expect(v.requests).toBeGreaterThan(5);
      expect(r.monkey.hubKills + r.monkey.powerCuts).toBeGreaterThan(0);
      cardReceipts += c?.receipts ?? 0;
    }, 60_000);
  }

  it('the schedule printed receipts paid by card', () => {
    expect(cardReceipts).toBeGreaterThan(0);
  });
});
