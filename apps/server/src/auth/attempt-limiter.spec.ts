import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter.js';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** One complete attempt. */
const attempt = (limiter: AttemptLimiter, key: string, failed: boolean) => {
  if (!limiter.tryBegin(key)) return false;
  limiter.end(key, failed);
  return true;
};

describe('AttemptLimiter', () => {
  it('allows `limit` failed attempts per window per key, then refuses', () => {
    const limiter = new AttemptLimiter(3, 100, 60_000, clock().now);
    expect([1, 2, 3, 4].map(() => attempt(limiter, '1.2.3.4', true))).toEqual([true, true, true, false]);
    expect(attempt(limiter, '5.6.7.8', true)).toBe(true);
  });

  it('starts counting afresh after windowMs', () => {
    const c = clock();
    const limiter = new AttemptLimiter(1, 100, 60_000, c.now);
    expect(attempt(limiter, 'ip', true)).toBe(true);
    c.advance(59_999);
    expect(attempt(limiter, 'ip', true)).toBe(false);
    c.advance(1);
    expect(attempt(limiter, 'ip', true)).toBe(true);
  });

  it('never counts successful attempts, so a hall behind one address can sign in', () => {
    const limiter = new AttemptLimiter(2, 100, 60_000, clock().now);
    for (let i = 0; i < 500; i++) expect(attempt(limiter, 'hall', false)).toBe(true);
    expect([true, true, true].map(() => attempt(limiter, 'hall', true))).toEqual([true, true, false]);
  });

  it('caps attempts in flight at once, so a parallel burst cannot outrun the failure count', () => {
    const limiter = new AttemptLimiter(1, 3, 60_000, clock().now);
    expect([1, 2, 3, 4].map(() => limiter.tryBegin('burst'))).toEqual([true, true, true, false]);
    limiter.end('burst', true);
    limiter.end('burst', true);
    limiter.end('burst', true);
    expect(limiter.tryBegin('burst')).toBe(false); // the failures have landed
  });

  it('sweeps idle keys instead of growing without bound, but keeps keys with attempts in flight', () => {
    const c = clock();
    const limiter = new AttemptLimiter(5, 10, 1_000, c.now, 100);
    for (let i = 0; i < 99; i++) attempt(limiter, `ip${i}`, true);
    limiter.tryBegin('busy');
    c.advance(1_000);
    limiter.tryBegin('fresh');
    expect(limiter.trackedKeys).toBe(2);
  });
});
