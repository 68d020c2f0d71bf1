import { describe, expect, it } from 'vitest';
import { diffBlocks } from './version-diff.js';

describe(diffBlocks.name, () => {
  it('reports identical versions as all-equal blocks with no changes', () => {
    const r = diffBlocks(['案由', '优化营商环境'], ['案由', '优化营商环境']);
    expect(r.blocks.map((b) => b.op)).toEqual(['equal', 'equal']);
    expect(r.stats).toEqual({ inserted: 0, deleted: 0 });
  });

  it('shows an edited paragraph as one change block with the changed Chinese words marked', () => {
    const r = diffBlocks(['案由', '建议进一步优化营商环境。'], ['案由', '建议持续优化本地营商环境。']);
    expect(r.blocks[0]).toEqual({ op: 'equal', segments: [{ op: 'equal', text: '案由' }] });
    const change = r.blocks[1]!;
    expect(change.op).toBe('change');
    const before = change.segments
      .filter((s) => s.op !== 'insert')
      .map((s) => s.text)
      .join('');
    const after = change.segments
      .filter((s) => s.op !== 'delete')
      .map((s) => s.text)
      .join('');
    expect(before).toBe('建议进一步优化营商环境。');
    expect(after).toBe('建议持续优化本地营商环境。');
    expect(change.segments.some((s) => s.op === 'equal' && s.text.includes('营商环境'))).toBe(true);
    expect(r.stats.inserted).toBeGreaterThan(0);
    expect(r.stats.deleted).toBeGreaterThan(0);
  });

  it('lists added and removed paragraphs as whole blocks', () => {
    const r = diffBlocks(['案由', '旧的一段', '建议'], ['案由', '建议', '新增一段']);
    expect(r.blocks).toEqual([
      { op: 'equal', segments: [{ op: 'equal', text: '案由' }] },
      { op: 'delete', segments: [{ op: 'delete', text: '旧的一段' }] },
      { op: 'equal', segments: [{ op: 'equal', text: '建议' }] },
      { op: 'insert', segments: [{ op: 'insert', text: '新增一段' }] },
    ]);
    expect(r.stats).toEqual({ inserted: 4, deleted: 4 });
  });

  it('shows a rewritten paragraph that shares little as delete + insert, not a confetti of fragments', () => {
    const r = diffBlocks(['完全不同的旧内容'], ['Entirely new English text']);
    expect(r.blocks.map((b) => b.op)).toEqual(['delete', 'insert']);
  });

  it('stays fast and bounded on large, unrelated versions', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `旧段落 ${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `新段落 ${i * 7}`);
    const t0 = performance.now();
    const r = diffBlocks(a, b);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.stats.deleted + r.stats.inserted).toBeGreaterThan(0);
  });
});
