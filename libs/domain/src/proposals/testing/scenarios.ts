/**
 * A worked proposal life with a cast of actors, for tests (domain, server integration, seeds).
 * Not exported from the package index: import it by path.
 */
import type { ProposalSettings } from '@xieshang/protocol';
import { proposalVersionHash, sectionsToBody } from '../content.js';
import type { ProposalActor, ProposalEvent } from '../events.js';
import { DEFAULT_PROPOSAL_SETTINGS } from '../settings.js';
import { newProposal, type ProposalState } from '../state.js';
import { transitionProposal } from '../transition.js';

// ── cast ──
export const P: ProposalActor = { userId: 'u-p', role: 'member' }; // 第一提案人
export const C: ProposalActor = { userId: 'u-c', role: 'member' }; // 联名
export const M: ProposalActor = { userId: 'u-m', role: 'member' }; // unrelated member
export const S: ProposalActor = { userId: 'u-s', role: 'staff' }; // 提案委 office
export const A: ProposalActor = { userId: 'u-a', role: 'admin' };
export const L: ProposalActor = { userId: 'u-l', role: 'unit', unitId: 'unit-lead' }; // 主办
export const O: ProposalActor = { userId: 'u-o', role: 'unit', unitId: 'unit-co' }; // 会办
export const X: ProposalActor = { userId: 'u-x', role: 'unit', unitId: 'unit-x' }; // not assigned
export const SYS: ProposalActor = { userId: null, role: 'system' };
export const CAST = { P, C, M, S, A, L, O, X, SYS };

export const settings: ProposalSettings = {
  ...DEFAULT_PROPOSAL_SETTINGS,
  sessions: [
    { id: 's10-3', term: 10, session: 3, plenaryStart: '2025-01-10', plenaryEnd: '2025-01-14' },
    { id: 's10-4', term: 10, session: 4, plenaryStart: '2026-01-12', plenaryEnd: '2026-01-16' },
  ],
};

/** Monday 2025-03-03, 10:00 in Beijing. */
export const T0 = new Date('2025-03-03T02:00:00Z');
export const hours = (h: number) => new Date(T0.getTime() + h * 3600_000);

export const TITLE = '关于加强农村居家养老服务站建设的提案';
export const BODY = sectionsToBody({
  situation: '全县已建成村级居家养老服务站86个，多数只有活动室，缺少助餐、日间照料服务。',
  analysis: '运营经费没有稳定来源，缺乏专业人员。',
  suggestions: '将运营补贴纳入县级预算；引入社会组织连锁运营；建立星级评定制度。',
});
export const HASH = proposalVersionHash(TITLE, BODY);
export const CONTENT = { title: TITLE, category: '社会', body: BODY };

export type Step = [ProposalActor, ProposalEvent, Date?];

/** Applies steps, failing loudly if any is refused. */
export function run(state: ProposalState, steps: Step[], at = hours(1)): ProposalState {
  let s = state;
  for (const [actor, event, when] of steps) {
    const r = transitionProposal(s, event, actor, settings, when ?? at);
    if (!r.ok) throw new Error(`${event.type} by ${actor.userId} refused: ${r.code} ${r.message}`);
    s = r.next;
  }
  return s;
}

export const draft = () =>
  run(newProposal({ id: 'p1', proposerId: 'u-p', title: TITLE, category: '社会', versionHash: HASH, now: T0 }), [
    [P, { type: 'invite_cosigner', userId: 'u-c' }],
  ]);
export const submitted = () =>
  run(draft(), [
    [C, { type: 'sign', versionHash: HASH }],
    [P, { type: 'submit', content: CONTENT }],
  ]);
export const registered = () => run(submitted(), [[S, { type: 'register', number: '十届三次会议第001号' }]]);
export const assigned = () =>
  run(
    registered(),
    [
      [
        S,
        {
          type: 'assign',
          units: [
            { unitId: 'unit-lead', role: 'lead' },
            { unitId: 'unit-co', role: 'co' },
          ],
        },
      ],
    ],
    hours(2),
  );
export const replied = () =>
  run(assigned(), [[L, { type: 'reply', resultCode: 'B', content: '已将服务站运营补贴列入明年预算。' }]], hours(48));
export const evaluating = () =>
  run(replied(), [
    [O, { type: 'cosign_reply' }, hours(49)],
    [S, { type: 'approve_reply', unitId: 'unit-lead' }, hours(50)],
  ]);
export const rehandling = () =>
  run(evaluating(), [
    [P, { type: 'evaluate', rating: 'unsatisfied', comment: '补贴标准不明确' }, hours(60)],
    [C, { type: 'evaluate', rating: 'satisfied' }, hours(61)],
  ]);
export const consultation = () =>
  run(rehandling(), [
    [L, { type: 'reply', resultCode: 'B', content: '补充说明补贴标准。' }, hours(100)],
    [O, { type: 'cosign_reply' }, hours(101)],
    [S, { type: 'approve_reply', unitId: 'unit-lead' }, hours(102)],
    [P, { type: 'evaluate', rating: 'unsatisfied' }, hours(103)],
    [C, { type: 'evaluate', rating: 'basically_satisfied' }, hours(104)],
  ]);
export const closed = () =>
  run(evaluating(), [
    [P, { type: 'evaluate', rating: 'satisfied' }, hours(60)],
    [C, { type: 'evaluate', rating: 'basically_satisfied' }, hours(61)],
  ]);

