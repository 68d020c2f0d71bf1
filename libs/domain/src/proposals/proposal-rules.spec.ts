import type { ProposalStatus } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../calendar/local-date.js';
import { proposalVersionHash } from './content.js';
import type { ProposalActor, ProposalEvent } from './events.js';
import { dueSystemEvents } from './overview.js';
import { newProposal, overdueAssignments, proposalDueAt, type ProposalState, signerViews } from './state.js';
import {
  A,
  assigned,
  BODY,
  C,
  CONTENT,
  draft,
  evaluating,
  HASH,
  hours,
  L,
  M,
  O,
  P,
  registered,
  rehandling,
  replied,
  run,
  S,
  settings,
  submitted,
  SYS,
  T0,
  TITLE,
  X,
} from './testing/scenarios.js';
import { availableProposalEvents, transitionProposal } from './transition.js';

const at = (iso: string) => new Date(iso);
function attempt(s: ProposalState, actor: ProposalActor, event: ProposalEvent, now = hours(72)) {
  return transitionProposal(s, event, actor, settings, now);
}
function expectRefused(r: ReturnType<typeof attempt>, code: string) {
  expect(r.ok ? 'ok' : r.code).toBe(code);
}
const twoLeads = { unitId: 'unit-x', role: 'lead' as const };

describe('a full proposal life (issue 7 integration path, in the domain)', () => {
  it('draft → 联名 → stale signature → re-sign → submit → register → assign → co opinion → answer → 不满意 → re-handle → 满意 → closed', () => {
    const timeline: string[] = [];
    let s = newProposal({ id: 'p1', proposerId: 'u-p', title: TITLE, category: '社会', versionHash: HASH, now: T0 });
    const step = (actor: ProposalActor, event: ProposalEvent, now: Date) => {
      const r = transitionProposal(s, event, actor, settings, now);
      if (!r.ok) throw new Error(`${event.type}: ${r.code}`);
      timeline.push(`${r.entry.action}:${r.entry.fromStatus}→${r.entry.toStatus}`);
      s = r.next;
      return r;
    };
    step(P, { type: 'invite_cosigner', userId: 'u-c' }, hours(1));
    expect(s.kind).toBe('joint');
    step(C, { type: 'sign', versionHash: HASH }, hours(2));
    const body2 = `${BODY}\n补充：建议每年开展一次服务站运营评估。`;
    const edited = step(P, { type: 'edit', versionHash: proposalVersionHash(TITLE, body2) }, hours(3));
    expect(edited.effects).toContainEqual(expect.objectContaining({ notice: 'proposal.signature_stale', to: { userIds: ['u-c'] } }));
    expect(signerViews(s).find((x) => x.userId === 'u-c')!.stale).toBe(true);
    expectRefused(attempt(s, P, { type: 'submit', content: { ...CONTENT, body: body2 } }, hours(4)), 'signatures_stale');
    step(C, { type: 'sign', versionHash: proposalVersionHash(TITLE, body2) }, hours(5));
    step(P, { type: 'submit', content: { ...CONTENT, body: body2 } }, hours(6));
    expect(s.sessionKind).toBe('regular');
    expect(s.sessionId).toBe('s10-3');
    expect(signerViews(s).every((x) => !x.stale && x.signedAt)).toBe(true);
    step(S, { type: 'register', number: '十届三次会议第001号' }, hours(7));
    step(S, { type: 'assign', units: [{ unitId: 'unit-lead', role: 'lead' }, { unitId: 'unit-co', role: 'co' }] }, hours(8));
    step(O, { type: 'co_opinion', content: '建议明确补贴标准。' }, hours(30));
    step(L, { type: 'reply', resultCode: 'B', content: '已列入明年预算。', signerName: '李局长', contact: '0731-1234567' }, hours(60));
    step(O, { type: 'cosign_reply' }, hours(61));
    step(S, { type: 'approve_reply', unitId: 'unit-lead' }, hours(62));
    step(P, { type: 'evaluate', rating: 'unsatisfied', comment: '没有时间表' }, hours(70));
    step(C, { type: 'evaluate', rating: 'satisfied' }, hours(71));
    expect(s.status).toBe('rehandling');
    expect(s.round).toBe(2);
    // New 3-month period from the day re-handling started (rolled past a weekend if needed).
    expect(localDateOf(s.assignments[0]!.dueAt) >= '2025-06-06').toBe(true);
    step(L, { type: 'reply', resultCode: 'A', content: '补贴标准和时间表如下……' }, hours(200));
    step(O, { type: 'cosign_reply' }, hours(201));
    step(S, { type: 'approve_reply', unitId: 'unit-lead' }, hours(202));
    step(P, { type: 'evaluate', rating: 'satisfied' }, hours(210));
    step(C, { type: 'evaluate', rating: 'satisfied' }, hours(211));
    expect(s.status).toBe('closed');
    expect(timeline).toEqual([
      'invite_cosigner:draft→draft',
      'sign:draft→draft',
      'edit:draft→draft',
      'sign:draft→draft',
      'submit:draft→submitted',
      'register:submitted→registered',
      'assign:registered→assigned',
      'co_opinion:assigned→assigned',
      'reply:assigned→replied',
      'cosign_reply:replied→replied',
      'approve_reply:replied→evaluating',
      'evaluate:evaluating→evaluating',
      'evaluate:evaluating→rehandling',
      'reply:rehandling→replied',
      'cosign_reply:replied→replied',
      'approve_reply:replied→evaluating',
      'evaluate:evaluating→evaluating',
      'evaluate:evaluating→closed',
    ]);
    expect(s.replies.map((r) => [r.round, r.resultCode, r.status])).toEqual([
      [1, 'B', 'approved'],
      [2, 'A', 'approved'],
    ]);
  });

  it('never changes the state it is given', () => {
    const s = assigned();
    const copy = structuredClone(s);
    attempt(s, L, { type: 'reply', resultCode: 'A', content: '已解决' });
    attempt(s, L, { type: 'object', reason: '不属于本单位' });
    expect(s).toEqual(copy);
  });
});

