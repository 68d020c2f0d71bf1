/**
 * Per-account brute-force protection (ASVS 6.3.1): after `maxFailures` wrong passwords in a row
 * the account is locked for `lockMinutes`; a correct password resets the count. Pure rules; the
 * counter lives in the User row so it holds across server instances and restarts.
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** What to store after a failure, given the count including it. A lock restarts the count. */
export function afterFailedAttempt(
  failuresInARow: number,
  policy: LockoutPolicy,
  now: Date,
): { failedLogins: number; lockedUntil: Date | null } {
  if (failuresInARow < policy.maxFailures) return { failedLogins: failuresInARow, lockedUntil: null };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
}
