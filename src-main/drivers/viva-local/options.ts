/** `config.options` of a Viva Local Terminal API terminal (zod). Times in ms. */
import { z } from 'zod';
import { RON_CURRENCY_CODE } from '../../protocols/viva-local/messages.js';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

export const VivaLocalOptions = z.object({
  /** The terminal's API scheme: plain HTTP, or HTTPS with the terminal's own (self-signed) certificate. */
  scheme: z.enum(['http', 'https']).default('http'),
  /** ISO 4217 numeric currency of the merchant account (946 = RON). */
  currency_code: z.string().regex(/^\d{3}$/, 'must be a 3-digit ISO 4217 numeric code').default(RON_CURRENCY_CODE),
  /** Shown as the terminal's id until it reports its own TID. */
  terminal_id: z.string().min(1).max(32).optional(),
  /** How often the session is polled while the customer pays. */
  poll_ms: ms(10, 10_000).default(1000),
  /** Timeout of one HTTP request. */
  request_timeout_ms: ms(100, 120_000).default(10_000),
  /** How long the customer may take; then FisCool aborts the payment. */
  sale_timeout_ms: ms(1000, 900_000).default(180_000),
  /** After an abort (or with no answer at all) how long to wait for the final state before it is in doubt. */
  abort_grace_ms: ms(100, 300_000).default(15_000),
  /** Polls failing for this long in a row: the outcome is in doubt (FisCool asks again later). */
  lost_answer_ms: ms(100, 600_000).default(15_000),
  /** Let the terminal show its own result and receipt screens. */
  show_transaction_result: z.boolean().default(true),
  show_receipt: z.boolean().default(true),
  /** How long a receipt waits for a card payment in doubt to be settled before it gives up (pipeline). */
  in_doubt_wait_ms: ms(0, 600_000).optional(),
});
export type VivaLocalOptions = z.infer<typeof VivaLocalOptions>;

export function parseVivaLocalOptions(raw: unknown): VivaLocalOptions {
  const parsed = VivaLocalOptions.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`Viva terminal options: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}
