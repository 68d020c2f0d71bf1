import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Refresh tokens are `<sessionId>.<secret>` with 256 random bits of secret (ASVS 7.2.3). Only the
 * SHA-256 of the whole token is stored. Carrying the session id lets us tell a token that was
 * already rotated away (same session, stale secret: reuse, so the session is revoked) from one
 * that never existed.
 */
export interface RefreshToken {
  sessionId: string;
  token: string;
  hash: string;
}

const FORMAT = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export function newSessionId(): string {
  return randomUUID();
}

export function newRefreshToken(sessionId: string): RefreshToken {
  const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
  return { sessionId, token, hash: sha256Hex(token) };
}

/** The session a presented token claims to belong to, or null when it is not even well-formed. */
export function parseRefreshToken(token: unknown): { sessionId: string; hash: string } | null {
  if (typeof token !== 'string') return null;
  const match = FORMAT.exec(token);
  return match ? { sessionId: match[1]!, hash: sha256Hex(token) } : null;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares two hex digests without an early exit. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
