/**
 * `config.options` of a Caspos device (zod): the integration user, the shift policy, the VAT letter table, the
 * cashier's name on documents, the HTTP timeout. `username` and `password` are secrets: stored sealed (see
 * settings/secret-options.ts), opened only when the driver is built, never returned by the API nor logged.
 */
import { z } from 'zod';
import { DEFAULT_VAT_TYPES, VAT_TYPES, isVatType, type VatType } from '../../protocols/caspos/tables.js';

export const CASPOS_SECRET_OPTIONS = ['username', 'password'] as const;

export const CasposOptions = z.object({
  username: z.string().min(1).max(100).optional(),
  password: z.string().min(1).max(200).optional(),
  /** A fiscal document on a closed shift opens one first (default on). */
  auto_open_shift: z.boolean().default(true),
  /** FisCool VAT letter → Caspos vatType (1 ƏDV 18%, 2 trade supplement 18%, 3 VAT-free, 5 0%, 6 simplified 2%, 7 simplified 8%). */
  vat_types: z
    .record(
      z.string().regex(/^[A-H]$/, 'VAT letters are A–H'),
      z.number().int().refine(isVatType, 'vatType must be 1, 2, 3, 5, 6 or 7'),
    )
    .default(DEFAULT_VAT_TYPES),
  /** Printed as `cashierName` when an operation names no cashier. */
  cashier_name: z.string().trim().min(1).max(100).default('Kassir'),
  /** How long one request may take (printing included), ms. */
  timeout_ms: z.number().int().min(500).max(300_000).default(30_000),
});
export type CasposOptions = z.infer<typeof CasposOptions> & { vat_types: Record<string, VatType> };

export function parseCasposOptions(raw: Record<string, unknown> | undefined): CasposOptions {
  const r = CasposOptions.safeParse(raw ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    // Never echo option values: they may be credentials.
    throw new Error(`Caspos device options: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  return r.data as CasposOptions;
}

/** VAT letter → basis points, as `vat_rates` shows for every device. */
export function vatRatesOf(table: Record<string, VatType>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [letter, t] of Object.entries(table)) out[letter] = VAT_TYPES[t].basis_points;
  return out;
}
