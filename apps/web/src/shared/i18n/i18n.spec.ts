import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Leaf keys, with plural suffixes folded (Chinese has only `_other`, English `_one` + `_other`). */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(one|other)$/, '')}`]
      : keys(value as object, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  it('English has exactly the keys of the Chinese source', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(zhCN))].sort());
  });

  it('every text is non-empty and keeps the same interpolation variables', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const flat = (tree: object, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [[`${prefix}${k}`, v]] : flat(v as object, `${prefix}${k}.`),
      );
    const zh = new Map(flat(zhCN).map(([k, v]) => [k.replace(/_(one|other)$/, ''), v]));
    for (const [key, text] of flat(en)) {
      expect(text.trim(), key).not.toBe('');
      const source = zh.get(key.replace(/_(one|other)$/, ''));
      expect(vars(text), key).toEqual(vars(source ?? ''));
    }
  });
});
