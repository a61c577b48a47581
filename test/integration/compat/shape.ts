/**
 * "Same shape as the seed's example": every field the example has is present in our answer with the same JSON
 * type (recursively; array elements against the example's elements, a key being optional only where some
 * example element lacks it). Extra fields in our answer are allowed. Returns the differences, [] when none.
 */
export interface ShapeOptions {
  /** Seed key → our key (the seeds' printer serial numbers → the simulated register's). */
  keyMap?: Record<string, string>;
  /** Keys the comparison tolerates missing, with the reason documented in docs/compat.md. */
  optional?: string[];
  /** ErpNet.FP's seed writes `"ok": "true"`; the real server (and we) send a JSON boolean. */
  stringBooleans?: boolean;
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function shapeDiff(seed: unknown, ours: unknown, opts: ShapeOptions = {}, path = '$'): string[] {
  const sk = kind(seed);
  const ok = kind(ours);
  if (opts.stringBooleans && sk === 'string' && (seed === 'true' || seed === 'false')) {
    return ok === 'boolean' || ok === 'string' ? [] : [`${path}: expected a boolean, got ${ok}`];
  }
  if (sk !== ok) return [`${path}: expected ${sk}, got ${ok} (${JSON.stringify(ours)?.slice(0, 80)})`];
  if (sk === 'array') {
    const s = seed as unknown[];
    const o = ours as unknown[];
    if (s.length === 0) return [];
    if (o.length === 0) return []; // right type; nothing to compare element-wise
    const required = requiredKeys(s);
    const out: string[] = [];
    o.forEach((el, i) => {
      const model = s[Math.min(i, s.length - 1)];
      out.push(
        ...shapeDiff(
          model,
          el,
          { ...opts, optional: [...(opts.optional ?? []), ...optionalIn(s, required)] },
          `${path}[${i}]`,
        ),
      );
    });
    return out;
  }
  if (sk === 'object') {
    const s = seed as Record<string, unknown>;
    const o = ours as Record<string, unknown>;
    const out: string[] = [];
    for (const [k, v] of Object.entries(s)) {
      const key = opts.keyMap?.[k] ?? k;
      if (!(key in o)) {
        if (!(opts.optional ?? []).includes(k)) out.push(`${path}.${k}: missing`);
        continue;
      }
      out.push(...shapeDiff(v, o[key], opts, `${path}.${k}`));
    }
    return out;
  }
  return [];
}

function requiredKeys(elements: unknown[]): Set<string> {
  const objs = elements.filter((e): e is Record<string, unknown> => kind(e) === 'object');
  if (objs.length === 0) return new Set();
  const first = objs[0] ?? {};
  return new Set(Object.keys(first).filter((k) => objs.every((o) => k in o)));
}

function optionalIn(elements: unknown[], required: Set<string>): string[] {
  const all = new Set<string>();
  for (const e of elements) if (kind(e) === 'object') for (const k of Object.keys(e as object)) all.add(k);
  return [...all].filter((k) => !required.has(k));
}
