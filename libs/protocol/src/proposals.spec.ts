import { describe, expect, it } from 'vitest';
import {
  CreateAssignmentsBody,
  CreateProposalBody,
  EvaluationBody,
  ListProposalsQuery,
  proposalErrorMessages,
  ReviewProposalBody,
  SimilarProposals,
  SimilarProposalsQuery,
} from './proposals.js';
import { SearchQuery, SearchResult } from './search.js';
import { CreateSocialReportBody, socialReportErrorMessages } from './social-reports.js';

describe('proposal contract', () => {
  it('creates with title and category; kind and sections optional', () => {
    expect(CreateProposalBody.parse({ title: ' 关于加强农村供水管护的提案 ', category: '社会' })).toEqual({
      title: '关于加强农村供水管护的提案',
      category: '社会',
    });
    const full = { title: '案由', category: '经济', kind: 'joint', sections: { situation: '情况', analysis: '分析', suggestions: '建议' } };
    expect(CreateProposalBody.parse(full)).toEqual(full);
    expect(CreateProposalBody.safeParse({ title: '', category: '社会' }).success).toBe(false);
    expect(CreateProposalBody.safeParse({ title: '案由', category: '社会', kind: 'party' }).success).toBe(false);
  });
  it('review: merge needs mergeInto, reject needs reasonCode and note', () => {
    expect(ReviewProposalBody.safeParse({ decision: 'register' }).success).toBe(true);
    expect(ReviewProposalBody.safeParse({ decision: 'merge' }).success).toBe(false);
    expect(ReviewProposalBody.safeParse({ decision: 'merge', mergeInto: 'p2' }).success).toBe(true);
    const r = ReviewProposalBody.safeParse({ decision: 'reject' });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['reasonCode', 'note']);
    expect(ReviewProposalBody.safeParse({ decision: 'reject', reasonCode: 'vague', note: '内容空泛' }).success).toBe(true);
    expect(ReviewProposalBody.safeParse({ decision: 'convert', convertTo: 'social_report' }).success).toBe(true);
  });
  it('assignments: units with lead/co/separate roles, optional due date', () => {
    expect(CreateAssignmentsBody.safeParse({ units: [] }).success).toBe(false);
    expect(CreateAssignmentsBody.safeParse({ units: [{ unitId: 'u1', role: 'host' }] }).success).toBe(false);
    expect(
      CreateAssignmentsBody.parse({ units: [{ unitId: 'u1', role: 'lead' }, { unitId: 'u2', role: 'co' }], dueAt: '2025-06-03T00:00:00+08:00' }),
    ).toMatchObject({ units: [{ role: 'lead' }, { role: 'co' }] });
  });
  it('evaluations rate satisfied / basically_satisfied / unsatisfied', () => {
    expect(EvaluationBody.safeParse({ rating: 'unsatisfied', comment: '未解决' }).success).toBe(true);
    expect(EvaluationBody.safeParse({ rating: 'ok' }).success).toBe(false);
  });
  it('lists filter by status (one or comma-separated), category and q', () => {
    expect(ListProposalsQuery.parse({ status: 'assigned,replied', q: '养老' })).toMatchObject({
      status: ['assigned', 'replied'],
      q: '养老',
      limit: 50,
    });
    expect(ListProposalsQuery.safeParse({ status: 'assigned,bogus' }).success).toBe(false);
  });
  it('similar lookup takes text and returns id, title and score in [0, 1]', () => {
    expect(SimilarProposalsQuery.parse({ text: '农村养老' })).toEqual({ text: '农村养老', limit: 10 });
    expect(SimilarProposals.safeParse([{ id: 'p1', title: '案由', score: 0.42 }]).success).toBe(true);
    expect(SimilarProposals.safeParse([{ id: 'p1', title: '案由', score: 1.2 }]).success).toBe(false);
  });
  it('every refusal code has a status and both languages', () => {
    for (const m of [...Object.values(proposalErrorMessages), ...Object.values(socialReportErrorMessages)]) {
      expect([400, 409]).toContain(m.status);
      expect(m.zh.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
    }
  });
});

describe('social report and search contracts', () => {
  it('creates a social report with title and content', () => {
    expect(CreateSocialReportBody.parse({ title: '关于独居老人取暖安全的情况反映', content: '情况……' })).toMatchObject({ content: '情况……' });
    expect(CreateSocialReportBody.parse({ title: '标题' })).toMatchObject({ content: '' });
  });
  it('searches with q and optional kinds; results carry kind, title, snippet and link', () => {
    expect(SearchQuery.parse({ q: '营商环境', kind: 'proposal,minutes' })).toMatchObject({ kind: ['proposal', 'minutes'], limit: 20 });
    expect(SearchQuery.safeParse({ q: '' }).success).toBe(false);
    const hit = { kind: 'minutes', id: 'm1', title: '纪要', snippet: '…优化营商环境…', highlights: [{ start: 3, end: 7 }], link: '/meetings/a/minutes' };
    expect(SearchResult.parse(hit)).toEqual(hit);
  });
});
