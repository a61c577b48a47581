/** Settings without secrets, for the support bundle: every value under a secret-sounding key becomes "********". */

const SECRET_KEY = /token|secret|password|passwd|api_?key|pin|credential|private/i;

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && v !== null && v !== '' && typeof v !== 'object' ? '********' : redactSecrets(v);
  }
  return out;
}
