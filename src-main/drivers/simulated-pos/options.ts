/** `config.options` of the simulated card terminal (zod): terminal id, amount rules, customer delays, timeout. */
import { z } from 'zod';

const suffixes = z.array(z.string().regex(/^\d{2}$/, 'must be two digits (the cents of the amount)')).max(100);
const ms = z.number().int().min(0).max(600_000);

export const SimulatedPosOptions = z.object({
  terminal_id: z.string().min(1).max(16).optional(),
  decline_suffixes: suffixes.optional(),
  timeout_suffixes: suffixes.optional(),
  cancel_suffixes: suffixes.optional(),
  card_timeout_suffixes: suffixes.optional(),
  answer_lost_suffixes: suffixes.optional(),
  pin_above_cents: z.number().int().min(0).optional(),
  decline_above_cents: z.number().int().min(0).nullable().optional(),
  delays: z.strictObject({ card_ms: ms.optional(), pin_ms: ms.optional(), auth_ms: ms.optional() }).optional(),
  /** How long the driver waits for the terminal to make progress before the outcome is in doubt. */
  timeout_ms: z.number().int().min(1).max(600_000).optional(),
});
export type SimulatedPosOptions = z.infer<typeof SimulatedPosOptions>;

/** Parse options, or throw naming the field. */
export function parseSimulatedPosOptions(raw: unknown): SimulatedPosOptions {
  const parsed = SimulatedPosOptions.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`simulated card terminal options: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}
