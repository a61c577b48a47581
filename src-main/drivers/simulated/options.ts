/** `config.options` of a simulated fiscal device: one zod schema validates them at save time and gives the driver its settings. */
import { z } from 'zod';
import type { TimingProfile } from '../../emulators/virtual-register/register-api.js';
import type { VatRates } from '../../domain/vat.js';
import { resolveTiming } from './timing.js';

const Timing = z.union([
  z.enum(['zero', 'realistic']),
  z.strictObject({ baud: z.number().min(0), per_line_ms: z.number().min(0), per_command_ms: z.number().min(0) }),
]);

export const SimulatedOptionsSchema = z.strictObject({
  /** 'zero' (default: no waiting), 'realistic' (115200 baud, 25 ms a line, 2 ms a command) or a TimingProfile. */
  timing: Timing.optional().meta({ title: 'Timing', description: 'zero = instant answers; realistic = the time a real register takes (115200 baud, 25 ms a line)' }),
  /** VAT group letter → basis points, e.g. { A: 1900, B: 500, C: 0 } for the seed examples. */
  vat_rates: z.record(z.string().regex(/^[A-H]$/), z.number().int().min(0).max(10_000)).optional(),
  serial: z.string().min(1).max(20).optional().meta({ title: 'Serial number', description: 'The serial number the simulated register reports' }),
  /** Inject a paper-out fault at this printed line when the driver is created. */
  paper_out_at_line: z.number().int().min(1).optional(),
  fiscal_memory_capacity: z.number().int().min(1).optional().meta({ title: 'Fiscal memory (Z reports)', description: 'How many Z reports fit in the simulated fiscal memory' }),
  headers: z.array(z.string().max(42)).max(10).optional(),
});

export interface SimulatedOptions {
  timing: TimingProfile;
  vat_rates?: VatRates;
  serial?: string;
  paper_out_at_line?: number;
  fiscal_memory_capacity?: number;
  headers?: string[];
}

export function parseSimulatedOptions(raw: Record<string, unknown> | undefined): SimulatedOptions {
  const r = SimulatedOptionsSchema.safeParse(raw ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`simulated device options: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  const o = r.data;
  return {
    timing: resolveTiming(o.timing),
    ...(o.vat_rates ? { vat_rates: o.vat_rates } : {}),
    ...(o.serial !== undefined ? { serial: o.serial } : {}),
    ...(o.paper_out_at_line !== undefined ? { paper_out_at_line: o.paper_out_at_line } : {}),
    ...(o.fiscal_memory_capacity !== undefined ? { fiscal_memory_capacity: o.fiscal_memory_capacity } : {}),
    ...(o.headers ? { headers: o.headers } : {}),
  };
}
