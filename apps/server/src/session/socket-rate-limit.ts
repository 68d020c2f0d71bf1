/**
 * A per-connection token bucket for client → server messages (WS cheat sheet: ~100/min as a
 * starting limit). The client sends only sync requests and presence changes; anything faster
 * is refused with an error ack rather than served.
 */
export class SocketRateLimit {
  private readonly buckets = new WeakMap<object, { tokens: number; at: number }>();

  constructor(
    private readonly burst = 20,
    private readonly perSecond = 2,
  ) {}

  allow(socket: object, now = Date.now()): boolean {
    const b = this.buckets.get(socket) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(socket, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
