import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ProposalSections, ProposalSettings } from '@xieshang/protocol';
import { canonicalJson } from '../audit/hash-chain.js';

export interface ProposalFieldError {
  path: string;
  message: string;
}

/** 字数 as committees count it: characters, whitespace not counted. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/**
 * The hash a 联名 signature is bound to: 案由 and body text only (the category is the office's
 * classification and may change without invalidating signatures). Line endings and trailing
 * whitespace are normalised so an editor round-trip does not look like an edit.
 */
export function proposalVersionHash(title: string, body: string): string {
  const norm = (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trim();
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ v: 1, title: norm(title), body: norm(body) }))));
}

/** Headings of the three parts of the body, as seeded into the co-edited document. */
export const PROPOSAL_SECTION_HEADINGS: Record<keyof ProposalSections, string> = {
  situation: '一、情况与案据',
  analysis: '二、分析',
  suggestions: '三、建议',
};

/** Plain text that seeds the co-edited body from `sections`. */
export function sectionsToBody(sections: ProposalSections): string {
  return (Object.keys(PROPOSAL_SECTION_HEADINGS) as (keyof ProposalSections)[])
    .map((k) => `${PROPOSAL_SECTION_HEADINGS[k]}\n${sections[k].trim()}`)
    .join('\n\n');
}

const HEADING_PATTERNS: [keyof ProposalSections, RegExp][] = [
  ['situation', /^(?:[一1][、.．]\s*)?(?:情况与案据|情况和案据|基本情况|情况|案据)\s*[:：]?$/],
  ['analysis', /^(?:[二2][、.．]\s*)?(?:原因分析|问题分析|存在问题|分析)\s*[:：]?$/],
  ['suggestions', /^(?:[三3][、.．]\s*)?(?:具体建议|对策建议|意见建议|建议)\s*[:：]?$/],
];

/**
 * Splits the body's plain text into its parts by their heading lines. Text before the first
 * heading counts as 情况. Returns empty strings for missing parts (so submit can name them).
 */
export function bodyToSections(body: string): ProposalSections {
  const out: ProposalSections = { situation: '', analysis: '', suggestions: '' };
  let current: keyof ProposalSections = 'situation';
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING_PATTERNS.find(([, re]) => re.test(line));
    if (heading) {
      current = heading[0];
      continue;
    }
    out[current] = out[current] ? `${out[current]}\n${raw}` : raw;
  }
  for (const k of Object.keys(out) as (keyof ProposalSections)[]) out[k] = out[k].trim();
  return out;
}

export interface ProposalContent {
  title: string;
  category: string;
  /** The whole body as plain text (what the version hash covers). */
  body: string;
  /** The body's parts; derived from `body` with `bodyToSections` when omitted. */
  sections?: ProposalSections;
}

/** 一事一案 form rules: 案由 present and short, known category, no empty part, body within the limit. */
export function checkProposalContent(content: ProposalContent, settings: ProposalSettings): ProposalFieldError[] {
  const errors: ProposalFieldError[] = [];
  const title = content.title.trim();
  if (!title) errors.push({ path: 'title', message: 'required' });
  else if ([...title].length > settings.titleMaxLength) {
    errors.push({ path: 'title', message: `at most ${settings.titleMaxLength} characters` });
  }
  if (!settings.categories.includes(content.category)) {
    errors.push({ path: 'category', message: `one of ${settings.categories.join(', ')}` });
  }
  const sections = content.sections ?? bodyToSections(content.body);
  for (const k of Object.keys(PROPOSAL_SECTION_HEADINGS) as (keyof ProposalSections)[]) {
    if (!sections[k].trim()) errors.push({ path: `sections.${k}`, message: 'required' });
  }
  if (countChars(content.body) > settings.bodyMaxLength) {
    errors.push({ path: 'body', message: `at most ${settings.bodyMaxLength} characters` });
  }
  return errors;
}

/** The checks that apply while drafting (create/PATCH): only what the user typed so far. */
export function checkProposalDraftFields(
  fields: { title?: string; category?: string },
  settings: ProposalSettings,
): ProposalFieldError[] {
  const errors: ProposalFieldError[] = [];
  if (fields.title !== undefined) {
    const title = fields.title.trim();
    if (!title) errors.push({ path: 'title', message: 'required' });
    else if ([...title].length > settings.titleMaxLength) {
      errors.push({ path: 'title', message: `at most ${settings.titleMaxLength} characters` });
    }
  }
  if (fields.category !== undefined && !settings.categories.includes(fields.category)) {
    errors.push({ path: 'category', message: `one of ${settings.categories.join(', ')}` });
  }
  return errors;
}