describe('联名 signatures', () => {
  it('a category change alone does not make signatures stale; a text change does', () => {
    const signed = run(draft(), [[C, { type: 'sign', versionHash: HASH }]]);
    const recat = run(signed, [[P, { type: 'edit', category: '经济', versionHash: HASH }]]);
    expect(signerViews(recat).find((x) => x.userId === 'u-c')!.stale).toBe(false);
    const retitled = run(signed, [[C, { type: 'edit', title: '关于养老服务站运营的提案', versionHash: proposalVersionHash('关于养老服务站运营的提案', BODY) }]]);
    expect(signerViews(retitled).find((x) => x.userId === 'u-c')!.stale).toBe(true);
  });
  it('refuses submit while a co-signer has not signed', () => {
    expectRefused(attempt(draft(), P, { type: 'submit', content: CONTENT }), 'signatures_missing');
  });
  it('refuses submit when the submitted text differs from what was signed', () => {
    const signed = run(draft(), [[C, { type: 'sign', versionHash: HASH }]]);
    expectRefused(attempt(signed, P, { type: 'submit', content: { ...CONTENT, body: `${BODY}改` } }), 'signatures_stale');
  });
  it('refuses a signature on a version the signer did not read, and a second signature on the same one', () => {
    expectRefused(attempt(draft(), C, { type: 'sign', versionHash: HASH, readHash: 'a'.repeat(64) }), 'version_mismatch');
    const signed = run(draft(), [[C, { type: 'sign', versionHash: HASH, readHash: HASH }]]);
    expectRefused(attempt(signed, C, { type: 'sign', versionHash: HASH }), 'already_signed');
  });
  it('refuses a second submit (409) and records the initiator’s signature at submit', () => {
    const s = submitted();
    expect(s.signers[0]).toMatchObject({ userId: 'u-p', role: 'initiator', signedHash: HASH });
    expectRefused(attempt(s, P, { type: 'submit', content: CONTENT }), 'invalid_transition');
  });
  it('a joint proposal needs a co-signer; removing the last one makes it a member proposal', () => {
    const joint = newProposal({ id: 'p2', proposerId: 'u-p', kind: 'joint', title: TITLE, category: '社会', versionHash: HASH, now: T0 });
    expectRefused(attempt(joint, P, { type: 'submit', content: CONTENT }), 'cosigner_required');
    const alone = run(draft(), [[P, { type: 'remove_cosigner', userId: 'u-c' }]]);
    expect(alone.kind).toBe('member');
    expect(run(alone, [[P, { type: 'submit', content: CONTENT }]]).status).toBe('submitted');
  });
  it('declining removes the co-signer; duplicates and unknown co-signers are refused', () => {
    expect(run(draft(), [[C, { type: 'decline_cosign' }]]).signers.map((x) => x.userId)).toEqual(['u-p']);
    expectRefused(attempt(draft(), P, { type: 'invite_cosigner', userId: 'u-c' }), 'already_cosigner');
    expectRefused(attempt(draft(), P, { type: 'invite_cosigner', userId: 'u-p' }), 'already_cosigner');
    expectRefused(attempt(draft(), P, { type: 'remove_cosigner', userId: 'u-m' }), 'not_cosigner');
  });
  it('an unrelated member can neither edit nor sign', () => {
    expectRefused(attempt(draft(), M, { type: 'sign', versionHash: HASH }), 'forbidden');
    expectRefused(attempt(draft(), M, { type: 'edit', versionHash: HASH }), 'forbidden');
  });
});

