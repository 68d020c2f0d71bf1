/**
 * Fixed-window counter per key (client IP) for sign-in attempts that have not succeeded.
 * An attempt is counted when it starts, so a burst of parallel guesses cannot slip past the
 * limit while their hashes are still queued; a successful sign-in gives its slot back, so a
 * meeting hall behind one NAT address is not locked out by its own members.
 * In memory, per instance: it slows a single attacker down; the per-account lockout in the
 * database is the control that holds across instances.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    /** Above this many tracked keys, expired windows are swept (IPv6 rotation must not grow memory forever). */
    private readonly sweepAbove = 10_000,
  ) {}

  /** Counts an attempt; false when the key has used up its window. */
  tryAcquire(key: string): boolean {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      if (this.windows.size >= this.sweepAbove) this.sweep(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) return false;
    window.count++;
    return true;
  }

  /** Gives back an attempt that succeeded. */
  release(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0 && this.now() - window.startedAt < this.windowMs) window.count--;
  }

  get trackedKeys(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}
