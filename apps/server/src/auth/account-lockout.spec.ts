import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, isLocked } from './account-lockout.js';

const policy = { maxFailures: 5, lockMinutes: 15 };
const now = new Date('2026-03-01T08:00:00Z');

describe('account lockout', () => {
  it('counts failures below the limit without locking', () => {
    expect(afterFailedAttempt(4, policy, now)).toEqual({ failedLogins: 4, lockedUntil: null });
  });

  it('locks for lockMinutes at the limit and restarts the count', () => {
    expect(afterFailedAttempt(5, policy, now)).toEqual({
      failedLogins: 0,
      lockedUntil: new Date('2026-03-01T08:15:00Z'),
    });
  });

  it('is locked strictly before lockedUntil', () => {
    const until = new Date('2026-03-01T08:15:00Z');
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, until)).toBe(false);
  });
});