describe('proposer types', () => {
  const org = () => newProposal({ id: 'p3', proposerId: 'u-s', kind: 'organisation', title: TITLE, category: '社会', versionHash: HASH, now: T0 });
  const group = () => newProposal({ id: 'p4', proposerId: 'u-p', kind: 'group', title: TITLE, category: '社会', versionHash: HASH, now: T0 });
  it('organisation proposals have no co-signers and need the seal confirmed', () => {
    expectRefused(attempt(org(), S, { type: 'invite_cosigner', userId: 'u-c' }), 'cosigners_not_allowed');
    expectRefused(attempt(org(), S, { type: 'submit', content: CONTENT }), 'seal_required');
    expect(run(org(), [[S, { type: 'submit', content: CONTENT, sealConfirmed: true }]]).status).toBe('submitted');
    const noSeal = { ...settings, requireOrganisationSeal: false };
    expect(transitionProposal(org(), { type: 'submit', content: CONTENT }, S, noSeal, hours(1)).ok).toBe(true);
  });
  it('界别/小组/联组 proposals only while the plenary is in session, and they are 大会提案', () => {
    expectRefused(attempt(group(), P, { type: 'submit', content: CONTENT }), 'plenary_not_in_session');
    const during = transitionProposal(group(), { type: 'submit', content: CONTENT }, P, settings, at('2026-01-13T03:00:00Z'));
    expect(during.ok && during.next).toMatchObject({ status: 'submitted', sessionKind: 'plenary', sessionId: 's10-4' });
  });
  it('a member proposal submitted in the three months before the plenary is a 大会提案', () => {
    const r = transitionProposal(run(draft(), [[C, { type: 'sign', versionHash: HASH }]]), { type: 'submit', content: CONTENT }, P, settings, at('2025-11-20T03:00:00Z'));
    expect(r.ok && r.next).toMatchObject({ sessionKind: 'plenary', sessionId: 's10-4' });
  });
});

