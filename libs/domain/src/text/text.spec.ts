import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTY_PROPOSALS, REWORDED_PROPOSALS } from './fixtures/county-proposals.js';
import { normalizeText, splitRuns } from './normalize.js';
import { MAX_QUERY_TERMS, queryTerms, searchTokens, splitForIndexing, tsQuery } from './search-query.js';
import { charBigrams, extractTerms, segmentWords } from './segment.js';
import {
  addToIdf,
  buildDocumentVector,
  buildIdfTable,
  createIdfTable,
  documentVectorFromTokens,
  idf,
  idfTableFromDocumentFrequencies,
  prefilterTerms,
  prefilterTsQuery,
  rankSimilar,
  removeFromIdf,
  scoreSimilarity,
} from './similarity.js';
import { markSnippet, snippet } from './snippet.js';

/** Accepts exactly the tsquery grammar tsQuery/prefilterTsQuery may emit. */
function isSafeTsQuery(q: string): boolean {
  // Marks too: some Han-script code points (e.g. U+16FF0) are combining marks, not letters.
  const lexeme = `'[\\p{L}\\p{N}\\p{M}]+'(?::\\*)?`;
  const phrase = `${lexeme}(?: <-> ${lexeme})*`;
  const group = `(?:${phrase}|\\(${phrase}(?: & ${phrase})*\\))`;
  return new RegExp(`^${group}(?: (?:&|\\|) ${group})*$`, 'u').test(q);
}

describe('normalizeText', () => {
  it('folds full-width letters, digits and punctuation to half-width and lowers case', () => {
    expect(normalizeText('ＰＭ２．５，ＡＢＣ')).toBe('pm2.5,abc');
  });
  it('turns the ideographic space into a space and drops zero-width characters', () => {
    expect(normalizeText('养老\u3000服务\u200B站\uFEFF')).toBe('养老 服务站');
  });
  it('splits Han runs from letter/digit runs', () => {
    expect(splitRuns(normalizeText('２０２４年ＡＢＣ中文，x'))).toEqual([
      { text: '2024', han: false },
      { text: '年', han: true },
      { text: 'abc', han: false },
      { text: '中文', han: true },
      { text: 'x', han: false },
    ]);
  });
});

describe('segmentation', () => {
  it('segments a proposal title into dictionary words with Node’s ICU', () => {
    expect(segmentWords('关于加强农村居家养老服务站建设的提案')).toEqual(
      expect.arrayContaining(['农村', '居家', '养老', '服务', '建设']),
    );
  });
  it('is the same for full-width and half-width input', () => {
    expect(segmentWords('ＰＭ２．５浓度超标')).toEqual(segmentWords('PM2.5浓度超标'));
  });
  it('removes stop words from words but keeps every bigram', () => {
    const { words, bigrams } = extractTerms('关于进一步加强养老服务的建议');
    expect(words).not.toEqual(expect.arrayContaining(['关于']));
    for (const stop of ['关于', '进一步', '加强', '的', '建议']) expect(words).not.toContain(stop);
    expect(words).toEqual(expect.arrayContaining(['养老', '服务']));
    expect(bigrams).toEqual(charBigrams('关于进一步加强养老服务的建议'));
  });
  it('makes overlapping character pairs, none for a single character', () => {
    expect(charBigrams('营商环境')).toEqual(['营商', '商环', '环境']);
    expect(charBigrams('站')).toEqual([]);
  });
});

