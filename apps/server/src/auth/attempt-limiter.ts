/**
 * Per-key (client IP) throttle for sign-in attempts, in two parts:
 * - failed attempts per fixed window (`limit` per `windowMs`): slows one client guessing across
 *   many accounts; successful sign-ins are not counted, so a meeting hall behind one NAT address
 *   is not locked out by its own members;
 * - attempts in flight at once (`maxInFlight`): a parallel burst cannot slip past the failure
 *   limit while its hashes are still queued, yet a hall of members signing in together fits.
 * In memory, per instance: the per-account lockout in the database is the control that holds
 * across instances.
 */
export class AttemptLimiter {
  private readonly entries = new Map<string, { windowStart: number; failures: number; inFlight: number }>();

  constructor(
    private readonly limit: number,
    private readonly maxInFlight: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    /** Above this many tracked keys, idle ones are swept (IPv6 rotation must not grow memory forever). */
    private readonly sweepAbove = 10_000,
  ) {}

  /** Starts an attempt; false when the key has used up its failures or has too many in flight. */
  tryBegin(key: string): boolean {
    const entry = this.current(key);
    if (entry.failures >= this.limit || entry.inFlight >= this.maxInFlight) return false;
    entry.inFlight++;
    return true;
  }

  /** Ends an attempt started with tryBegin; only failures count against the window. */
  end(key: string, failed: boolean): void {
    const entry = this.current(key);
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    if (failed) entry.failures++;
  }

  get trackedKeys(): number {
    return this.entries.size;
  }

  /** The key's entry, with its failure count restarted when its window has passed. */
  private current(key: string) {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.sweepAbove) this.sweep(now);
      entry = { windowStart: now, failures: 0, inFlight: 0 };
      this.entries.set(key, entry);
    } else if (now - entry.windowStart >= this.windowMs) {
      entry.windowStart = now;
      entry.failures = 0;
    }
    return entry;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.inFlight === 0 && now - entry.windowStart >= this.windowMs) this.entries.delete(key);
    }
  }
}