describe('the form (一事一案)', () => {
  const s = () => run(draft(), [[C, { type: 'sign', versionHash: HASH }]]);
  it('refuses a 案由 over 60 characters, an unknown category, an empty part and an over-long body', () => {
    const r = attempt(s(), P, {
      type: 'submit',
      content: { title: '关'.repeat(61), category: '其他', body: `一、情况与案据\n${'字'.repeat(2001)}\n二、分析\n\n三、建议\n设立专项资金` },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('validation_failed');
      expect(r.fields!.map((f) => f.path).sort()).toEqual(['body', 'category', 'sections.analysis', 'title']);
    }
  });
  it('refuses an invalid 案由 while drafting too', () => {
    expectRefused(attempt(draft(), P, { type: 'edit', title: '  ', versionHash: HASH }), 'validation_failed');
  });
});

describe('review (立案/并案/转/不予立案)', () => {
  it('立案 requires a number and credits every proposer', () => {
    expectRefused(attempt(submitted(), S, { type: 'register', number: ' ' }), 'validation_failed');
    const r = attempt(submitted(), S, { type: 'register', number: '十届三次会议第007号' });
    expect(r.ok && r.next.number).toBe('十届三次会议第007号');
    expect(r.ok && r.effects.filter((e) => e.type === 'duty_event')).toEqual([
      { type: 'duty_event', userId: 'u-p', kind: 'proposal_registered', role: 'initiator' },
      { type: 'duty_event', userId: 'u-c', kind: 'proposal_registered', role: 'cosigner' },
    ]);
  });
  it('并案 only into another proposal that is registered and still open', () => {
    expectRefused(attempt(submitted(), S, { type: 'merge', targetId: 'p1', targetStatus: 'registered' }), 'merge_target_invalid');
    for (const bad of ['draft', 'submitted', 'closed', 'merged', 'rejected'] as ProposalStatus[]) {
      expectRefused(attempt(submitted(), S, { type: 'merge', targetId: 'p9', targetStatus: bad }), 'merge_target_invalid');
    }
    const r = attempt(submitted(), S, { type: 'merge', targetId: 'p9', targetStatus: 'assigned', note: '与第3号提案内容相近' });
    expect(r.ok && r.effects[0]).toEqual({ type: 'merged_into', targetId: 'p9' });
    expect(r.ok && r.entry.note).toBe('与第3号提案内容相近');
  });
  it('转社情民意 asks the proposer, who may accept or decline', () => {
    const pending = run(submitted(), [[S, { type: 'convert', to: 'social_report' }]]);
    expect(pending).toMatchObject({ status: 'conversion_pending', pendingConversion: 'social_report' });
    const accepted = attempt(pending, P, { type: 'accept_conversion' });
    expect(accepted.ok && accepted.next).toMatchObject({ status: 'converted', convertedTo: 'social_report' });
    expect(accepted.ok && accepted.effects[0]).toEqual({ type: 'convert_to', target: 'social_report' });
    const declined = run(pending, [[P, { type: 'decline_conversion', note: '希望作为提案办理' }]]);
    expect(declined).toMatchObject({ status: 'submitted', pendingConversion: null });
    expectRefused(attempt(pending, C, { type: 'accept_conversion' }), 'forbidden');
  });
  it('不予立案 needs a listed reason and a note', () => {
    expectRefused(attempt(submitted(), S, { type: 'reject', reasonCode: 'nope', note: '…' }), 'reason_code_unknown');
    expectRefused(attempt(submitted(), S, { type: 'reject', reasonCode: 'vague', note: '' }), 'validation_failed');
    const r = attempt(submitted(), A, { type: 'reject', reasonCode: 'litigation', note: '已进入诉讼程序' });
    expect(r.ok && r.next.rejection).toEqual({ reasonCode: 'litigation', note: '已进入诉讼程序' });
    expect(r.ok && r.effects[0]).toMatchObject({ notice: 'proposal.rejected', to: { userIds: ['u-p', 'u-c'] } });
  });
  it('the proposer may withdraw before the office decides', () => {
    expect(run(submitted(), [[P, { type: 'withdraw' }]])).toMatchObject({ status: 'draft', submittedAt: null });
    expectRefused(attempt(submitted(), C, { type: 'withdraw' }), 'forbidden');
  });
});

describe('交办', () => {
  const units = (...u: [string, 'lead' | 'co' | 'separate'][]) => u.map(([unitId, role]) => ({ unitId, role }));
  it.each([
    ['no unit', units()],
    ['two leads', units(['a', 'lead'], ['b', 'lead'])],
    ['co without lead', units(['a', 'co'])],
    ['separate mixed with lead', units(['a', 'lead'], ['b', 'separate'])],
    ['a unit twice', units(['a', 'lead'], ['a', 'co'])],
  ])('refuses %s', (_, u) => {
    expectRefused(attempt(registered(), S, { type: 'assign', units: u }), 'invalid_assignment');
  });
  it('sets the default deadlines: answer +3 months, 会办 +1 month, objection +5 working days', () => {
    const s = assigned(); // assigned Monday 2025-03-03 12:00 Beijing
    const [lead, co] = s.assignments;
    expect(localDateOf(lead!.dueAt)).toBe('2025-06-03');
    expect(lead!.coOpinionDueAt).toBeNull();
    expect(localDateOf(co!.coOpinionDueAt!)).toBe('2025-04-03');
    expect(localDateOf(lead!.objectionDeadline)).toBe('2025-03-10');
    expect(co!.answering).toBe(false);
    expect(proposalDueAt(s)).toEqual(lead!.dueAt);
  });
  it('大会提案 may get a longer period', () => {
    const plenary = { ...settings, plenaryAnswerMonths: 5 };
    const s = { ...registered(), sessionKind: 'plenary' as const };
    const r = transitionProposal(s, { type: 'assign', units: units(['a', 'lead']) }, S, plenary, hours(2));
    expect(r.ok && localDateOf(r.next.assignments[0]!.dueAt)).toBe('2025-08-04'); // 08-03 is a Sunday
  });
  it('accepts an explicit due date within the cap, refuses past dates and dates beyond 6 months', () => {
    const ok = attempt(registered(), S, { type: 'assign', units: units(['a', 'lead']), dueAt: at('2025-05-01T09:00:00Z') }, hours(2));
    expect(ok.ok && ok.next.assignments[0]!.dueAt).toEqual(at('2025-05-01T09:00:00Z'));
    expectRefused(attempt(registered(), S, { type: 'assign', units: units(['a', 'lead']), dueAt: T0 }, hours(2)), 'due_date_invalid');
    expectRefused(
      attempt(registered(), S, { type: 'assign', units: units(['a', 'lead']), dueAt: at('2025-09-05T00:00:00Z') }, hours(2)),
      'due_date_invalid',
    );
  });
});

describe('objection and reassignment (units never forward on their own)', () => {
  it('a unit objects within 5 working days; after that it is too late', () => {
    expect(run(assigned(), [[L, { type: 'object', reason: '属于民政局职责' }, at('2025-03-10T15:00:00Z')]]).assignments[0]!.objection).toMatchObject({
      reason: '属于民政局职责',
    });
    expectRefused(attempt(assigned(), L, { type: 'object', reason: '迟了' }, at('2025-03-10T16:00:01Z')), 'objection_window_closed');
  });
  it('one pending objection at a time; no answer while it is pending; none after answering', () => {
    const objected = run(assigned(), [[L, { type: 'object', reason: '不属于本单位' }]]);
    expectRefused(attempt(objected, L, { type: 'object', reason: '再次' }), 'objection_pending');
    expectRefused(attempt(objected, L, { type: 'reply', resultCode: 'A', content: '…' }), 'objection_pending');
    expectRefused(attempt(replied(), L, { type: 'object', reason: '…' }, hours(49)), 'invalid_transition');
  });
  it('the office dismisses an objection, or upholds it by reassigning the unit away', () => {
    const objected = run(assigned(), [[L, { type: 'object', reason: '不属于本单位' }]]);
    expectRefused(attempt(assigned(), S, { type: 'dismiss_objection', unitId: 'unit-lead', note: '…' }), 'no_pending_objection');
    expect(run(objected, [[S, { type: 'dismiss_objection', unitId: 'unit-lead', note: '属于本单位职责' }]]).assignments[0]!.objection).toBeNull();
    const moved = attempt(objected, S, { type: 'reassign', units: [{ unitId: 'unit-x', role: 'lead' }, { unitId: 'unit-co', role: 'co' }], note: '异议成立' }, hours(80));
    expect(moved.ok).toBe(true);
    if (moved.ok) {
      expect(moved.next.assignments.map((a) => a.unitId)).toEqual(['unit-x', 'unit-co']);
      expect(moved.next.assignments[1]).toEqual(objected.assignments[1]); // 会办 kept as it was
      expect(localDateOf(moved.next.assignments[0]!.objectionDeadline)).toBe('2025-03-13');
      expect(moved.effects).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ notice: 'proposal.assigned', to: { unitIds: ['unit-x'] } }),
          expect.objectContaining({ notice: 'proposal.unassigned', to: { unitIds: ['unit-lead'] } }),
        ]),
      );
    }
    expectRefused(attempt(objected, L, { type: 'reassign', units: [twoLeads] }), 'forbidden');
  });
  it('acknowledging twice is refused; an unassigned unit cannot act', () => {
    const ack = run(assigned(), [[L, { type: 'acknowledge' }]]);
    expectRefused(attempt(ack, L, { type: 'acknowledge' }), 'already_acknowledged');
    expectRefused(attempt(assigned(), X, { type: 'acknowledge' }), 'forbidden');
  });
});