describe('searchTokens', () => {
  it('joins bigrams, then words, with single spaces, nothing but letters and digits in tokens', () => {
    for (const p of COUNTY_PROPOSALS) {
      const tokens = searchTokens(`${p.title}\n${p.body}`);
      expect(tokens).toMatch(/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u);
    }
  });
  it('contains every bigram of the text so any substring of two or more characters is findable', () => {
    const tokens = searchTokens('优化营商环境').split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['优化', '化营', '营商', '商环', '环境']));
  });
  it('is empty for text with nothing searchable', () => {
    expect(searchTokens('，。！？ ——')).toBe('');
  });
  it('puts bigrams first so phrase positions stay exact in long texts', () => {
    expect(searchTokens('养老服务，PM2.5').split(' ').slice(0, 3)).toEqual(['养老', '老服', '服务']);
  });
  it('splits long texts for indexing at paragraph breaks, never losing text', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `第${i}段${'字'.repeat(300)}`);
    const pieces = splitForIndexing(paragraphs.join('\n'), 1000);
    expect(pieces.every((p) => p.length <= 1000)).toBe(true);
    expect(pieces.join('\n')).toBe(paragraphs.join('\n'));
    const one = splitForIndexing('字'.repeat(2500), 1000);
    expect(one.map((p) => p.length)).toEqual([1000, 1000, 500]);
    expect(splitForIndexing('  \n\n ')).toEqual([]);
  });
  it('never emits a token that could break tsvector parsing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const t = searchTokens(s);
        return t === '' || /^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u.test(t);
      }),
      { numRuns: 500 },
    );
  });
});

describe('tsQuery', () => {
  it('matches a Han term as a bigram phrase', () => {
    expect(tsQuery('营商环境')).toBe("'营商' <-> '商环' <-> '环境'");
  });
  it('requires every term (AND), split on spaces and punctuation of either width', () => {
    expect(tsQuery('农村 供水')).toBe("'农村' & '供水'");
    expect(tsQuery('营商，环境')).toBe("'营商' & '环境'");
  });
  it('matches one Han character, and letters/digits, as a prefix', () => {
    expect(tsQuery('站')).toBe("'站':*");
    expect(tsQuery('ＰＭ２．５')).toBe("'pm2':* & '5':*");
  });
  it('separates Han from digits inside one term', () => {
    expect(tsQuery('2024年度')).toBe("('2024':* & '年度')");
  });
  it('drops duplicate terms and returns null when nothing searchable is left', () => {
    expect(tsQuery('养老 养老')).toBe("'养老'");
    for (const q of ['', '   ', '，。', "'", '\\', '(((', '<->', ':*', '&|!']) expect(tsQuery(q)).toBeNull();
  });
  it('neutralises query syntax and SQL in user input', () => {
    expect(tsQuery("'; drop table p; --")).toBe("'drop':* & 'table':* & 'p':*");
    expect(tsQuery('a & b | !c')).toBe("'a':* & 'b':* & 'c':*");
    expect(tsQuery("x:* & y' <-> z")).toBe("'x':* & 'y':* & 'z':*");
  });
  it('bounds the number of terms', () => {
    const q = tsQuery(Array.from({ length: 30 }, (_, i) => `词${i}`).join(' '))!;
    expect(q.split(' & ').length).toBeLessThanOrEqual(MAX_QUERY_TERMS * 2);
  });
  it('always produces a well-formed query or null, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => {
        const q = tsQuery(s);
        return q === null || isSafeTsQuery(q);
      }),
      { numRuns: Number(process.env.XS_FC_RUNS ?? 1000) },
    );
  });
  it('lists the query terms longest first for highlighting', () => {
    expect(queryTerms('养老 居家养老服务站 ＡＢ')).toEqual(['居家养老服务站', '养老', 'ab']);
  });
});

