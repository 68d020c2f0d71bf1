import {
  DEFAULT_SIMILARITY_WEIGHTS,
  type DocumentVector,
  type SimilarityWeights,
  type TermCounts,
} from './similarity.js';

/**
 * An in-memory inverted index over document vectors, for similar-proposal lookup in a few
 * milliseconds over tens of thousands of proposals, the same on PGlite and PostgreSQL. It
 * computes exactly the score of `scoreSimilarity` (TF-IDF cosine of 案由, body and both,
 * weighted), over each document's most distinctive terms (`maxTermsPerDocument`).
 *
 * Memory is about 12 bytes per kept term: 20,000 proposals × 200 terms ≈ 50 MB. Document norms
 * follow the changing document frequencies lazily (recomputed once 1% of documents changed);
 * call `refresh()` once after a bulk load so the first query does not pay for it.
 *
 * Server use: store `serializeDocumentVector(buildDocumentVector({ title, body }))` with each
 * proposal; at start (or on first lookup) `add` every stored vector and `refresh()`; `add` again
 * on every edit, `remove` on delete; answer `GET /api/proposals/similar?text=` with
 * `query(buildDocumentVector({ title: '', body: text }), { exclude })`.
 */
export interface SimilarityIndexOptions {
  /** Terms kept per document (highest TF-IDF first); default 200. */
  maxTermsPerDocument?: number;
}

export interface SimilarityQueryOptions<Id> {
  limit?: number;
  /** Default 0.1. */
  minScore?: number;
  /** Documents to leave out (the proposal being drafted). */
  exclude?: Id | Iterable<Id>;
  weights?: SimilarityWeights;
}

/**
 * A term's posting list: one double per document, `doc × 2³² + (titleCount << 16 | bodyCount)`,
 * in a plain array (cheap to create for the many rare terms, 8 bytes per entry).
 */
type Postings = number[];
const DOC_SHIFT = 4294967296;

const TF_CAP = 0xffff;
// 1 + ln(n) for small counts, looked up instead of computed in the scoring loop.
const LOG_TABLE = Float64Array.from({ length: 256 }, (_, n) => (n > 0 ? 1 + Math.log(n) : 0));
const logTf = (n: number) => (n < 256 ? LOG_TABLE[n]! : 1 + Math.log(n));

export class SimilarityIndex<Id extends string | number = string> {
  private readonly maxTerms: number;
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private readonly df: number[] = [];
  private readonly ids: (Id | null)[] = [];
  private readonly slots = new Map<Id, number>();
  private readonly docTerms: (Int32Array | null)[] = [];
  private normTitle: number[] = [];
  private normBody: number[] = [];
  private normAll: number[] = [];
  private live = 0;
  private dead = 0;
  private changes = 0;

  constructor(options: SimilarityIndexOptions = {}) {
    this.maxTerms = options.maxTermsPerDocument ?? 200;
  }

  get size(): number {
    return this.live;
  }

  has(id: Id): boolean {
    return this.slots.has(id);
  }

  private idfOf(termId: number | undefined): number {
    const df = termId === undefined ? 0 : this.df[termId]!;
    return Math.log((this.live + 1) / (df + 1)) + 1;
  }

