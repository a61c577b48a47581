/**
 * Card payments of the chaos traffic: a seeded share of the requests pays all or part of its total by card on the
 * terminal linked to the chaos register. The card amount's last two digits pick what the simulated terminal's bank
 * does with it (its own amount rules, DEFAULT_POS_RULES: declined, never answered, cancelled by the customer, no
 * card presented, approved with the answer lost), so a seeded share of the charges goes wrong. Pure.
 */
import { DEFAULT_POS_RULES, ruleFor, type PosRule } from '../../src-main/emulators/pos/pos-types.js';
import type { Prng } from './prng.js';

export interface CardOptions {
  /** Share of the requests that pay by card (0–1). */
  share: number;
  /** Share of the card payments whose amount the terminal's rules make go wrong (0–1). */
  trouble: number;
}

export const DEFAULT_CARD: CardOptions = { share: 0.35, trouble: 0.35 };

/** The suffixes (cents) the terminal treats specially, one per rule, and the ones it simply approves. */
const RULES = DEFAULT_POS_RULES;
const TROUBLE_SUFFIXES = [...RULES.decline_suffixes, ...RULES.timeout_suffixes, ...RULES.cancel_suffixes, ...RULES.card_timeout_suffixes, ...RULES.answer_lost_suffixes].map(Number);
const PLAIN_SUFFIXES = Array.from({ length: 100 }, (_, i) => i).filter((s) => !TROUBLE_SUFFIXES.includes(s));

/** What the terminal will do with a charge of this amount (no amount limit in the chaos terminal). */
export const cardRule = (amountCents: number): PosRule => ruleFor(amountCents, RULES);

interface PlanItem {
  price_cents: number;
  qty: number;
}

/**
 * Decide the card part of a request whose items are drawn: none, all (the first item is re-priced so the total
 * ends in the chosen cents) or part (the rest in cash). Mutates `items[0]` for an all-card payment.
 */
export function planCard(items: PlanItem[], rng: Prng, o: CardOptions): number {
  if (!rng.chance(o.share)) return 0;
  const suffix = rng.chance(o.trouble) ? rng.pick(TROUBLE_SUFFIXES) : rng.pick(PLAIN_SUFFIXES);
  const total = items.reduce((s, it) => s + it.price_cents * it.qty, 0);
  const allCard = rng.chance(0.5) || total < 300;
  if (allCard) {
    const first = items[0] as PlanItem;
    const others = total - first.price_cents * first.qty;
    first.qty = 1;
    first.price_cents = Math.max(1, Math.floor(first.price_cents / 100)) * 100 + ((suffix - others) % 100 + 100) % 100;
    return items.reduce((s, it) => s + it.price_cents * it.qty, 0);
  }
  // Part by card: 1 ≤ hundreds < total/100, so the card part is at least 1.00 and below the total.
  return 100 * rng.int(1, Math.floor(total / 100) - 1) + suffix;
}