describe('extension (office approval, 6-month cap)', () => {
  const req = (until: string): ProposalEvent => ({ type: 'request_extension', until: at(until), reason: '涉及跨部门协调' });
  it('approves a request within the cap and moves the due date', () => {
    const s = run(assigned(), [
      [L, req('2025-08-01T09:00:00Z')],
      [S, { type: 'decide_extension', unitId: 'unit-lead', approved: true, note: '同意延期' }],
    ]);
    expect(s.assignments[0]!.dueAt).toEqual(at('2025-08-01T09:00:00Z'));
    expect(s.assignments[0]!.extensionRequest).toBeNull();
  });
  it('refuses requests beyond 6 months from 交办, not later than the current date, or while one is pending', () => {
    expectRefused(attempt(assigned(), L, req('2025-09-03T16:00:00Z')), 'extension_exceeds_cap');
    expect(attempt(assigned(), L, req('2025-09-03T15:00:00Z')).ok).toBe(true); // 09-03 still counts
    expectRefused(attempt(assigned(), L, req('2025-05-01T00:00:00Z')), 'due_date_invalid');
    const pending = run(assigned(), [[L, req('2025-07-01T00:00:00Z')]]);
    expectRefused(attempt(pending, L, req('2025-07-02T00:00:00Z')), 'extension_pending');
  });
  it('the office may refuse, or approve a different date, still within the cap', () => {
    const pending = run(assigned(), [[L, req('2025-07-01T00:00:00Z')]]);
    const refused = run(pending, [[S, { type: 'decide_extension', unitId: 'unit-lead', approved: false }]]);
    expect(refused.assignments[0]!.dueAt).toEqual(assigned().assignments[0]!.dueAt);
    expectRefused(
      attempt(pending, S, { type: 'decide_extension', unitId: 'unit-lead', approved: true, until: at('2025-12-01T00:00:00Z') }),
      'extension_exceeds_cap',
    );
    expectRefused(attempt(assigned(), S, { type: 'decide_extension', unitId: 'unit-lead', approved: true }), 'no_pending_extension');
  });
  it('会办 units do not request extensions', () => {
    expectRefused(attempt(assigned(), O, req('2025-07-01T00:00:00Z')), 'forbidden');
  });
});

