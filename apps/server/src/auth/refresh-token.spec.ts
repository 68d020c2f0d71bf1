import { describe, expect, it } from 'vitest';
import { newRefreshToken, newSessionId, parseRefreshToken, sameDigest, sha256Hex } from './refresh-token.js';

describe('refresh tokens', () => {
  it('carry their session id and 256 random bits; only the hash is kept', () => {
    const id = newSessionId();
    const a = newRefreshToken(id);
    const b = newRefreshToken(id);
    expect(a.token.startsWith(`${id}.`)).toBe(true);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(sha256Hex(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('parse back to the session id and the same hash', () => {
    const t = newRefreshToken(newSessionId());
    expect(parseRefreshToken(t.token)).toEqual({ sessionId: t.sessionId, hash: t.hash });
  });

  it.each([undefined, 42, '', 'nope', 'a.b', `${newSessionId()}.short`, `${newSessionId()}.${'x'.repeat(43)}.extra`])(
    'reject malformed input %s',
    (input) => expect(parseRefreshToken(input)).toBeNull(),
  );

  it('compare digests', () => {
    const h = sha256Hex('x');
    expect(sameDigest(h, sha256Hex('x'))).toBe(true);
    expect(sameDigest(h, sha256Hex('y'))).toBe(false);
    expect(sameDigest(h, 'abcd')).toBe(false);
  });
});
