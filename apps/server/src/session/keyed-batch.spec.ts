import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyedBatch } from './keyed-batch.js';

describe(KeyedBatch.name, () => {
  afterEach(() => vi.useRealTimers());

  it('flushes each key once per interval with its distinct items', async () => {
    vi.useFakeTimers();
    const flushed: Array<[string, string[]]> = [];
    const batch = new KeyedBatch<string>(250, async (k, items) => void flushed.push([k, items.sort()]), () => {});
    for (const u of ['u1', 'u2', 'u1', 'u3']) batch.add('m1', u);
    batch.add('m2', 'u9');
    expect(flushed).toEqual([]);
    await vi.advanceTimersByTimeAsync(250);
    expect(flushed).toEqual([
      ['m1', ['u1', 'u2', 'u3']],
      ['m2', ['u9']],
    ]);
    batch.add('m1', 'u4');
    await vi.advanceTimersByTimeAsync(250);
    expect(flushed.at(-1)).toEqual(['m1', ['u4']]);
  });

  it('reports a failed flush instead of throwing, and clear() drops what is pending', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const failing = new KeyedBatch<string>(10, () => Promise.reject(new Error('redis down')), (e) => errors.push(e));
    failing.add('m', 'u');
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toHaveLength(1);
    const flushed: string[][] = [];
    const cleared = new KeyedBatch<string>(10, async (_k, items) => void flushed.push(items), () => {});
    cleared.add('m', 'u');
    cleared.clear();
    await vi.advanceTimersByTimeAsync(50);
    expect(flushed).toEqual([]);
  });
});
