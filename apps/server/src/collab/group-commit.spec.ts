import { describe, expect, it } from 'vitest';
import { GroupCommitWriter, type LogRow } from './group-commit.js';

const row = (documentId: string, n: number): LogRow => ({ documentId, data: Uint8Array.of(n) });

describe(GroupCommitWriter.name, () => {
  it('commits appends made in the same tick, and while a commit runs, as one write', async () => {
    const writes: LogRow[][] = [];
    let release!: () => void;
    const writer = new GroupCommitWriter(async (rows) => {
      writes.push(rows);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    });
    const first = [writer.append([row('a', 1)]), writer.append([row('b', 2)])];
    await new Promise((r) => setImmediate(r));
    const during = [writer.append([row('a', 3)]), writer.append([row('c', 4), row('c', 5)])];
    release();
    await Promise.all([...first, ...during]);
    expect(writes.map((w) => w.map((r) => r.data[0]))).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('resolves only after the write returned (commit before relay)', async () => {
    let committed = false;
    const writer = new GroupCommitWriter(async () => {
      await new Promise((r) => setTimeout(r, 10));
      committed = true;
    });
    await writer.append([row('a', 1)]);
    expect(committed).toBe(true);
  });

  it("isolates a failing document: the others' rows still commit", async () => {
    const committed: string[] = [];
    const writer = new GroupCommitWriter(async (rows) => {
      if (rows.some((r) => r.documentId === 'bad')) throw new Error('foreign key');
      committed.push(...rows.map((r) => r.documentId));
    });
    const results = await Promise.allSettled([
      writer.append([row('a', 1)]),
      writer.append([row('bad', 2)]),
      writer.append([row('c', 3)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed).toEqual(['a', 'c']);
  });

  it('bounds a batch by row count and drains on idle()', async () => {
    const sizes: number[] = [];
    const writer = new GroupCommitWriter(async (rows) => void sizes.push(rows.length), 3);
    for (let i = 0; i < 7; i++) void writer.append([row('a', i)]);
    await writer.idle();
    expect(sizes).toEqual([3, 3, 1]);
  });
});
