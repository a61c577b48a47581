/**
 * The options of the simulated register a person sets in the device editor (`config.options`), described once for the
 * editor and the save check. Test-only options (vat_rates, paper_out_at_line, headers, a custom timing profile) stay
 * allowed: the object is loose and parseSimulatedOptions() reads them.
 */
import { z } from 'zod';

export const SIMULATED_OPTIONS = z.looseObject({
  timing: z
    .union([z.enum(['zero', 'realistic']), z.record(z.string(), z.unknown())])
    .optional()
    .meta({
      title: 'Timing',
      description: 'zero = instant answers; realistic = the time a real register takes (115200 baud, 25 ms a line)',
    }),
  serial: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .meta({ title: 'Serial number', description: 'The serial number the simulated register reports' }),
  fiscal_memory_capacity: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ title: 'Fiscal memory (Z reports)', description: 'How many Z reports fit in the simulated fiscal memory' }),
});
