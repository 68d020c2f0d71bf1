import { proposalErrorMessages, ProposalSettings } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import {
  bodyToSections,
  checkProposalContent,
  checkProposalDraftFields,
  countChars,
  proposalVersionHash,
  sectionsToBody,
} from './content.js';
import { proposalRefusalStatus } from './events.js';
import {
  chineseNumeral,
  classifySubmission,
  formatRegistrationNumber,
  nextRegistrationNumber,
  nextRegistrationSequence,
  numberingScope,
  plenaryInSession,
} from './sessions.js';
import { DEFAULT_PROPOSAL_SETTINGS } from './settings.js';

const sections = { situation: '情况内容', analysis: '分析内容', suggestions: '建议内容' };

describe('content', () => {
  it('counts characters the way committees count 字数 (whitespace excluded, astral characters once)', () => {
    expect(countChars('养老 服务\n站')).toBe(5);
    expect(countChars('𠀀𠀀')).toBe(2);
  });
  it('hashes 案由 and body, ignoring line-ending and trailing-space noise', () => {
    const h = proposalVersionHash('案由', '第一行\n第二行');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(proposalVersionHash('案由 ', '第一行  \r\n第二行\n')).toBe(h);
    expect(proposalVersionHash('案由', '第一行\n第二行。')).not.toBe(h);
    expect(proposalVersionHash('案由2', '第一行\n第二行')).not.toBe(h);
    // Title and body cannot trade text.
    expect(proposalVersionHash('ab', 'c')).not.toBe(proposalVersionHash('a', 'bc'));
  });
  it('seeds the body from sections and reads the sections back', () => {
    const body = sectionsToBody(sections);
    expect(body).toBe('一、情况与案据\n情况内容\n\n二、分析\n分析内容\n\n三、建议\n建议内容');
    expect(bodyToSections(body)).toEqual(sections);
  });
  it('recognises common heading variants and treats text before any heading as 情况', () => {
    expect(bodyToSections('开头的情况说明\n原因分析：\n经费不足\n具体建议\n1. 建议一\n2. 建议二')).toEqual({
      situation: '开头的情况说明',
      analysis: '经费不足',
      suggestions: '1. 建议一\n2. 建议二',
    });
    expect(bodyToSections('只有一段话')).toEqual({ situation: '只有一段话', analysis: '', suggestions: '' });
  });
  it('accepts a complete form and names every problem of an incomplete one', () => {
    const ok = { title: '关于加强农村供水管护的提案', category: '社会', body: sectionsToBody(sections) };
    expect(checkProposalContent(ok, DEFAULT_PROPOSAL_SETTINGS)).toEqual([]);
    expect(checkProposalContent({ ...ok, title: '', category: '体育', body: '只有情况' }, DEFAULT_PROPOSAL_SETTINGS).map((e) => e.path)).toEqual([
      'title',
      'category',
      'sections.analysis',
      'sections.suggestions',
    ]);
    expect(checkProposalContent({ ...ok, sections: { ...sections, suggestions: ' ' } }, DEFAULT_PROPOSAL_SETTINGS)).toEqual([
      { path: 'sections.suggestions', message: 'required' },
    ]);
  });
  it('applies the committee’s limits exactly at the boundary', () => {
    const at = (n: number) => ({ title: '题'.repeat(n), category: '经济', body: sectionsToBody(sections) });
    expect(checkProposalContent(at(60), DEFAULT_PROPOSAL_SETTINGS)).toEqual([]);
    expect(checkProposalContent(at(61), DEFAULT_PROPOSAL_SETTINGS)).toHaveLength(1);
    const long = sectionsToBody({ ...sections, situation: '字'.repeat(2000 - countChars(sectionsToBody(sections)) + 4) });
    expect(countChars(long)).toBe(2000);
    expect(checkProposalContent({ ...at(10), body: long }, DEFAULT_PROPOSAL_SETTINGS)).toEqual([]);
    expect(checkProposalContent({ ...at(10), body: `${long}多` }, DEFAULT_PROPOSAL_SETTINGS)).toEqual([
      { path: 'body', message: 'at most 2000 characters' },
    ]);
    const strict = { ...DEFAULT_PROPOSAL_SETTINGS, titleMaxLength: 20, bodyMaxLength: 1500, categories: ['综合'] };
    expect(checkProposalContent({ ...at(21), category: '综合', body: long }, strict).map((e) => e.path)).toEqual(['title', 'body']);
  });
  it('checks only the fields given while drafting', () => {
    expect(checkProposalDraftFields({}, DEFAULT_PROPOSAL_SETTINGS)).toEqual([]);
    expect(checkProposalDraftFields({ category: '文化' }, DEFAULT_PROPOSAL_SETTINGS)).toEqual([]);
    expect(checkProposalDraftFields({ title: '题'.repeat(61), category: 'x' }, DEFAULT_PROPOSAL_SETTINGS)).toHaveLength(2);
  });
});

