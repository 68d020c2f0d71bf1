/**
 * Text normalisation shared by indexing, querying, snippets and similarity, so the same words
 * always produce the same tokens no matter how they were typed (full-width on a phone keyboard,
 * half-width on a desktop, mixed case).
 */

// Zero-width and formatting characters that sneak in from Word documents and WeChat copies.
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u00AD]/g;

/** Full-width → half-width (NFKC), lower case, invisible characters removed. Length may change. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** Normalise one code point (for offset-preserving work such as snippets). */
export function normalizeChar(char: string): string {
  return char.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

const HAN = /^\p{Script=Han}$/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

/**
 * Splits normalised text into runs that become tokens: runs of Han characters and runs of other
 * letters/digits. Everything else (punctuation, symbols, spaces) only separates runs.
 */
export function splitRuns(normalized: string): { text: string; han: boolean }[] {
  const runs: { text: string; han: boolean }[] = [];
  for (const m of normalized.matchAll(/(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu)) {
    if (m[1]) runs.push({ text: m[1], han: true });
    else if (m[2]) runs.push({ text: m[2], han: false });
  }
  return runs;
}
