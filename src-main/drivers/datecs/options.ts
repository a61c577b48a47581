/** `config.options` of a Datecs register: one zod schema validates them at save time and gives the driver its settings. */
import { z } from 'zod';
import type { Framing } from '../../protocols/datecs/frame.js';

export const DatecsOptionsSchema = z.strictObject({
  /** Wire protocol: the model's own by default; `auto` tries X first, then classic. */
  protocol: z.enum(['auto', 'x', 'classic']).optional().meta({ title: 'Protocol', description: 'Wire protocol generation: X (…MX/…X models), classic, or auto (X first, then classic)' }),
  /** Operator number (1–30) and password (digits) used to open receipts. */
  operator: z.number().int().min(1).max(30).default(1).meta({ title: 'Operator', description: 'Operator number on the register (1–30)' }),
  operator_password: z.string().regex(/^\d{1,8}$/, 'must be 1 to 8 digits').default('0000').meta({ title: 'Operator password', description: 'The operator’s password on the register' }),
  /** Till number printed on the receipt (1–99999). */
  till: z.number().int().min(1).max(99_999).default(1).meta({ title: 'Till number', description: 'Till (workplace) number printed on receipts (1–99999)' }),
  /** Longest free-text line the register prints (PrintColumns − 2); longer text is wrapped. */
  text_width: z.number().int().min(16).max(64).default(30).meta({ title: 'Text width', description: 'Characters per line of free text (longer lines wrap)' }),
  /** Answer timeout before a read is resent, ms (the protocol says 500). */
  timeout_ms: z.number().int().min(20).max(60_000).default(500).meta({ title: 'Answer timeout (ms)', description: 'How long to wait for each answer before asking again' }),
  /** Writes per command before the register counts as unreachable. */
  max_attempts: z.number().int().min(1).max(20).default(6),
  reconnect_initial_ms: z.number().int().min(10).max(60_000).default(200),
  reconnect_max_ms: z.number().int().min(10).max(600_000).default(5000),
});

export interface DatecsOptions {
  protocol: Framing | 'auto';
  operator: number;
  password: string;
  till: number;
  textWidth: number;
  timeoutMs: number;
  maxAttempts: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
}

/** The driver's settings from validated options; `modelProtocol` is the catalogue's default. */
export function datecsOptions(raw: Record<string, unknown> | undefined, modelProtocol?: string): DatecsOptions {
  const o = DatecsOptionsSchema.parse(raw ?? {});
  const model = modelProtocol === 'x' || modelProtocol === 'classic' ? modelProtocol : 'auto';
  return {
    protocol: o.protocol ?? model,
    operator: o.operator,
    password: o.operator_password,
    till: o.till,
    textWidth: o.text_width,
    timeoutMs: o.timeout_ms,
    maxAttempts: o.max_attempts,
    backoffInitialMs: o.reconnect_initial_ms,
    backoffMaxMs: o.reconnect_max_ms,
  };
}
