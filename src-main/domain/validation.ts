/** Turn zod issues into one clear message naming the field, e.g. `operation.lines[2].unit_price_cents: …`. Pure. */
import type { z } from 'zod';

export function formatPath(root: string, path: ReadonlyArray<PropertyKey>): string {
  let out = root;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

export function firstIssue(error: z.ZodError, root: string): { path: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: root, message: 'is invalid' };
  let path = formatPath(root, issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    path = formatPath(path, [keys[0] ?? '']);
    message = `is not a known field${keys.length > 1 ? ` (nor ${keys.slice(1).join(', ')})` : ''}`;
  } else if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    message = `must be one of the documented values`;
  } else if (issue.code === 'invalid_type' && /received undefined/.test(message)) {
    message = 'is required';
  }
  return { path, message };
}

export function formatZodError(error: z.ZodError, root: string): string {
  const { path, message } = firstIssue(error, root);
  return `${path}: ${message}`;
}