describe('snippet', () => {
  const body = COUNTY_PROPOSALS[7]!.body; // 营商环境

  it('returns an excerpt around the first match with the match marked', () => {
    const s = snippet(body, '营商环境', { maxLength: 40 });
    expect(s.text.length).toBeLessThanOrEqual(42);
    expect(s.highlights.length).toBeGreaterThan(0);
    for (const h of s.highlights) expect(s.text.slice(h.start, h.end)).toBe('营商环境');
    expect(markSnippet(s)).toContain('【营商环境】');
  });
  it('adds ellipses only where text was cut', () => {
    const s = snippet(body, '营商环境', { maxLength: 40 });
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    const whole = snippet('短文本：养老服务', '养老');
    expect(whole.text).toBe('短文本：养老服务');
    expect(whole.highlights).toEqual([{ start: 4, end: 6 }]);
  });
  it('matches across full-width and half-width forms and marks the original characters', () => {
    const s = snippet('全县ＰＭ２．５年均浓度下降', 'pm2');
    expect(s.text.slice(s.highlights[0]!.start, s.highlights[0]!.end)).toBe('ＰＭ２');
  });
  it('marks every term of a multi-term query and merges overlaps', () => {
    const s = snippet('农村居家养老服务站建设', '养老 养老服务 服务站');
    expect(s.highlights).toEqual([{ start: 4, end: 9 }]);
  });
  it('collapses whitespace and falls back to a matching character pair, then to the start', () => {
    const s = snippet('第一行\n\n第二行  县城停车位不足', '停车难');
    expect(s.text).toBe('第一行 第二行 县城停车位不足');
    expect(s.text.slice(s.highlights[0]!.start, s.highlights[0]!.end)).toBe('停车');
    const none = snippet('与查询无关的内容', '营商环境');
    expect(none).toEqual({ text: '与查询无关的内容', highlights: [] });
  });
  it('never splits a surrogate pair', () => {
    const text = '𠀀'.repeat(50) + '养老' + '𠀀'.repeat(50);
    const s = snippet(text, '养老', { maxLength: 21 });
    expect(s.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(s.text.slice(s.highlights[0]!.start, s.highlights[0]!.end)).toBe('养老');
  });
  it('has highlights inside the text for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 20 }), (text, q) => {
        const s = snippet(text, q, { maxLength: 30 });
        return s.highlights.every((h) => h.start >= 0 && h.end <= s.text.length && h.start < h.end);
      }),
    );
  });
});

