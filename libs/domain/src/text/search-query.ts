import { normalizeText, splitRuns } from './normalize.js';
import { charBigrams, extractTerms, MAX_TOKEN_LENGTH } from './segment.js';

/**
 * Full-text search for Chinese on PGlite and PostgreSQL alike: the application segments, the
 * database indexes. `searchTokens(text)` goes into a column indexed as `to_tsvector('simple', …)`;
 * `tsQuery(userQuery)` is passed as the argument of `to_tsquery('simple', $1)`.
 *
 * The token string is the character bigrams of every Han run, then the content words. Queries
 * match Han text through the bigrams as a phrase (营商环境 → 营商 <-> 商环 <-> 环境), which finds
 * the exact substring whatever the segmenter made of the surrounding text. The words serve
 * ranking and the similar-proposal prefilter. Bigrams come first because PostgreSQL stores
 * positions only up to 16,383: index long texts in pieces (`splitForIndexing`).
 */
export function searchTokens(text: string): string {
  const { words, bigrams } = extractTerms(text);
  return [...bigrams, ...words].join(' ');
}

/**
 * Splits a long text (minutes, documents) into pieces of at most `maxChars`, at paragraph
 * breaks where possible, so each indexed row stays within tsvector's position limit and a hit
 * can link to the part of the text it came from.
 */
export function splitForIndexing(text: string, maxChars = 4000): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pieces.push(current.trim());
    current = '';
  };
  for (const paragraph of text.split(/\n+/)) {
    if (current.length + paragraph.length + 1 > maxChars) flush();
    if (paragraph.length <= maxChars) {
      current = current ? `${current}\n${paragraph}` : paragraph;
      continue;
    }
    const chars = [...paragraph];
    for (let i = 0; i < chars.length; i += maxChars) {
      current = chars.slice(i, i + maxChars).join('');
      flush();
    }
  }
  flush();
  return pieces;
}

function splitQuery(userQuery: string): string[] {
  return normalizeText(userQuery.slice(0, 500))
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);
}

/** Bounds on what one query can ask of the database. */
export const MAX_QUERY_TERMS = 8;
const MAX_PHRASE_TOKENS = 24;

/**
 * A lexeme as a tsquery operand. Tokens only ever hold letters and digits, but quoting and
 * escaping anyway means no future change to tokenisation can let input reach the query syntax.
 */
export function tsLexeme(token: string, prefix = false): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

function termQuery(term: string): string | null {
  const parts: string[] = [];
  for (const run of splitRuns(term)) {
    if (run.han) {
      const chars = [...run.text];
      if (chars.length === 1) {
        // One character: any word or bigram that starts with it.
        parts.push(tsLexeme(run.text, true));
      } else {
        parts.push(
          charBigrams(run.text)
            .slice(0, MAX_PHRASE_TOKENS)
            .map((b) => tsLexeme(b))
            .join(' <-> '),
        );
      }
    } else {
      parts.push(tsLexeme(run.text.slice(0, MAX_TOKEN_LENGTH), true));
    }
  }
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : `(${parts.join(' & ')})`;
}

/**
 * A `to_tsquery('simple', …)` string for what a user typed: every whitespace- or
 * punctuation-separated term must match (AND). Returns null when nothing searchable is left
 * (empty, only punctuation), in which case the caller returns no results instead of querying.
 */
export function tsQuery(userQuery: string): string | null {
  const terms = splitQuery(userQuery);
  const parts: string[] = [];
  for (const term of terms) {
    const q = termQuery(term);
    if (q && !parts.includes(q)) parts.push(q);
    if (parts.length >= MAX_QUERY_TERMS) break;
  }
  return parts.length ? parts.join(' & ') : null;
}

/** The terms of a user query as they will be highlighted (normalised, de-duplicated, longest first). */
export function queryTerms(userQuery: string): string[] {
  const terms = new Set<string>();
  for (const t of splitQuery(userQuery)) for (const run of splitRuns(t)) terms.add(run.text);
  return [...terms].sort((a, b) => b.length - a.length).slice(0, MAX_QUERY_TERMS * 2);
}
