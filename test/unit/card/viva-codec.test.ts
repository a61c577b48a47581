/** The Viva Local Terminal API codec: session answers → verdicts, event ids, session ids, slips. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventInfo, sessionVerdict, uuidBytes, uuidV5FromDigest, vivaSlip } from '../../../src-main/protocols/viva-local/index.js';
import { sessionIdFor } from '../../../src-main/drivers/viva-local/index.js';

const response = (o: Record<string, unknown>) => ({ state: 'SUCCESS', sessionId: 's', sessionType: 'SALE', payloadData: { saleResponse: { isSuccess: true, eventId: 0, message: 'ok', ...o } } });

describe('Viva session answers', () => {
  it('SUCCESS with isSuccess is an approval; the fields clients disagree on are read as text', () => {
    const v = sessionVerdict(response({ retrievalReferenceNumber: 108813789134, referenceNumber: 789134, authorizationId: '181644', amount: 5 }));
    expect(v).toMatchObject({ kind: 'final', cls: 'approved', eventId: 0, response: { retrievalReferenceNumber: '108813789134', referenceNumber: '789134', amount: 5 } });
  });

  it('a finished session that is not an approval is never counted as one', () => {
    expect(sessionVerdict(response({ isSuccess: false, eventId: 1020 }))).toMatchObject({ cls: 'declined', eventId: 1020 });
    expect(sessionVerdict(response({ isSuccess: false, eventId: 0 }))).toMatchObject({ cls: 'rejected' });
    expect(sessionVerdict({ state: 'FAILURE', payloadData: { saleResponse: { isSuccess: true, eventId: 0 } } })).toMatchObject({ cls: 'rejected' });
    expect(sessionVerdict({ state: 'FAILURE', payloadData: { cancelResponse: { isSuccess: false, eventId: 1000 } } })).toMatchObject({ cls: 'cancelled' });
    expect(sessionVerdict({ state: 'FAILURE' })).toMatchObject({ cls: 'rejected', eventId: 1099 });
  });

  it('in progress, not found, and what says nothing', () => {
    expect(sessionVerdict({ state: 'PROCESSING', sessionId: 's' })).toEqual({ kind: 'in_progress' });
    expect(sessionVerdict({ state: 'SESSION_NOT_FOUND_ERROR' })).toEqual({ kind: 'not_found' });
    expect(sessionVerdict({ state: 'SERVER_ERROR' })).toMatchObject({ kind: 'unknown' });
    expect(sessionVerdict('<html>')).toMatchObject({ kind: 'unknown' });
  });

  it('classifies event ids: cancelled, timeout, busy, declined, offline, refused, capability ranges', () => {
    expect([1000, 1016].map((e) => eventInfo(e).cls)).toEqual(['cancelled', 'cancelled']);
    expect(eventInfo(1003).cls).toBe('timeout');
    expect([1001, 1100].map((e) => eventInfo(e).cls)).toEqual(['busy', 'busy']);
    expect([1004, 1006, 1007, 1010, 1019, 1020, 1102].every((e) => eventInfo(e).cls === 'declined')).toBe(true);
    expect([3000, 3001, 3002, 3099, 4000].every((e) => eventInfo(e).cls === 'offline')).toBe(true);
    expect([1008, 1012, 6000, 5004, 7003, 424242].every((e) => eventInfo(e).cls === 'rejected')).toBe(true);
  });
});

describe('session ids', () => {
  it('formats a SHA-1 digest as RFC 9562 UUID version 5 (its test vector: www.example.com in the DNS namespace)', () => {
    const h = createHash('sha1');
    h.update(uuidBytes('6ba7b810-9dad-11d1-80b4-00c04fd430c8'));
    h.update('www.example.com');
    expect(uuidV5FromDigest(h.digest())).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives one stable session id per ECR reference', () => {
    expect(sessionIdFor('receipt-1')).toBe(sessionIdFor('receipt-1'));
    expect(sessionIdFor('receipt-1')).not.toBe(sessionIdFor('receipt-2'));
    expect(sessionIdFor('receipt-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('slips', () => {
  it('builds the slip from the answer (the API returns no receipt text)', () => {
    const v = sessionVerdict(response({ tid: '16038894', primaryAccountNumberMasked: '406001******4011', applicationLabel: 'VISA', retrievalReferenceNumber: '108813789134', authorizationId: '181644' }));
    if (v.kind !== 'final') throw new Error('expected final');
    const slip = vivaSlip(v.response, { kind: 'sale', amount_cents: 5, approved: true, eventId: 0, message: 'ok' });
    expect(slip).toEqual(expect.arrayContaining(['TID: 16038894', 'CARD: VISA 406001******4011', 'SUMA: 0.05', 'RRN: 108813789134', 'COD AUTORIZARE: 181644', 'APROBAT / APPROVED']));
  });
});
