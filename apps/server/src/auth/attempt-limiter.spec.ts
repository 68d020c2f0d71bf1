import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter.js';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('AttemptLimiter', () => {
  it('allows `limit` attempts per window per key, then refuses', () => {
    const c = clock();
    const limiter = new AttemptLimiter(3, 60_000, c.now);
    expect([1, 2, 3, 4].map(() => limiter.tryAcquire('1.2.3.4'))).toEqual([true, true, true, false]);
    expect(limiter.tryAcquire('5.6.7.8')).toBe(true);
  });

  it('opens a new window after windowMs', () => {
    const c = clock();
    const limiter = new AttemptLimiter(1, 60_000, c.now);
    expect(limiter.tryAcquire('ip')).toBe(true);
    c.advance(59_999);
    expect(limiter.tryAcquire('ip')).toBe(false);
    c.advance(1);
    expect(limiter.tryAcquire('ip')).toBe(true);
  });

  it('gives back the slot of a successful attempt, so successes never exhaust the limit', () => {
    const limiter = new AttemptLimiter(2, 60_000, clock().now);
    for (let i = 0; i < 100; i++) {
      expect(limiter.tryAcquire('hall')).toBe(true);
      limiter.release('hall');
    }
    limiter.release('hall'); // a release without an attempt cannot go below zero
    expect([limiter.tryAcquire('hall'), limiter.tryAcquire('hall'), limiter.tryAcquire('hall')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('sweeps expired keys instead of growing without bound', () => {
    const c = clock();
    const limiter = new AttemptLimiter(5, 1_000, c.now, 100);
    for (let i = 0; i < 100; i++) limiter.tryAcquire(`ip${i}`);
    c.advance(1_000);
    limiter.tryAcquire('fresh');
    expect(limiter.trackedKeys).toBe(1);
  });
});
