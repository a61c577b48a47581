/** Every text of a fiscal operation must be printable on the register (Windows-1250); the error names the field. */
import { describeChar, firstUnprintable } from '../domain/printable-text.js';

type Op = Record<string, unknown> & { type: string };

function textsOf(op: Op): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const push = (path: string, v: unknown) => {
    if (typeof v === 'string') out.push([path, v]);
  };
  const lines = Array.isArray(op.lines) ? (op.lines as unknown[]) : [];
  lines.forEach((line, i) => {
    if (typeof line === 'string') return push(`operation.lines[${i}]`, line);
    if (typeof line !== 'object' || line === null) return;
    const l = line as Record<string, unknown>;
    for (const key of ['description', 'text', 'um']) push(`operation.lines[${i}].${key}`, l[key]);
  });
  const buyer = op.buyer as Record<string, unknown> | undefined;
  if (buyer) for (const key of ['name', 'address']) push(`operation.buyer.${key}`, buyer[key]);
  push('operation.reason', op.reason);
  return out;
}

export function unprintableText(op: Op): { path: string; message: string } | null {
  for (const [path, text] of textsOf(op)) {
    const ch = firstUnprintable(text);
    if (ch !== null) {
      return { path, message: `${describeChar(ch)} cannot be printed by a fiscal register (Windows-1250 characters only)` };
    }
  }
  return null;
}
