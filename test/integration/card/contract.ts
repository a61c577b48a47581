/**
 * describeCardTerminal(name, factory): the contract every card-terminal family passes, each case checked against
 * the terminal's own log (the witness). Operations a family cannot do are asserted to be refused without touching
 * the terminal, so no case is skipped.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PosDriverOperation } from '../../../src-main/domain/operations.js';
import { PosOperation } from '../../../src-main/domain/operations.js';
import type { PosInquiry, PosResult } from '../../../src-main/domain/results.js';
import type { PosTransaction } from '../../../src-main/emulators/pos/pos-types.js';
import { errorOf, posCtx, tempStateDir, type CardTerminalHarness, type HarnessFactory } from './harness.js';

const op = (o: unknown): PosDriverOperation => PosOperation.parse(o);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function describeCardTerminal(name: string, factory: HarnessFactory): void {
  describe(`card terminal contract: ${name}`, () => {
    let state: ReturnType<typeof tempStateDir>;
    let h: CardTerminalHarness;
    beforeEach(async () => {
      state = tempStateDir();
      h = await factory(state.dir);
      await h.driver.connect();
    });
    afterEach(async () => {
      await h.close();
      state.remove();
    });

    const witness = (reference: string): PosTransaction[] => h.terminal.transactions().filter((t) => h.referenceOf(t) === reference);
    const sale = (amount: number, reference = randomUUID(), ctx = posCtx()) =>
      h.driver.execute(op({ type: 'sale', amount, reference }), ctx) as Promise<PosResult>;
    const original = (p: PosResult) => ({ rrn: p.rrn, transaction_id: p.transaction_id ?? null, amount_cents: p.amount_cents ?? null, kind: 'sale' as const, reference: p.reference ?? null });
    /** Ask until the terminal answers something other than "in progress" (an answer may still be lost for a while). */
    async function inquireSettled(reference: string): Promise<PosInquiry> {
      const end = Date.now() + 5000;
      for (;;) {
        try {
          const q = await h.driver.inquire(reference);
          if (q.state !== 'in_progress') return q;
        } catch (e) {
          if (Date.now() > end) throw e;
        }
        if (Date.now() > end) throw new Error('the terminal never settled');
        await sleep(50);
      }
    }

    it('connects, answers the liveness probe and reports its status', async () => {
      await h.driver.ping();
      expect(await h.driver.execute(op({ type: 'get_status' }), posCtx())).toMatchObject({ online: true, busy: false });
    });

    it('approves a sale: authorisation, RRN, card, slip text, the ECR reference; the terminal logged exactly it', async () => {
      const ref = randomUUID();
      const ctx = posCtx();
      const r = await sale(1234, ref, ctx);
      expect(r).toMatchObject({ approved: true, outcome: 'approved', amount_cents: 1234, kind: 'sale', reference: ref });
      expect(r.auth_code).toMatch(/^\d{6}$/);
      expect(r.rrn).toMatch(/^\d{12}$/);
      expect(r.card_masked).toMatch(/\*{6}\d{4}$/);
      expect(r.receipt_text.join('\n')).toContain('12.34');
      const [logged, ...more] = witness(ref);
      expect(more).toEqual([]);
      expect(logged).toMatchObject({ kind: 'sale', state: 'approved', amount_cents: 1234, rrn: r.rrn, auth_code: r.auth_code });
      expect(ctx.prompts[0]?.stage).toBe('waiting_for_card');
      expect(ctx.prompts.at(-1)?.stage).toBe('approved');
    });

    it('reports the stages of a payment that asks for the PIN', async () => {
      const ctx = posCtx();
      await sale(15_000, randomUUID(), ctx);
      const stages = ctx.prompts.map((p) => p.stage);
      expect(stages[0]).toBe('waiting_for_card');
      expect(stages.at(-1)).toBe('approved');
      if (h.reportsPinPrompt) expect(stages).toEqual(['waiting_for_card', 'pin', 'processing', 'approved']);
      else expect(stages).not.toContain('pin');
    });

    it('a declined card: POS_DECLINED with the reason and the slip; nothing approved on the terminal', async () => {
      const ref = randomUUID();
      const e = await errorOf(sale(2051, ref));
      expect(e.code).toBe('POS_DECLINED');
      expect(e.mayHaveActed).toBe(false);
      expect(String(e.deviceError?.text)).toMatch(/insufficient/i);
      expect(e.pos).toMatchObject({ approved: false, outcome: 'declined' });
      expect(e.pos?.receipt_text.length).toBeGreaterThan(0);
      expect(witness(ref).map((t) => t.state)).toEqual(['declined']);
      expect((await h.driver.inquire(ref)).state).toBe('declined');
    });

    it('cancelled by the customer: POS_CANCELLED; card timeout on the terminal: POS_TIMEOUT', async () => {
      const a = randomUUID();
      const b = randomUUID();
      expect((await errorOf(sale(2053, a))).code).toBe('POS_CANCELLED');
      expect((await errorOf(sale(2054, b))).code).toBe('POS_TIMEOUT');
      expect(witness(a).map((t) => t.state)).toEqual(['cancelled']);
      expect(witness(b).map((t) => t.state)).toEqual(['timeout']);
      expect((await h.driver.inquire(a)).state).toBe('cancelled');
      expect((await h.driver.inquire(b)).state).toBe('timeout');
    });

    it('a terminal that never answers: POS_UNREACHABLE in doubt; the inquiry says it never started; nothing logged', async () => {
      const ref = randomUUID();
      const e = await errorOf(sale(2052, ref));
      expect(e).toMatchObject({ code: 'POS_UNREACHABLE', mayHaveActed: true });
      expect((await h.driver.inquire(ref)).state).toBe('not_found');
      expect(witness(ref)).toEqual([]);
    });

    it('approved but the answer is lost: in doubt, then the inquiry finds the approval the terminal logged', async () => {
      const ref = randomUUID();
      const e = await errorOf(sale(2055, ref));
      expect(e).toMatchObject({ code: 'POS_UNREACHABLE', mayHaveActed: true });
      const q = await inquireSettled(ref);
      const [logged] = witness(ref);
      expect(logged?.state).toBe('approved');
      expect(q).toMatchObject({ state: 'approved', transaction: { approved: true, rrn: logged?.rrn, amount_cents: 2055 } });
    });

    it('a busy terminal: POS_BUSY and nothing started', async () => {
      h.terminal.faults.busy = true;
      const ref = randomUUID();
      expect((await errorOf(sale(1000, ref))).code).toBe('POS_BUSY');
      h.terminal.faults.busy = false;
      expect(witness(ref)).toEqual([]);
    });

    it('aborts a payment while the terminal waits for the card; abort with nothing running changes nothing', async () => {
      expect(await h.driver.execute(op({ type: 'abort' }), posCtx())).toMatchObject({ requested: false, in_progress: false });
      h.terminal.delays = { ...h.terminal.delays, card_ms: 3000 };
      const ref = randomUUID();
      const running = errorOf(sale(1500, ref));
      for (let i = 0; i < 200 && h.terminal.current()?.stage !== 'waiting_for_card'; i++) await sleep(10);
      expect(await h.driver.execute(op({ type: 'abort' }), posCtx())).toMatchObject({ requested: true, in_progress: true, reference: ref });
      expect((await running).code).toBe('POS_CANCELLED');
      expect(witness(ref).map((t) => t.state)).toEqual(['cancelled']);
    });

    it('an abort that comes after the card was read does not stop the payment: it is approved and says so', async () => {
      h.terminal.delays = { ...h.terminal.delays, auth_ms: 250 };
      const ref = randomUUID();
      const running = sale(1600, ref);
      for (let i = 0; i < 200 && h.terminal.current()?.stage !== 'processing'; i++) await sleep(10);
      await h.driver.execute(op({ type: 'abort' }), posCtx());
      expect(await running).toMatchObject({ approved: true });
      expect(witness(ref).map((t) => t.state)).toEqual(['approved']);
    });

    it('refunds part of a sale (referenced), and refuses more than what is left', async () => {
      const s = await sale(3000);
      const ref = randomUUID();
      const r = (await h.driver.execute({ ...op({ type: 'refund', amount: 1000, reference: ref }), original: original(s) }, posCtx())) as PosResult;
      expect(r).toMatchObject({ approved: true, kind: 'refund', amount_cents: 1000 });
      const [logged] = witness(ref);
      expect(logged).toMatchObject({ kind: 'refund', state: 'approved', amount_cents: 1000 });
      const saleTx = h.terminal.transactions().find((t) => t.rrn === s.rrn);
      expect(logged?.original_txid).toBe(saleTx?.txid);
      const over = randomUUID();
      const e = await errorOf(h.driver.execute({ ...op({ type: 'refund', amount: 2500, reference: over }), original: original(s) }, posCtx()));
      expect(e.code).toBe('DEVICE_REJECTED');
      expect(witness(over).every((t) => !t.approved)).toBe(true);
    });

    it('an unreferenced refund: done by families that can, refused without touching the terminal by the others', async () => {
      const ref = randomUUID();
      const before = h.terminal.transactions().length;
      const run = h.driver.execute(op({ type: 'refund', amount: 700, reference: ref }), posCtx());
      if (h.driver.capabilities.has('refund_unreferenced')) {
        expect(await run).toMatchObject({ approved: true, kind: 'refund' });
        expect(witness(ref).map((t) => t.state)).toEqual(['approved']);
      } else {
        expect((await errorOf(run)).code).toBe('NOT_SUPPORTED');
        expect(h.terminal.transactions().length).toBe(before);
      }
    });

    it('voids a sale by reference once; the terminal shows it reversed', async () => {
      const s = await sale(4000);
      const ref = randomUUID();
      const v = (await h.driver.execute({ ...op({ type: 'void', rrn: s.rrn, reference: ref }), original: original(s) }, posCtx())) as PosResult;
      expect(v).toMatchObject({ approved: true });
      const saleTx = h.terminal.transactions().find((t) => t.rrn === s.rrn)!;
      expect(h.terminal.isReversed(saleTx.txid)).toBe(true);
      const again = randomUUID();
      expect((await errorOf(h.driver.execute({ ...op({ type: 'void', rrn: s.rrn, reference: again }), original: original(s) }, posCtx()))).code).toBe('DEVICE_REJECTED');
      expect(witness(again).every((t) => !t.approved)).toBe(true);
      expect(h.terminal.transactions().filter((t) => t.state === 'approved' && t.original_txid === saleTx.txid)).toHaveLength(1);
    });

    it('voids "the last one" itself, or refuses so the pipeline names it from the journal', async () => {
      const s = await sale(4100);
      const run = h.driver.execute(op({ type: 'void', reference: randomUUID() }), posCtx());
      const saleTx = h.terminal.transactions().find((t) => t.rrn === s.rrn)!;
      if (h.driver.capabilities.has('void_last')) {
        expect(await run).toMatchObject({ approved: true });
        expect(h.terminal.isReversed(saleTx.txid)).toBe(true);
      } else {
        expect((await errorOf(run)).code).toBe('DEVICE_REJECTED');
        expect(h.terminal.isReversed(saleTx.txid)).toBe(false);
      }
    });

    it('settles the batch with the totals of its log, or says the family has no settlement', async () => {
      await sale(1000);
      await sale(2500);
      const run = h.driver.execute(op({ type: 'settlement' }), posCtx());
      if (h.driver.capabilities.has('settlement')) {
        expect(await run).toMatchObject({ count: 2, total_cents: 3500, refunds_cents: 0, batch_number: 1 });
        expect(h.terminal.batch).toBe(2);
      } else {
        expect((await errorOf(run)).code).toBe('NOT_SUPPORTED');
      }
    });

    it('never starts two transactions with one reference', async () => {
      const ref = randomUUID();
      await sale(1100, ref);
      const e = await errorOf(sale(1100, ref));
      expect(e.code).toBe('DEVICE_REJECTED');
      expect(e.deviceError?.code).toBe('REFERENCE_USED');
      expect(witness(ref)).toHaveLength(1);
    });

    it('answers a status inquiry by reference: not found, approved', async () => {
      expect(await h.driver.inquire(randomUUID())).toMatchObject({ state: 'not_found' });
      const ref = randomUUID();
      const s = await sale(1200, ref);
      expect(await h.driver.inquire(ref)).toMatchObject({ state: 'approved', transaction: { rrn: s.rrn, amount_cents: 1200 } });
    });

    it('a power cut while waiting for the card: in doubt, then the inquiry says it failed; never approved', async () => {
      h.terminal.faults.power_cut_at = 'waiting_for_card';
      const ref = randomUUID();
      expect(await errorOf(sale(1300, ref))).toMatchObject({ code: 'POS_UNREACHABLE', mayHaveActed: true });
      const q = await inquireSettled(ref);
      expect(q.state).toBe('failed');
      expect(witness(ref).map((t) => t.state)).toEqual(['interrupted']);
    });

    it('a power cut right after the approval: in doubt, then the inquiry finds the approval', async () => {
      h.terminal.faults.power_cut_at = 'approved';
      const ref = randomUUID();
      expect(await errorOf(sale(1400, ref))).toMatchObject({ code: 'POS_UNREACHABLE', mayHaveActed: true });
      expect((await inquireSettled(ref)).state).toBe('approved');
      expect(witness(ref).map((t) => t.state)).toEqual(['approved']);
    });

    it('keeps its log across a restart and still answers inquiries about earlier transactions', async () => {
      const ref = randomUUID();
      const s = await sale(1700, ref);
      h = await h.restart();
      await h.driver.connect();
      expect(await h.driver.inquire(ref)).toMatchObject({ state: 'approved', transaction: { rrn: s.rrn } });
      expect(witness(ref).map((t) => t.state)).toEqual(['approved']);
    });
  });
}
