/**
 * A stopwatch with an optional limit, stored as (runningSince, elapsedMs) so it survives a
 * restart and every client can compute the same value from the server's clock.
 */
export interface Stopwatch {
  runningSince: Date | null;
  elapsedMs: number;
  limitSeconds: number | null;
}

export const stoppedStopwatch = (limitSeconds: number | null = null): Stopwatch => ({
  runningSince: null,
  elapsedMs: 0,
  limitSeconds,
});

export function elapsedMs(t: Stopwatch, now: Date): number {
  return t.elapsedMs + (t.runningSince ? Math.max(0, now.getTime() - t.runningSince.getTime()) : 0);
}

export function startStopwatch(t: Stopwatch, now: Date): Stopwatch {
  return t.runningSince ? t : { ...t, runningSince: now };
}

export function pauseStopwatch(t: Stopwatch, now: Date): Stopwatch {
  return t.runningSince ? { ...t, runningSince: null, elapsedMs: elapsedMs(t, now) } : t;
}

export function resetStopwatch(t: Stopwatch): Stopwatch {
  return { ...t, runningSince: null, elapsedMs: 0 };
}

/** Milliseconds left before the limit (negative once over time); null without a limit. */
export function remainingMs(t: Stopwatch, now: Date): number | null {
  return t.limitSeconds === null ? null : t.limitSeconds * 1000 - elapsedMs(t, now);
}

export function isOvertime(t: Stopwatch, now: Date): boolean {
  const left = remainingMs(t, now);
  return left !== null && left < 0;
}
