/** `config.options` of a simulated fiscal device, validated. Unknown keys are ignored (options are shared). */
import { z } from 'zod';
import type { TimingProfile } from '../../emulators/virtual-register/register-api.js';
import type { VatRates } from '../../domain/vat.js';
import { resolveTiming } from './timing.js';

const Options = z.object({
  /** 'zero' (default: no waiting), 'realistic' (115200 baud, 25 ms a line, 2 ms a command) or a TimingProfile. */
  timing: z.unknown().optional(),
  /** VAT group letter → basis points, e.g. { A: 1900, B: 500, C: 0 } for the seed examples. */
  vat_rates: z.record(z.string().regex(/^[A-H]$/), z.number().int().min(0).max(10_000)).optional(),
  serial: z.string().min(1).max(20).optional(),
  /** Inject a paper-out fault at this printed line when the driver is created. */
  paper_out_at_line: z.number().int().min(1).optional(),
  fiscal_memory_capacity: z.number().int().min(1).optional(),
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
  const r = Options.safeParse(raw ?? {});
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