describe('答复, 会签 and the office check', () => {
  it('refuses unknown result codes and lets the unit revise until approved', () => {
    expectRefused(attempt(assigned(), L, { type: 'reply', resultCode: 'Z', content: '…' }), 'result_code_unknown');
    const revised = run(replied(), [[L, { type: 'reply', resultCode: 'A', content: '修改后的答复' }, hours(49)]]);
    expect(revised.replies).toHaveLength(1);
    expect(revised.replies[0]).toMatchObject({ resultCode: 'A', content: '修改后的答复' });
    expectRefused(attempt(evaluating(), L, { type: 'reply', resultCode: 'A', content: '…' }), 'invalid_transition');
  });
  it('会办 units co-sign once; approval waits for every co-sign', () => {
    expectRefused(attempt(replied(), S, { type: 'approve_reply', unitId: 'unit-lead' }), 'cosign_pending');
    const cosigned = run(replied(), [[O, { type: 'cosign_reply' }]]);
    expectRefused(attempt(cosigned, O, { type: 'cosign_reply' }), 'already_cosigned');
    expectRefused(attempt(replied(), O, { type: 'reply', resultCode: 'A', content: '…' }), 'forbidden');
  });
  it('the office may change the result code, and the change is recorded', () => {
    const cosigned = run(replied(), [[O, { type: 'cosign_reply' }]]);
    const r = attempt(cosigned, S, { type: 'approve_reply', unitId: 'unit-lead', resultCode: 'C', note: '未实质解决' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.next.replies[0]).toMatchObject({ resultCode: 'C', originalResultCode: 'B', status: 'approved' });
      expect(r.entry.data).toMatchObject({ resultCode: 'C', changedFrom: 'B' });
      expect(r.next.status).toBe('evaluating');
      expect(localDateOf(r.next.evaluationDeadline!)).toBe('2025-03-27'); // 15 working days after Thu 03-06
    }
    expectRefused(attempt(cosigned, S, { type: 'approve_reply', unitId: 'unit-lead', resultCode: 'Q' }), 'result_code_unknown');
  });
  it('a returned answer sends the proposal back to the unit', () => {
    const s = run(replied(), [[S, { type: 'return_reply', unitId: 'unit-lead', note: '未逐条答复' }]]);
    expect(s.status).toBe('assigned');
    expect(s.replies[0]!.status).toBe('returned');
    expectRefused(attempt(s, S, { type: 'return_reply', unitId: 'unit-lead', note: '…' }), 'invalid_transition');
    expect(run(s, [[L, { type: 'reply', resultCode: 'A', content: '逐条答复如下' }]]).status).toBe('replied');
  });
  it('flags late answers and lists overdue units for 催办', () => {
    const s = assigned();
    const due = s.assignments[0]!.dueAt;
    expect(overdueAssignments(s, new Date(due.getTime()))).toEqual([]);
    expect(overdueAssignments(s, new Date(due.getTime() + 1)).map((a) => a.unitId)).toEqual(['unit-lead']);
    const late = run(s, [[L, { type: 'reply', resultCode: 'A', content: '…' }, new Date(due.getTime() + 1)]]);
    expect(late.replies[0]!.late).toBe(true);
    expect(overdueAssignments(late, new Date(due.getTime() + 1))).toEqual([]);
  });
  it('a late 会办 opinion is accepted and flagged', () => {
    const s = run(assigned(), [[O, { type: 'co_opinion', content: '意见' }, at('2025-04-04T01:00:00Z')]]);
    expect(s.assignments[1]!.coOpinion).toMatchObject({ late: true });
  });
});

