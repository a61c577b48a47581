/**
 * FisCool's ECR reference → the Viva `sessionId` (a UUID chosen by the ECR [S15][S17]). Name-based (RFC 9562 UUID
 * version 5 layout over a SHA-1 digest the caller computes), so after a crash the session of a reference can be
 * found again from the reference alone. Pure.
 */

/** FisCool's namespace for version-5 session ids (a fixed random UUID). */
export const FISCOOL_SESSION_NAMESPACE = '6f0c2a5e-3c1b-4d8e-9a47-1b2d9f6e0c35';

export function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Format the first 16 bytes of a SHA-1 digest as a version-5 UUID. */
export function uuidV5FromDigest(digest: Uint8Array): string {
  if (digest.length < 16) throw new Error('digest too short');
  const b = Array.from(digest.slice(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);
