import { describe, expect, it } from 'vitest';
import { checkCui } from '../../../src-main/domain/cui.js';

describe('Romanian CUI check digit', () => {
  it('accepts valid codes with or without RO', () => {
    expect(checkCui('RO18547290')).toMatchObject({ ok: true, normalized: 'RO18547290' });
    expect(checkCui('18547290')).toMatchObject({ ok: true, normalized: '18547290' });
    expect(checkCui('ro 14399840')).toMatchObject({ ok: true, normalized: 'RO14399840' });
    expect(checkCui('RO12345674').ok).toBe(true);
  });

  it('rejects a wrong check digit and says which digit was expected', () => {
    const r = checkCui('RO12345678');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('expected 4');
  });

  it('rejects garbage', () => {
    expect(checkCui('ROABC').ok).toBe(false);
    expect(checkCui('1').ok).toBe(false);
    expect(checkCui('12345678901').ok).toBe(false);
  });
});