describe('分办: units answering separately', () => {
  const separate = () =>
    run(
      registered(),
      [
        [
          S,
          {
            type: 'assign',
            units: [
              { unitId: 'unit-lead', role: 'separate' },
              { unitId: 'unit-x', role: 'separate' },
            ],
          },
        ],
      ],
      hours(2),
    );
  const X2: ProposalActor = { ...X };
  it('stays assigned until every unit answered; each answer is approved on its own; rating names the unit', () => {
    let s = run(separate(), [[L, { type: 'reply', resultCode: 'A', content: '教育局答复' }]]);
    expect(s.status).toBe('assigned');
    s = run(s, [[X2, { type: 'reply', resultCode: 'C', content: '财政局答复' }]]);
    expect(s.status).toBe('replied');
    s = run(s, [[S, { type: 'approve_reply', unitId: 'unit-lead' }]]);
    expect(s.status).toBe('replied');
    s = run(s, [[S, { type: 'approve_reply', unitId: 'unit-x' }]]);
    expect(s.status).toBe('evaluating');
    expectRefused(attempt(s, P, { type: 'evaluate', rating: 'satisfied' }), 'unit_required');
    expectRefused(attempt(s, P, { type: 'evaluate', rating: 'satisfied', unitId: 'unit-co' }), 'validation_failed');
    s = run(s, [
      [P, { type: 'evaluate', rating: 'satisfied', unitId: 'unit-lead' }],
      [P, { type: 'evaluate', rating: 'unsatisfied', unitId: 'unit-x' }],
      [C, { type: 'evaluate', rating: 'satisfied', unitId: 'unit-lead' }],
    ]);
    expect(s.status).toBe('evaluating');
    s = run(s, [[C, { type: 'evaluate', rating: 'basically_satisfied', unitId: 'unit-x' }]]);
    // Only the unit rated 不满意 answers again.
    expect(s.status).toBe('rehandling');
    expect(s.assignments.map((a) => [a.unitId, a.answering])).toEqual([
      ['unit-lead', false],
      ['unit-x', true],
    ]);
    expectRefused(attempt(s, L, { type: 'reply', resultCode: 'A', content: '…' }), 'reply_not_requested');
    s = run(s, [[X2, { type: 'reply', resultCode: 'B', content: '财政局再次答复' }]]);
    expect(s.status).toBe('replied');
  });
});

