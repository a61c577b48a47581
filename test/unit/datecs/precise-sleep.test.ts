import { describe, expect, it } from 'vitest';
import { sleepUntil } from '../../../src-main/emulators/endpoints/precise-sleep.js';

describe('wire emulator clock (sleepUntil)', () => {
  it('never wakes before the moment it was given (a bare setTimeout of a fractional delay does, by up to a millisecond)', async () => {
    const early: number[] = [];
    for (let i = 0; i < 40; i++) {
      const at = performance.now() + 0.3 + (i % 8) * 0.77;
      await sleepUntil(at);
      const now = performance.now();
      if (now < at) early.push(at - now);
    }
    expect(early).toEqual([]);
  });

  it('returns at once for a moment already past', async () => {
    let resolved = false;
    const p = sleepUntil(performance.now() - 5).then(() => (resolved = true));
    await Promise.resolve();
    await p;
    expect(resolved).toBe(true);
  });
});