describe('similar proposals', () => {
  const docs = COUNTY_PROPOSALS.map((p) => ({ id: p.id, vector: buildDocumentVector(p) }));
  const table = buildIdfTable(docs.map((d) => d.vector));

  describe.each(REWORDED_PROPOSALS)('reworded $id ($title)', (r) => {
    const query = buildDocumentVector(r);
    const ranked = rankSimilar(query, docs, table, { minScore: 0, limit: docs.length });

    it('ranks its original first, clearly ahead of the runner-up', () => {
      expect(ranked[0]!.id).toBe(r.originalId);
      expect(ranked[0]!.score).toBeGreaterThanOrEqual(0.2);
      expect(ranked[0]!.score).toBeGreaterThanOrEqual(2 * ranked[1]!.score);
    });
    it('scores proposals on other topics low', () => {
      const others = ranked.filter((x) => x.id !== r.originalId);
      for (const o of others) expect(o.score).toBeLessThan(0.15);
      const median = others[Math.floor(others.length / 2)]!.score;
      expect(median).toBeLessThan(0.05);
    });
    it('finds its original from free text alone (GET /similar?text=)', () => {
      const textOnly = buildDocumentVector({ title: '', body: `${r.title}\n${r.body}` });
      expect(rankSimilar(textOnly, docs, table)[0]!.id).toBe(r.originalId);
    });
    it('finds its original from the 案由 alone while drafting', () => {
      const titleOnly = buildDocumentVector({ title: r.title, body: '' });
      const top3 = rankSimilar(titleOnly, docs, table, { minScore: 0, limit: 3 }).map((x) => x.id);
      expect(top3).toContain(r.originalId);
    });
  });

  it('scores a document against itself as 1 and an empty query as 0', () => {
    const v = docs[0]!.vector;
    expect(scoreSimilarity(v, v, table)).toBeCloseTo(1, 6);
    expect(scoreSimilarity(buildDocumentVector({ title: '', body: '' }), v, table)).toBe(0);
    expect(scoreSimilarity(buildDocumentVector({ title: '，。', body: '的了和' }), v, table)).toBe(0);
  });
  it('keeps every score within [0, 1]', () => {
    for (const a of docs)
      for (const b of docs) {
        const s = scoreSimilarity(a.vector, b.vector, table);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
  });
  it('drops candidates under minScore and orders ties by id', () => {
    const q = buildDocumentVector(REWORDED_PROPOSALS[0]!);
    expect(rankSimilar(q, docs, table, { minScore: 0.3 }).map((x) => x.id)).toEqual(['p01']);
    const twins = [
      { id: 'b', vector: docs[0]!.vector },
      { id: 'a', vector: docs[0]!.vector },
    ];
    expect(rankSimilar(q, twins, table).map((x) => x.id)).toEqual(['a', 'b']);
  });
  it('builds the same vector from stored search tokens as from text', () => {
    for (const p of COUNTY_PROPOSALS.slice(0, 5)) {
      const fromTokens = documentVectorFromTokens({ title: searchTokens(p.title), body: searchTokens(p.body) });
      expect(fromTokens).toEqual(buildDocumentVector(p));
    }
  });
  it('leaves numbers, single characters and bigrams around function words out of the vector', () => {
    const v = buildDocumentVector({ title: '', body: '2024年建成服务站86个' });
    for (const t of v.body.keys()) expect(t).not.toMatch(/^\d+$|^.$|的|个/u);
    expect(v.body.has('服务')).toBe(true);
  });

  describe('document frequencies', () => {
    it('adds and removes documents symmetrically', () => {
      const t = createIdfTable();
      for (const d of docs) addToIdf(t, d.vector);
      expect(t).toEqual(table);
      for (const d of docs) removeFromIdf(t, d.vector);
      expect(t.docCount).toBe(0);
      expect(t.df.size).toBe(0);
    });
    it('weighs rare terms above common ones and unseen terms highest', () => {
      expect(idf(table, '幸福')).toBeGreaterThan(idf(table, '建设'));
      expect(idf(table, '从未出现过的词')).toBeGreaterThan(idf(table, '幸福'));
      expect(idf(table, '建设')).toBeGreaterThan(0);
    });
    it('loads from (term, ndoc) rows such as ts_stat output', () => {
      const rows = [...table.df.entries()];
      expect(idfTableFromDocumentFrequencies([...rows, ['2024', 3], ['的', 30]], table.docCount)).toEqual(table);
    });
  });

  describe('database prefilter', () => {
    it('picks the distinctive terms of the query that occur in the corpus and builds a safe OR query', () => {
      const q = buildDocumentVector(REWORDED_PROPOSALS[0]!);
      const terms = prefilterTerms(q, table, 10);
      expect(terms).toHaveLength(10);
      for (const t of terms) expect(table.df.get(t)).toBeGreaterThan(0);
      const tsq = prefilterTsQuery(q, table, 10)!;
      expect(isSafeTsQuery(tsq)).toBe(true);
      expect(tsq.split(' | ')).toHaveLength(10);
      expect(prefilterTsQuery(buildDocumentVector({ title: '', body: '' }), table)).toBeNull();
    });
    it('keeps the original among candidates sharing any prefilter term', () => {
      for (const r of REWORDED_PROPOSALS) {
        const terms = prefilterTerms(buildDocumentVector(r), table);
        const original = docs.find((d) => d.id === r.originalId)!.vector;
        expect(terms.some((t) => original.title.has(t) || original.body.has(t))).toBe(true);
      }
    });
  });

  it('rescores 400 candidates well within the lookup budget', () => {
    const candidates = Array.from({ length: 400 }, (_, i) => ({
      id: `c${i}`,
      vector: docs[i % docs.length]!.vector,
    }));
    const q = buildDocumentVector(REWORDED_PROPOSALS[3]!);
    rankSimilar(q, candidates, table); // warm up
    const t0 = performance.now();
    for (let k = 0; k < 5; k++) rankSimilar(q, candidates, table);
    const perLookup = (performance.now() - t0) / 5;
    expect(perLookup).toBeLessThan(40);
  });
});

describe('tsQuery regressions', () => {
  it('quotes a Han-script combining mark (U+16FF0) like any other lexeme', () => {
    expect(tsQuery('𖿰')).toBe("'𖿰':*");
  });
});
