/**
 * Operations with an effect other than a receipt (Z report, cash in/out, non-fiscal receipt), each sent once: when
 * the answer is lost, the register's own counters or state say whether it took effect — never a second blind send,
 * which a register that lost power in between would execute again.
 */
import { DeviceError } from '../../domain/error-codes.js';
import type { ExecContext } from '../../domain/driver-contract.js';
import type { ReportTotals } from '../../domain/results.js';
import type { DatecsCommands } from './commands.js';
import { inDoubt } from './receipt-flow.js';

const TRIES = 3;

/** Report totals as the register gives them: per VAT group (and the receipt count on X firmware). Payment totals
 * are not read back (cmd 110 layout unverified on Romanian firmware), so `by_payment` stays empty. */
export function totalsOf(r: { by_vat_group: Record<string, number>; receipts?: number }): ReportTotals {
  const by = r.by_vat_group;
  return { by_vat_group: by, by_payment: {}, receipts: r.receipts ?? 0, refunds_cents: 0, total_cents: Object.values(by).reduce((a, b) => a + b, 0) };
}

const lost = (e: unknown): e is DeviceError => e instanceof DeviceError && e.mayHaveActed;

/** Z report. A lost answer: the Z counter moved ⇒ made (its totals were in the lost answer: null); else send again. */
export async function zReport(cmd: DatecsCommands, ctx: ExecContext): Promise<{ z_number: number; totals: ReportTotals | null }> {
  const before = ctx.counters?.z_number ?? (await cmd.receiptCounters()).z_number;
  for (let tries = 1; ; tries++) {
    try {
      const r = await cmd.report('Z');
      return { z_number: r.number, totals: totalsOf(r) };
    } catch (e) {
      if (!lost(e)) throw e;
      let now: number;
      try {
        now = (await cmd.receiptCounters()).z_number;
      } catch (e2) {
        throw inDoubt('the Z report lost its answer and the Z counter cannot be read', e2);
      }
      if (now === before + 1) return { z_number: now, totals: null };
      if (now !== before) throw inDoubt(`after the Z report the Z counter went from ${before} to ${now}`, e);
      if (tries >= TRIES) throw new DeviceError('DEVICE_UNREACHABLE', `the Z report was not made: ${e.message}`, { mayHaveActed: false });
    }
  }
}

/** Cash in/out. A lost answer: the register's cash-in (or cash-out) sum says whether it was booked. */
export async function cashOperation(cmd: DatecsCommands, kind: 'in' | 'out', cents: number, ctx: ExecContext): Promise<{ cash_in_drawer_cents: number }> {
  const sum = (c: { cash_in: number; cash_out: number }) => (kind === 'in' ? c.cash_in : c.cash_out);
  const handed = ctx.counters;
  const before = handed?.cash_in_cents !== undefined && handed.cash_out_cents !== undefined
    ? kind === 'in' ? handed.cash_in_cents : handed.cash_out_cents
    : sum(await cmd.cashSums());
  for (let tries = 1; ; tries++) {
    try {
      return { cash_in_drawer_cents: (await cmd.cash(kind, cents)).drawer };
    } catch (e) {
      if (!lost(e)) throw e;
      let now: { drawer: number; cash_in: number; cash_out: number };
      try {
        now = await cmd.cashSums();
      } catch (e2) {
        throw inDoubt(`the cash ${kind} lost its answer and the cash sums cannot be read`, e2);
      }
      if (sum(now) === before + cents) return { cash_in_drawer_cents: now.drawer };
      if (sum(now) !== before) throw inDoubt(`after the cash ${kind} of ${cents} cents the register's sum went from ${before} to ${sum(now)}`, e);
      if (tries >= TRIES) throw new DeviceError('DEVICE_UNREACHABLE', `the cash ${kind} was not booked: ${e.message}`, { mayHaveActed: false });
    }
  }
}

/** Open (38), text lines (42), close (39). A lost open or close answer is settled from the open-receipt state. */
export async function printNonFiscal(cmd: DatecsCommands, lines: string[]): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await cmd.openNonFiscal();
      break;
    } catch (e) {
      if (!lost(e)) throw e;
      const st = await cmd.transaction().catch((e2: unknown) => {
        throw inDoubt('opening the non-fiscal receipt lost its answer', e2);
      });
      if (st.open === 'non_fiscal') break;
      if (st.open !== 'none' || tries >= TRIES) throw inDoubt(`after opening a non-fiscal receipt the register holds a ${st.open} receipt`, e);
    }
  }
  try {
    for (const line of lines) await cmd.nonFiscalText(line);
  } catch (e) {
    const closed = await closeNonFiscal(cmd).then(
      () => true,
      () => false,
    );
    // Left open, the non-fiscal receipt is closed by the pipeline as soon as the register can.
    if (!closed && e instanceof DeviceError) throw new DeviceError(e.code, e.message, { ...(e.deviceError ? { deviceError: e.deviceError } : {}), leftOpen: true });
    throw e;
  }
  await closeNonFiscal(cmd);
}

async function closeNonFiscal(cmd: DatecsCommands): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await cmd.closeNonFiscal();
      return;
    } catch (e) {
      if (!lost(e)) throw e;
      const st = await cmd.transaction().catch((e2: unknown) => {
        throw inDoubt('closing the non-fiscal receipt lost its answer', e2);
      });
      if (st.open === 'none') return;
      if (tries >= TRIES) throw inDoubt('the non-fiscal receipt stays open', e);
    }
  }
}
