/**
 * Input number i of a run, the same every time for the same seed: a structured input (one in four) or one to eight
 * mutations of a seed from the corpus. `npm run fuzz -- --seed S --from i --inputs 1` replays exactly one.
 */
import { mutate } from './mutate.js';
import { Rng } from './rng.js';

export interface InputSource {
  corpus: Uint8Array[];
  tokens: readonly string[];
  generate(rng: Rng): Uint8Array;
  /** Share of inputs made by `generate` (the rest mutate a seed); default 1/4. */
  generateShare?: number;
}

export function inputAt(src: InputSource, seed: number, i: number, maxLen = 8192): Uint8Array {
  const rng = new Rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  rng.u32();
  if (rng.chance(src.generateShare ?? 0.25)) {
    const g = src.generate(rng);
    return rng.chance(0.5) ? g : mutate(rng, g, src.corpus, src.tokens, maxLen);
  }
  return mutate(rng, rng.pick(src.corpus), src.corpus, src.tokens, maxLen);
}

export function preview(input: Uint8Array, max = 160): string {
  const s = JSON.stringify(Buffer.from(input.subarray(0, max)).toString('latin1'));
  return input.length > max ? `${s}… (${input.length} bytes)` : s;
}
