import { normalizeChar } from './normalize.js';
import { queryTerms } from './search-query.js';
import { charBigrams } from './segment.js';

export interface Highlight {
  /** UTF-16 offsets into the snippet text, end exclusive. */
  start: number;
  end: number;
}

export interface Snippet {
  /** Plain text (never HTML): the client marks the highlights itself. */
  text: string;
  highlights: Highlight[];
}

export interface SnippetOptions {
  /** Characters of context around the match, roughly; default 80. */
  maxLength?: number;
}

const ELLIPSIS = '…';

/**
 * The text normalised one code point at a time, with each normalised UTF-16 unit pointing back
 * at the code point it came from, so a match found in normalised text maps to the original.
 */
function normalizedWithMap(text: string): { norm: string; origStart: number[]; origEnd: number[] } {
  let norm = '';
  const origStart: number[] = [];
  const origEnd: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normalizeChar(ch);
    for (let k = 0; k < n.length; k++) {
      origStart.push(i);
      origEnd.push(i + ch.length);
    }
    norm += n;
    i += ch.length;
  }
  return { norm, origStart, origEnd };
}

function findAll(norm: string, terms: string[]): { start: number; end: number }[] {
  const hits: { start: number; end: number }[] = [];
  for (const term of terms) {
    for (let at = norm.indexOf(term); at !== -1; at = norm.indexOf(term, at + term.length)) {
      hits.push({ start: at, end: at + term.length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Merge overlapping hits so highlights never nest.
  const merged: { start: number; end: number }[] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

/** Never cut a surrogate pair in half. */
function safeCut(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * A short excerpt of `text` around the first place the query matches, with every match inside
 * the excerpt marked. Whitespace is collapsed. When nothing matches exactly, falls back to the
 * first matching character pair of a query term, then to the start of the text.
 */
export function snippet(text: string, query: string, options: SnippetOptions = {}): Snippet {
  const maxLength = Math.max(10, options.maxLength ?? 80);
  const flat = text.replace(/\s+/g, ' ').trim();
  const { norm, origStart, origEnd } = normalizedWithMap(flat);
  const terms = queryTerms(query);
  let hits = findAll(norm, terms);
  if (!hits.length) {
    const pairs = [...new Set(terms.flatMap((t) => charBigrams(t)))];
    hits = findAll(norm, pairs);
  }

  const first = hits[0];
  let from = 0;
  if (first) {
    const matchStart = origStart[first.start]!;
    const matchEnd = origEnd[first.end - 1]!;
    const room = Math.max(0, maxLength - (matchEnd - matchStart));
    from = Math.max(0, matchStart - Math.floor(room / 3));
  }
  let to = Math.min(flat.length, from + maxLength);
  if (to === flat.length) from = Math.max(0, to - maxLength);
  from = safeCut(flat, from);
  to = safeCut(flat, to);

  const prefix = from > 0 ? ELLIPSIS : '';
  const suffix = to < flat.length ? ELLIPSIS : '';
  const highlights: Highlight[] = [];
  for (const h of hits) {
    const s = origStart[h.start]!;
    const e = origEnd[h.end - 1]!;
    if (s >= from && e <= to) highlights.push({ start: s - from + prefix.length, end: e - from + prefix.length });
  }
  return { text: prefix + flat.slice(from, to) + suffix, highlights };
}

/** The snippet as one string with each highlight wrapped, for plain-text channels (exports, logs). */
export function markSnippet(s: Snippet, open = '【', close = '】'): string {
  let out = '';
  let at = 0;
  for (const h of s.highlights) {
    out += s.text.slice(at, h.start) + open + s.text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + s.text.slice(at);
}
