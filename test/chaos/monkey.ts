/**
 * The chaos monkey and the cashier. The monkey, at seeded random moments, SIGKILLs the hub (sometimes again during
 * its start-up reconciliation), cuts the register's power (now, or aimed at a command: executed then no answer, or
 * not executed), with and without replay memory, and arms wire faults aimed at receipt commands and occurrences:
 * NAK storms, garbled answers, noise, answers dropped after execution, disconnects, paper out or cover open at a
 * line, slow answers; with card payments on, it also SIGKILLs the hub at a chosen moment of a card transaction
 * (`cardkill`: a charge or a void in progress on the terminal inside the hub, or just approved). The cashier
 * reloads paper and closes the cover a little while after they happen.
 */
import type { Prng } from './prng.js';
import { CARD_MOMENTS, type CardMoment } from '../helpers/terminal-watch.js';

export const FAULT_FAMILIES = ['kill', 'power', 'nak', 'nakdrop', 'garble', 'noise', 'drop', 'disconnect', 'paper', 'cover', 'slow'] as const;
/** Families that need card payments on a linked terminal (added to the default families when they are on). */
export const CARD_FAULT_FAMILIES = ['cardkill'] as const;
export const ALL_FAULT_FAMILIES = [...FAULT_FAMILIES, ...CARD_FAULT_FAMILIES] as const;
export type FaultFamily = (typeof ALL_FAULT_FAMILIES)[number];

/** Receipt-flow commands worth aiming at, per framing (state reads, open, sale, text, subtotal, pay, close, cancel). */
const AIM: Record<'x' | 'classic', number[]> = {
  x: [76, 123, 48, 49, 49, 49, 54, 51, 53, 56, 56, 60, 62],
  classic: [0x4c, 0x71, 0x40, 0x30, 0x31, 0x31, 0x31, 0x36, 0x33, 0x35, 0x38, 0x38, 0x3c, 0x3e],
};

/** Commands that change the register (open, sale, pay, close): where a lost answer or a power cut hurts most. */
const MUTATING: Record<'x' | 'classic', number[]> = { x: [48, 49, 53, 56, 56], classic: [0x30, 0x31, 0x35, 0x38, 0x38] };
const CLOSE: Record<'x' | 'classic', number[]> = { x: [56, 56, 53, 49], classic: [0x38, 0x38, 0x35, 0x31] };

/** The hub's Datecs driver sends a command at most this many times (device option max_attempts in run.ts). */
export const DRIVER_ATTEMPTS = 5;

export interface MonkeyStats {
  hubKills: number;
  startupKills: number;
  powerCuts: number;
  powerCutsReplayKept: number;
  powerCutsReplayLost: number;
  faults: Record<FaultFamily, number>;
  /** Hub kills that hit their moment of a card transaction (`cardkill`; also counted in hubKills). */
  cardKills: number;
  cashierFixes: number;
}

export interface MonkeyDeps {
  rng: Prng;
  framing: 'x' | 'classic';
  families: readonly FaultFamily[];
  control(line: string): Promise<unknown>;
  /** SIGKILL the hub and start it again; `again` = kill the new one too after `againMs` (during its start-up). */
  killHub(againMs: number | null): Promise<void>;
  /** Wait (a while) for this moment of a card transaction and SIGKILL the hub then; false when it did not come. */
  killHubAt?(moment: CardMoment): Promise<boolean>;
  stopped(): boolean;
}