describe('settings', () => {
  it('the defaults satisfy the settings contract', () => {
    expect(ProposalSettings.parse(DEFAULT_PROPOSAL_SETTINGS)).toEqual(DEFAULT_PROPOSAL_SETTINGS);
  });
  it('every refusal code has an HTTP status: 403 for permissions, 409 for state, 400 for input', () => {
    expect(proposalRefusalStatus('forbidden', proposalErrorMessages)).toBe(403);
    expect(proposalRefusalStatus('invalid_transition', proposalErrorMessages)).toBe(409);
    expect(proposalRefusalStatus('validation_failed', proposalErrorMessages)).toBe(400);
    expect(proposalRefusalStatus('signatures_stale', proposalErrorMessages)).toBe(409);
    expect(proposalRefusalStatus('invalid_assignment', proposalErrorMessages)).toBe(400);
    for (const m of Object.values(proposalErrorMessages)) {
      expect([400, 409]).toContain(m.status);
      expect(m.zh).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('session calendar', () => {
  const settings = {
    ...DEFAULT_PROPOSAL_SETTINGS,
    sessions: [
      { id: 's10-4', term: 10, session: 4, plenaryStart: '2026-01-12', plenaryEnd: '2026-01-16' },
      { id: 's10-3', term: 10, session: 3, plenaryStart: '2025-01-10', plenaryEnd: '2025-01-14', submissionDeadline: '2025-01-12' },
    ],
  };
  const at = (iso: string) => new Date(iso);

  it('大会提案 from three months before the plenary until its deadline (Beijing days)', () => {
    expect(classifySubmission(at('2025-10-11T16:00:00Z'), settings)).toMatchObject({ sessionKind: 'plenary', session: { id: 's10-4' } }); // 10-12 in Beijing
    expect(classifySubmission(at('2025-10-11T15:59:59Z'), settings)).toMatchObject({ sessionKind: 'regular', session: { id: 's10-3' } });
    expect(classifySubmission(at('2026-01-16T10:00:00Z'), settings)).toMatchObject({ sessionKind: 'plenary', session: { id: 's10-4' } });
    expect(classifySubmission(at('2026-01-16T16:00:00Z'), settings)).toMatchObject({ sessionKind: 'regular', session: { id: 's10-4' } });
  });
  it('uses the submission deadline when it is earlier than the plenary’s end', () => {
    expect(classifySubmission(at('2025-01-12T10:00:00Z'), settings).sessionKind).toBe('plenary');
    expect(classifySubmission(at('2025-01-13T10:00:00Z'), settings)).toMatchObject({ sessionKind: 'regular', session: { id: 's10-3' } });
  });
  it('numbers 平时提案 before any session with the first one, and copes with no calendar', () => {
    expect(classifySubmission(at('2024-06-01T00:00:00Z'), settings)).toMatchObject({ sessionKind: 'regular', session: { id: 's10-3' } });
    expect(classifySubmission(at('2024-06-01T00:00:00Z'), DEFAULT_PROPOSAL_SETTINGS)).toEqual({ sessionKind: 'regular', session: null });
  });
  it('supports the national “after 12-05 counts for the next plenary” rule', () => {
    const national = { ...settings, plenaryCutoffMonthDay: '12-05' };
    expect(classifySubmission(at('2025-12-04T10:00:00Z'), national).sessionKind).toBe('regular');
    expect(classifySubmission(at('2025-12-05T10:00:00Z'), national)).toMatchObject({ sessionKind: 'plenary', session: { id: 's10-4' } });
  });
  it('knows when a plenary is in session', () => {
    expect(plenaryInSession(at('2026-01-14T02:00:00Z'), settings)?.id).toBe('s10-4');
    expect(plenaryInSession(at('2026-01-17T02:00:00Z'), settings)).toBeNull();
  });
});

describe('registration numbers', () => {
  it('continue gap-free from the last one in the scope', () => {
    expect(nextRegistrationSequence(null)).toBe(1);
    expect(nextRegistrationSequence(undefined)).toBe(1);
    expect(nextRegistrationSequence(41)).toBe(42);
    expect(() => nextRegistrationSequence(-1)).toThrow(RangeError);
    expect(() => nextRegistrationSequence(1.5)).toThrow(RangeError);
    let last: number | null = null;
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) seen.push((last = nextRegistrationSequence(last)));
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
  it('format per committee template, Chinese numerals included', () => {
    const scope = numberingScope({ id: 's', term: 10, session: 3, plenaryStart: '2025-01-10', plenaryEnd: '2025-01-14' });
    expect(nextRegistrationNumber(6, scope, DEFAULT_PROPOSAL_SETTINGS)).toEqual({ sequence: 7, number: '十届三次会议第007号' });
    expect(formatRegistrationNumber('{term}-{session}-{seq:4}', scope, 12)).toBe('10-3-0012');
    expect(formatRegistrationNumber('第{seq}号', numberingScope(null), 1234)).toBe('第1234号');
  });
  it('writes 届/次 numbers in Chinese', () => {
    expect([1, 9, 10, 11, 13, 20, 21, 99, 100, 105, 110, 115, 120, 999].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十三',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
      '一百一十五',
      '一百二十',
      '九百九十九',
    ]);
    expect(chineseNumeral(1000)).toBe('1000');
  });
});
