/**
 * What validation needs from a device family whose operations differ from the standard set (Caspos today; the
 * family descriptors of issue 10 will carry it): the operations it accepts, and its own checks after the schema.
 * Validation applies them before anything is queued, so what the device cannot do is refused with an error naming
 * the operation, the field and the device. Pure.
 */
import type { z } from 'zod';

export type FamilyCheck =
  { ok: true; operation: Record<string, unknown> & { type: string } } | { ok: false; path: string; message: string };

export interface FamilyRules {
  /** Names the device in refusals, e.g. `Caspos device "Kassa 1"`. */
  label: string;
  /** Every operation type the device accepts. */
  operationTypes: readonly string[];
  /** The schema of those operations (a discriminated union on `type`). */
  schema: z.ZodType<Record<string, unknown> & { type: string }>;
  /** After the schema: the family's own checks and normalisation (VAT resolved to the device's letter, …). */
  check(operation: Record<string, unknown> & { type: string }): FamilyCheck;
}
