import { isHan, normalizeText, splitRuns } from './normalize.js';
import { isStopWord } from './stopwords.js';

/**
 * Chinese word segmentation with the ICU dictionary that Node (full ICU) and every current
 * browser ship, so no native module or dictionary file is needed. Where Intl.Segmenter is
 * missing, every Han character becomes its own word: search still works through bigrams.
 */
let segmenter: Intl.Segmenter | null | undefined;

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

function segmentHanRun(run: string): string[] {
  const seg = getSegmenter();
  if (!seg) return [...run];
  const out: string[] = [];
  for (const s of seg.segment(run)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** The words of a text, normalised, in order (stop words included). */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (run.han) words.push(...segmentHanRun(run.text));
    else words.push(run.text);
  }
  return words;
}

/** Overlapping character pairs of one run of Han characters: 营商环境 → 营商 商环 环境. */
export function charBigrams(hanRun: string): string[] {
  const chars = [...hanRun];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Longest token kept: a longer run of letters/digits (a pasted hash or URL) helps nobody. */
export const MAX_TOKEN_LENGTH = 40;

export interface TextTerms {
  /** Content words in order: segmented Han words and letter/digit runs, stop words removed. */
  words: string[];
  /** Character bigrams of every Han run, in order (nothing removed: they back substring search). */
  bigrams: string[];
}

export function extractTerms(text: string): TextTerms {
  const words: string[] = [];
  const bigrams: string[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (run.han) {
      for (const w of segmentHanRun(run.text)) if (!isStopWord(w)) words.push(w);
      bigrams.push(...charBigrams(run.text));
    } else {
      words.push(run.text.slice(0, MAX_TOKEN_LENGTH));
    }
  }
  return { words, bigrams };
}

export function isHanToken(token: string): boolean {
  const first = token.codePointAt(0);
  return first !== undefined && isHan(String.fromCodePoint(first));
}