export const newMonkeyStats = (): MonkeyStats => ({
  hubKills: 0,
  startupKills: 0,
  powerCuts: 0,
  powerCutsReplayKept: 0,
  powerCutsReplayLost: 0,
  faults: Object.fromEntries(ALL_FAULT_FAMILIES.map((f) => [f, 0])) as Record<FaultFamily, number>,
  cardKills: 0,
  cashierFixes: 0,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function shuffle<T>(rng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

export async function runMonkey(d: MonkeyDeps, stats: MonkeyStats, meanGapMs: number): Promise<void> {
  const { rng } = d;
  if (d.families.length === 0) return;
  // Families come out of a shuffled bag, refilled when empty: every family shows up in each round of faults.
  let bag: FaultFamily[] = [];
  while (!d.stopped()) {
    await sleep(rng.int(Math.round(meanGapMs / 3), Math.round((meanGapMs * 5) / 3)));
    if (d.stopped()) return;
    if (bag.length === 0) bag = shuffle(rng, [...d.families]);
    const family = bag.pop() as FaultFamily;
    stats.faults[family]++;
    const aim = () => (rng.chance(0.85) ? { cmd: rng.pick(AIM[d.framing]), occurrence: rng.int(1, 3) } : { occurrence: rng.int(1, 6) });
    const fault = (f: Record<string, unknown>) => d.control(`fault ${JSON.stringify(f)}`);
    try {
      switch (family) {
        case 'kill':
          await d.killHub(rng.chance(0.35) ? rng.int(100, 3000) : null);
          break;
        case 'cardkill':
          if (await d.killHubAt?.(rng.pick(CARD_MOMENTS))) stats.cardKills++;
          break;
        case 'power': {
          const keep = rng.chance(0.4);
          await d.control(`replay-memory ${keep ? 'keep' : 'ram'}`);
          // Mostly back within the driver's resend window (the hardest case), sometimes longer.
          const ms = rng.chance(0.7) ? rng.int(150, 900) : rng.int(900, 3000);
          if (rng.chance(0.25)) await d.control(`power-cut ${ms}`);
          else await fault({ kind: 'power_cut', cmd: rng.pick(MUTATING[d.framing]), occurrence: rng.int(1, 3), execute: rng.chance(0.8), duration_ms: ms });
          stats.powerCuts++;
          if (keep) stats.powerCutsReplayKept++;
          else stats.powerCutsReplayLost++;
          break;
        }
        case 'nak':
          await fault({ kind: 'nak', ...aim(), count: rng.chance(0.3) ? rng.int(6, 30) : rng.int(1, 4) });
          break;
        case 'nakdrop': {
          // Issue 8, finding 1: every send of a command is NAKed, then the command sent again executes and its
          // answers are lost.
          const cmd = rng.pick(CLOSE[d.framing]);
          await fault({ kind: 'nak', cmd, count: DRIVER_ATTEMPTS });
          await fault({ kind: 'drop', cmd, occurrence: 2, count: rng.chance(0.5) ? rng.int(1, 3) : rng.int(DRIVER_ATTEMPTS, 12) });
          break;
        }
        case 'garble':
          await fault({ kind: 'garble', ...aim(), count: rng.int(1, 3) });
          break;
        case 'noise':
          await fault({ kind: 'noise', ...aim(), count: rng.int(1, 2), bytes: rng.int(3, 40) });
          break;
        case 'drop':
          await fault({ kind: 'drop', cmd: rng.pick(rng.chance(0.6) ? MUTATING[d.framing] : AIM[d.framing]), occurrence: rng.int(1, 3), count: rng.chance(0.3) ? rng.int(5, 12) : rng.int(1, 3) });
          break;
        case 'disconnect':
          await fault({ kind: 'disconnect', ...aim(), execute: rng.chance(0.7), duration_ms: rng.int(100, 2000) });
          break;
        case 'paper':
          await fault({ kind: 'paper_out', ...aim(), at_line: rng.int(1, 40) });
          break;
        case 'cover':
          await fault({ kind: 'cover_open', ...aim(), at_line: rng.int(1, 40) });
          break;
        case 'slow':
          await fault({ kind: 'slow', ...aim(), delay_ms: rng.int(200, 3000), syn: rng.chance(0.5), count: 1 });
          break;
      }
    } catch {
      // the emulator's control port refused (should not happen): the fault simply did not happen
    }
  }
}

/** The cashier: sees the paper out or the cover open, and fixes it after a while. */
export async function runCashier(d: Pick<MonkeyDeps, 'rng' | 'control' | 'stopped'>, stats: MonkeyStats): Promise<void> {
  while (!d.stopped()) {
    await sleep(250);
    let faults: { paper_out?: boolean; cover_open?: boolean } = {};
    try {
      faults = ((await d.control('status')) as { faults: typeof faults }).faults;
    } catch {
      continue;
    }
    if (!faults.paper_out && !faults.cover_open) continue;
    await sleep(d.rng.int(500, 4000));
    try {
      if (faults.paper_out) await d.control('load-paper');
      if (faults.cover_open) await d.control('cover close');
      stats.cashierFixes++;
    } catch {
      // try again on the next round
    }
  }
}
