/**
 * The options a Datecs register's configuration may carry (`config.options`), described once: the device editor is
 * generated from it (GET /manage/get_supported_devices → `options`, JSON Schema) and saves are checked against it.
 * Defaults are the ones readOptions() applies. Unknown keys are allowed (the options object is shared).
 */
import { z } from 'zod';

export const DATECS_OPTIONS = z.looseObject({
  protocol: z
    .enum(['auto', 'x', 'classic'])
    .optional()
    .meta({
      title: 'Protocol',
      description: 'Wire protocol generation: X (…MX/…X models), classic, or auto (X first, then classic)',
    }),
  operator: z
    .number()
    .int()
    .min(1)
    .max(30)
    .optional()
    .meta({ title: 'Operator', description: 'Operator number on the register (1–30)', default: 1 }),
  operator_password: z
    .string()
    .regex(/^\d{1,8}$/, 'must be 1 to 8 digits')
    .optional()
    .meta({ title: 'Operator password', description: 'The operator’s password on the register', default: '0000' }),
  till: z
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .meta({ title: 'Till number', description: 'Till (workplace) number printed on receipts', default: 1 }),
  text_width: z
    .number()
    .int()
    .min(16)
    .max(64)
    .optional()
    .meta({
      title: 'Text width',
      description: 'Characters per line of non-fiscal text (longer lines wrap)',
      default: 30,
    }),
  timeout_ms: z
    .number()
    .int()
    .min(100)
    .max(10_000)
    .optional()
    .meta({ title: 'Answer timeout (ms)', description: 'How long to wait for each answer', default: 500 }),
});
