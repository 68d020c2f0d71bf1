import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { invitationPath, invitationState, invitationTokenHash, isInvitationUsable } from './invitations.js';

const now = new Date('2026-11-24T08:00:00Z');
const later = new Date('2026-11-25T08:00:00Z');
const base = { expiresAt: later, revokedAt: null, uses: 0, maxUses: 1 };

describe('invitation tokens', () => {
  it('hashes the token text with SHA-256, hex encoded (same as node:crypto)', () => {
    const token = 'q3Vx0sX4b9bJ2m1u7cYwZk8pR6tL5nA0eG3hD2fK9iM';
    expect(invitationTokenHash(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(invitationTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('builds the link path the web client serves', () => {
    expect(invitationPath('abc')).toBe('/invite/abc');
  });
});

describe('invitation state', () => {
  it('is active while unexpired, unrevoked and not used up', () => {
    expect(invitationState(base, now)).toBe('active');
    expect(isInvitationUsable(base, now)).toBe(true);
  });
  it('expires exactly at expiresAt', () => {
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe('expired');
  });
  it('is used up when uses reach maxUses', () => {
    expect(invitationState({ ...base, uses: 1 }, now)).toBe('used_up');
    expect(invitationState({ ...base, uses: 4, maxUses: 5 }, now)).toBe('active');
  });
  it('reports revocation first, then expiry, then exhaustion', () => {
    expect(invitationState({ expiresAt: now, revokedAt: now, uses: 9, maxUses: 1 }, now)).toBe('revoked');
    expect(invitationState({ expiresAt: now, revokedAt: null, uses: 9, maxUses: 1 }, now)).toBe('expired');
    expect(isInvitationUsable({ ...base, revokedAt: now }, now)).toBe(false);
  });
});