describe('评价', () => {
  it('every proposer rates once per round, within 15 working days', () => {
    const s = run(evaluating(), [[P, { type: 'evaluate', rating: 'satisfied' }]]);
    expectRefused(attempt(s, P, { type: 'evaluate', rating: 'unsatisfied' }), 'already_evaluated');
    expectRefused(attempt(evaluating(), C, { type: 'evaluate', rating: 'satisfied' }, at('2025-03-26T16:00:00Z')), 'evaluation_window_closed');
    expectRefused(attempt(evaluating(), M, { type: 'evaluate', rating: 'satisfied' }), 'forbidden');
    expectRefused(attempt(evaluating(), L, { type: 'evaluate', rating: 'satisfied' }), 'forbidden');
  });
  it('the office records a paper evaluation for a proposer, and only for a proposer', () => {
    const r = attempt(evaluating(), S, { type: 'evaluate', rating: 'basically_satisfied', onBehalfOf: 'u-c' });
    expect(r.ok && r.next.evaluations[0]).toMatchObject({ userId: 'u-c', recordedBy: 'u-s', rating: 'basically_satisfied' });
    expectRefused(attempt(evaluating(), S, { type: 'evaluate', rating: 'satisfied', onBehalfOf: 'u-m' }), 'validation_failed');
    expectRefused(attempt(evaluating(), C, { type: 'evaluate', rating: 'satisfied', onBehalfOf: 'u-p' }), 'forbidden');
  });
  it('the window is closed by the scheduler after it ends, with the ratings given', () => {
    const s = run(evaluating(), [[P, { type: 'evaluate', rating: 'satisfied' }]]);
    expectRefused(attempt(s, SYS, { type: 'close_evaluation' }), 'evaluation_window_open');
    expect(dueSystemEvents(s, hours(80))).toEqual([]);
    const after = at('2025-03-27T00:00:00Z');
    expect(dueSystemEvents(s, after)).toEqual([{ type: 'close_evaluation' }]);
    const r = attempt(s, SYS, { type: 'close_evaluation' }, after);
    expect(r.ok && r.next.status).toBe('closed');
    expect(r.ok && r.entry).toMatchObject({ actorId: null, data: { ratingsGiven: 1 } });
    const unhappy = run(evaluating(), [[C, { type: 'evaluate', rating: 'unsatisfied' }]]);
    expect(run(unhappy, [[S, { type: 'close_evaluation' }, after]]).status).toBe('rehandling');
  });
  it('re-handling gives the unit a new 3-month period and asks the 会办 again', () => {
    const s = rehandling();
    expect(s.round).toBe(2);
    expect(localDateOf(s.assignments[0]!.dueAt)).toBe('2025-06-05'); // from Thu 03-05
    expect(localDateOf(s.assignments[1]!.coOpinionDueAt!)).toBe('2025-04-07'); // 04-05 is a Saturday
    expect(s.evaluationDeadline).toBeNull();
  });
  it('a second 不满意 opens 当面协商, recorded before closing', () => {
    const s = run(rehandling(), [
      [L, { type: 'reply', resultCode: 'B', content: '补充答复' }, hours(100)],
      [O, { type: 'cosign_reply' }, hours(101)],
      [S, { type: 'approve_reply', unitId: 'unit-lead' }, hours(102)],
      [P, { type: 'evaluate', rating: 'unsatisfied' }, hours(103)],
      [C, { type: 'evaluate', rating: 'satisfied' }, hours(104)],
    ]);
    expect(s).toMatchObject({ status: 'consultation', unsatisfiedRounds: 2 });
    expectRefused(attempt(s, S, { type: 'record_consultation', note: '' }), 'validation_failed');
    const closed = run(s, [[S, { type: 'record_consultation', note: '县政府办、政协提案委与提案人当面协商，达成共识', heldAt: hours(300) }]]);
    expect(closed).toMatchObject({ status: 'closed', consultation: { heldAt: hours(300) } });
  });
});

describe('重点提案 督办', () => {
  it('marks within the yearly quota, logs supervision, and credits proposers', () => {
    expectRefused(attempt(assigned(), S, { type: 'mark_key', leader: '王副主席', keyCountThisYear: 5 }), 'key_quota_reached');
    const r = attempt(assigned(), S, { type: 'mark_key', leader: '王副主席', keyCountThisYear: 4 });
    expect(r.ok && r.effects.filter((e) => e.type === 'duty_event')).toHaveLength(2);
    const key = run(assigned(), [
      [S, { type: 'mark_key', leader: '王副主席', keyCountThisYear: 0 }],
      [S, { type: 'log_supervision', activity: 'inspection', note: '视察农村养老服务站' }],
    ]);
    expect(key.key).toMatchObject({ leader: '王副主席' });
    expect(key.supervision).toEqual([{ activity: 'inspection', note: '视察农村养老服务站', at: hours(1), by: 'u-s' }]);
    expectRefused(attempt(key, S, { type: 'mark_key', leader: '李主席', keyCountThisYear: 1 }), 'already_key');
  });
  it('refuses supervision logs and unmarking on ordinary proposals', () => {
    expectRefused(attempt(assigned(), S, { type: 'unmark_key' }), 'not_key');
    expectRefused(attempt(assigned(), S, { type: 'log_supervision', activity: 'visit', note: '…' }), 'not_key');
  });
});

describe('availableProposalEvents (the view’s `can`)', () => {
  it('lists what each party may do now', () => {
    expect(availableProposalEvents(draft(), P)).toEqual(['edit', 'invite_cosigner', 'remove_cosigner', 'sign', 'submit']);
    expect(availableProposalEvents(draft(), C)).toEqual(['edit', 'sign', 'decline_cosign']);
    expect(availableProposalEvents(draft(), M)).toEqual([]);
    expect(availableProposalEvents(submitted(), S)).toEqual(['register', 'merge', 'convert', 'reject']);
    expect(availableProposalEvents(assigned(), L)).toEqual(['acknowledge', 'object', 'request_extension', 'reply']);
    expect(availableProposalEvents(assigned(), O)).toEqual(['acknowledge', 'object', 'co_opinion']);
    expect(availableProposalEvents(assigned(), X)).toEqual([]);
    expect(availableProposalEvents(evaluating(), C)).toEqual(['evaluate']);
    expect(availableProposalEvents(evaluating(), SYS)).toEqual(['close_evaluation']);
  });
});