  /** Adds a document, replacing an earlier version with the same id. */
  add(id: Id, vector: DocumentVector): void {
    if (this.slots.has(id)) this.remove(id);
    // Parallel arrays rather than a tuple per term: adding runs 20,000 times at start.
    const at = new Map<string, number>();
    const terms: string[] = [];
    const tfTitle: number[] = [];
    const tfBody: number[] = [];
    for (const [t, n] of vector.title) {
      at.set(t, terms.length);
      terms.push(t);
      tfTitle.push(Math.min(n, TF_CAP));
      tfBody.push(0);
    }
    for (const [t, n] of vector.body) {
      const i = at.get(t);
      if (i !== undefined) tfBody[i] = Math.min(n, TF_CAP);
      else {
        terms.push(t);
        tfTitle.push(0);
        tfBody.push(Math.min(n, TF_CAP));
      }
    }
    let order = terms.map((_, i) => i);
    if (terms.length > this.maxTerms) {
      const weight = terms.map((t, i) => logTf(tfTitle[i]! + tfBody[i]!) * this.idfOf(this.termIds.get(t)));
      order = order
        .sort((x, y) => weight[y]! - weight[x]! || (terms[x]! < terms[y]! ? -1 : 1))
        .slice(0, this.maxTerms);
    }
    const doc = this.ids.length;
    this.ids.push(id);
    this.slots.set(id, doc);
    const termList = new Int32Array(order.length);
    let t2 = 0;
    let b2 = 0;
    let c2 = 0;
    order.forEach((i, k) => {
      const t = terms[i]!;
      const a = tfTitle[i]!;
      const b = tfBody[i]!;
      let termId = this.termIds.get(t);
      if (termId === undefined) {
        termId = this.postings.length;
        this.termIds.set(t, termId);
        this.postings.push([]);
        this.df.push(0);
      }
      this.postings[termId]!.push(doc * DOC_SHIFT + ((a << 16) | b));
      this.df[termId]!++;
      termList[k] = termId;
    });
    this.live++;
    this.changes++;
    // Norms with the frequencies including this document (as a later refresh would compute them).
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const w = this.idfOf(termList[k]);
      t2 += (logTf(tfTitle[i]!) * w) ** 2;
      b2 += (logTf(tfBody[i]!) * w) ** 2;
      c2 += (logTf(tfTitle[i]! + tfBody[i]!) * w) ** 2;
    }
    this.docTerms.push(termList);
    this.normTitle.push(Math.sqrt(t2));
    this.normBody.push(Math.sqrt(b2));
    this.normAll.push(Math.sqrt(c2));
  }

  remove(id: Id): boolean {
    const doc = this.slots.get(id);
    if (doc === undefined) return false;
    this.slots.delete(id);
    this.ids[doc] = null;
    for (const termId of this.docTerms[doc]!) this.df[termId]!--;
    this.docTerms[doc] = null;
    this.live--;
    this.dead++;
    this.changes++;
    if (this.dead > 256 && this.dead > this.live / 4) this.compact();
    return true;
  }

  /** Drops removed documents from the posting lists. */
  private compact(): void {
    for (const p of this.postings) {
      let w = 0;
      for (let r = 0; r < p.length; r++) {
        if (this.ids[Math.floor(p[r]! / DOC_SHIFT)] === null) continue;
        p[w++] = p[r]!;
      }
      p.length = w;
    }
    this.dead = 0;
  }

  /** Recomputes every document's norms with the current document frequencies. */
  refresh(): void {
    const n = this.ids.length;
    const t2 = new Float64Array(n);
    const b2 = new Float64Array(n);
    const c2 = new Float64Array(n);
    this.postings.forEach((p, termId) => {
      const w = this.idfOf(termId);
      for (let i = 0; i < p.length; i++) {
        const doc = Math.floor(p[i]! / DOC_SHIFT);
        if (this.ids[doc] === null) continue;
        const tf = p[i]! - doc * DOC_SHIFT;
        const a = tf >>> 16;
        const b = tf & TF_CAP;
        t2[doc]! += (logTf(a) * w) ** 2;
        b2[doc]! += (logTf(b) * w) ** 2;
        c2[doc]! += (logTf(a + b) * w) ** 2;
      }
    });
    this.normTitle = Array.from(t2, Math.sqrt);
    this.normBody = Array.from(b2, Math.sqrt);
    this.normAll = Array.from(c2, Math.sqrt);
    this.changes = 0;
  }

  private weigh(counts: TermCounts): { weights: Map<string, number>; norm: number } {
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [t, n] of counts) {
      const w = logTf(n) * this.idfOf(this.termIds.get(t));
      weights.set(t, w);
      sq += w * w;
    }
    return { weights, norm: Math.sqrt(sq) };
  }

  /** The most similar documents, best first (ties by id), scores rounded to 3 decimals. */
  query(vector: DocumentVector, options: SimilarityQueryOptions<Id> = {}): { id: Id; score: number }[] {
    if (this.changes > Math.max(16, this.live / 100)) this.refresh();
    const all = new Map(vector.title);
    for (const [t, n] of vector.body) all.set(t, (all.get(t) ?? 0) + n);
    const qt = this.weigh(vector.title);
    const qb = this.weigh(vector.body);
    const qc = this.weigh(all);
    if (qc.norm === 0) return [];

    const n = this.ids.length;
    const dotT = new Float64Array(n);
    const dotB = new Float64Array(n);
    const dotC = new Float64Array(n);
    const touched: number[] = [];
    const seen = new Uint8Array(n);
    for (const [t, wc] of qc.weights) {
      const termId = this.termIds.get(t);
      if (termId === undefined) continue;
      const p = this.postings[termId]!;
      const idf = this.idfOf(termId);
      const wt = qt.weights.get(t) ?? 0;
      const wb = qb.weights.get(t) ?? 0;
      for (let i = 0; i < p.length; i++) {
        const doc = Math.floor(p[i]! / DOC_SHIFT);
        if (this.ids[doc] === null) continue;
        const tf = p[i]! - doc * DOC_SHIFT;
        const a = tf >>> 16;
        const b = tf & TF_CAP;
        if (!seen[doc]) {
          seen[doc] = 1;
          touched.push(doc);
        }
        if (wt && a) dotT[doc]! += wt * logTf(a) * idf;
        if (wb && b) dotB[doc]! += wb * logTf(b) * idf;
        dotC[doc]! += wc * logTf(a + b) * idf;
      }
    }

    const excluded = new Set<Id>(
      options.exclude === undefined
        ? []
        : typeof options.exclude === 'object' && Symbol.iterator in options.exclude
          ? options.exclude
          : [options.exclude as Id],
    );
    const w = options.weights ?? DEFAULT_SIMILARITY_WEIGHTS;
    const total = w.title + w.body + w.combined;
    const twoParts = qt.norm > 0 && qb.norm > 0 && total > 0;
    const cos = (dot: number, qn: number, dn: number) => (qn === 0 || dn === 0 ? 0 : Math.min(1, dot / (qn * dn)));
    const minScore = options.minScore ?? 0.1;
    const out: { id: Id; score: number }[] = [];
    for (const doc of touched) {
      const id = this.ids[doc]!;
      if (excluded.has(id)) continue;
      const combined = cos(dotC[doc]!, qc.norm, this.normAll[doc]!);
      const score = twoParts
        ? Math.min(
            1,
            (w.title * cos(dotT[doc]!, qt.norm, this.normTitle[doc]!) +
              w.body * cos(dotB[doc]!, qb.norm, this.normBody[doc]!) +
              w.combined * combined) /
              total,
          )
        : combined;
      if (score >= minScore) out.push({ id, score: Math.round(score * 1000) / 1000 });
    }
    out.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    return out.slice(0, options.limit ?? 10);
  }
}

// ── storage form ──

function serializeCounts(counts: TermCounts): string {
  return [...counts].map(([t, n]) => `${t}:${n}`).join(' ');
}

function parseCounts(text: string): TermCounts {
  const counts: TermCounts = new Map();
  if (!text) return counts;
  for (const part of text.split(' ')) {
    const i = part.lastIndexOf(':');
    const n = Number(part.slice(i + 1));
    if (i > 0 && Number.isInteger(n) && n > 0) counts.set(part.slice(0, i), n);
  }
  return counts;
}

/**
 * A compact text form of a vector ("term:count …|term:count …") to store beside a proposal,
 * so the index can be rebuilt at start without segmenting any text again.
 */
export function serializeDocumentVector(vector: DocumentVector): string {
  return `${serializeCounts(vector.title)}|${serializeCounts(vector.body)}`;
}

export function parseDocumentVector(text: string): DocumentVector {
  const bar = text.indexOf('|');
  return bar < 0
    ? { title: new Map(), body: parseCounts(text) }
    : { title: parseCounts(text.slice(0, bar)), body: parseCounts(text.slice(bar + 1)) };
}
