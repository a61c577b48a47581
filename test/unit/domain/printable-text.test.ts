import { describe, expect, it } from 'vitest';
import { describeChar, firstUnprintable } from '../../../src-main/domain/printable-text.js';

describe('printable text (Windows-1250)', () => {
  it('accepts Romanian text in both ș/ț forms, punctuation and the euro sign', () => {
    expect(firstUnprintable('Mulțumim pentru cumpărături! Șosea, ţară, ÎÂĂ — „preț” 10 €')).toBeNull();
  });
  it('finds the first character a register cannot print', () => {
    expect(firstUnprintable('Cafea ☕ și 😀')).toBe('☕');
    expect(firstUnprintable('Привет')).toBe('П');
    expect(firstUnprintable('tab\there')).toBe('\t');
  });
  it('describes it with its code point', () => {
    expect(describeChar('😀')).toBe('"😀" (U+1F600)');
    expect(describeChar('\t')).toBe('control character U+0009');
  });
});
