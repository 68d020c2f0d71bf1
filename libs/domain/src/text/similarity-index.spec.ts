import { describe, expect, it } from 'vitest';
import { COUNTY_PROPOSALS, REWORDED_PROPOSALS } from './fixtures/county-proposals.js';
import { buildDocumentVector, buildIdfTable, type DocumentVector, rankSimilar } from './similarity.js';
import { parseDocumentVector, serializeDocumentVector, SimilarityIndex } from './similarity-index.js';

const docs = COUNTY_PROPOSALS.map((p) => ({ id: p.id, vector: buildDocumentVector(p) }));

function indexOf(list: { id: string; vector: DocumentVector }[], maxTermsPerDocument?: number) {
  const index = new SimilarityIndex({ maxTermsPerDocument });
  for (const d of list) index.add(d.id, d.vector);
  return index;
}

describe('SimilarityIndex', () => {
  it('scores exactly like rankSimilar when no terms are dropped', () => {
    const index = indexOf(docs, Infinity);
    index.refresh();
    const table = buildIdfTable(docs.map((d) => d.vector));
    for (const r of REWORDED_PROPOSALS) {
      const q = buildDocumentVector(r);
      expect(index.query(q, { limit: 30, minScore: 0 })).toEqual(rankSimilar(q, docs, table, { limit: 30, minScore: 0 }));
      const textOnly = buildDocumentVector({ title: '', body: r.body });
      expect(index.query(textOnly, { limit: 5 })).toEqual(rankSimilar(textOnly, docs, table, { limit: 5 }));
    }
  });

  it('still ranks every reworded proposal’s original first with the default term budget', () => {
    const index = indexOf(docs, 120);
    for (const r of REWORDED_PROPOSALS) expect(index.query(buildDocumentVector(r))[0]!.id).toBe(r.originalId);
  });

  it('leaves out excluded documents and returns nothing for an empty query', () => {
    const index = indexOf(docs);
    const q = buildDocumentVector(REWORDED_PROPOSALS[0]!);
    expect(index.query(q, { exclude: 'p01' }).map((x) => x.id)).not.toContain('p01');
    expect(index.query(q, { exclude: ['p01', 'p02'], minScore: 0 }).map((x) => x.id)).not.toContain('p02');
    expect(index.query(buildDocumentVector({ title: '', body: '的了' }))).toEqual([]);
  });

  it('follows additions, replacements and removals', () => {
    const index = indexOf(docs);
    const r = REWORDED_PROPOSALS[1]!; // 山区吃水难 ↔ p04
    expect(index.remove('p04')).toBe(true);
    expect(index.remove('p04')).toBe(false);
    expect(index.has('p04')).toBe(false);
    expect(index.size).toBe(29);
    expect(index.query(buildDocumentVector(r)).map((x) => x.id)).not.toContain('p04');
    index.add('p04', buildDocumentVector(COUNTY_PROPOSALS[3]!));
    expect(index.query(buildDocumentVector(r))[0]!.id).toBe('p04');
    // Replacing p04 with unrelated text moves it out of the results.
    index.add('p04', buildDocumentVector(COUNTY_PROPOSALS[17]!));
    expect(index.size).toBe(30);
    expect(index.query(buildDocumentVector(r))[0]?.id).not.toBe('p04');
  });

  it('compacts after many removals without changing results', () => {
    const index = new SimilarityIndex();
    for (let round = 0; round < 12; round++) for (const d of docs) index.add(`${d.id}-${round}`, d.vector);
    for (let round = 0; round < 11; round++) for (const d of docs) index.remove(`${d.id}-${round}`);
    index.refresh();
    const reference = indexOf(docs.map((d) => ({ ...d, id: `${d.id}-11` })));
    reference.refresh();
    const q = buildDocumentVector(REWORDED_PROPOSALS[4]!);
    expect(index.query(q, { minScore: 0, limit: 30 })).toEqual(reference.query(q, { minScore: 0, limit: 30 }));
  });

  it('stores vectors in a compact text form and reads them back', () => {
    for (const d of docs) expect(parseDocumentVector(serializeDocumentVector(d.vector))).toEqual(d.vector);
    expect(parseDocumentVector('')).toEqual({ title: new Map(), body: new Map() });
    expect(parseDocumentVector('养老:2 坏:x :3')).toEqual({ title: new Map(), body: new Map([['养老', 2]]) });
  });

  it('answers over 20,000 proposals well within 100 ms', () => {
    // Synthetic corpus: each document mixes two fixture proposals' terms plus its own rare terms.
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = () => docs[Math.floor(rnd() * docs.length)]!.vector;
    const index = new SimilarityIndex();
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) {
      const a = pick();
      const b = pick();
      const body = new Map<string, number>();
      for (const [t, n] of a.body) if (rnd() < 0.6) body.set(t, n);
      for (const [t, n] of b.body) if (rnd() < 0.3) body.set(t, (body.get(t) ?? 0) + n);
      for (let k = 0; k < 20; k++) body.set(`词${i}x${k}`, 1);
      index.add(`g${i}`, { title: a.title, body });
    }
    for (const d of docs) index.add(d.id, d.vector);
    index.refresh(); // as the server does once after loading
    const buildMs = performance.now() - t0;
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      for (const r of REWORDED_PROPOSALS) {
        const t = performance.now();
        index.query(buildDocumentVector(r));
        times.push(performance.now() - t);
      }
    }
    times.sort((x, y) => x - y);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    expect(buildMs).toBeLessThan(20_000);
    expect(p95).toBeLessThan(100);
  }, 60_000);
});
