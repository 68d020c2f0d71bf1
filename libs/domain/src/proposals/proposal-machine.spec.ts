import type { ProposalStatus } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { PROPOSAL_EVENT_TYPES, type ProposalActor, type ProposalEvent, type ProposalEventType } from './events.js';
import type { ProposalState } from './state.js';
import {
  A,
  assigned,
  C,
  CAST,
  closed,
  consultation,
  CONTENT,
  draft,
  evaluating,
  HASH,
  hours,
  L,
  O,
  P,
  registered,
  rehandling,
  replied,
  run,
  S,
  settings,
  type Step,
  submitted,
  SYS,
  T0,
} from './testing/scenarios.js';
import { transitionProposal } from './transition.js';

const FIXTURES: Record<ProposalStatus, () => ProposalState> = {
  draft,
  submitted,
  conversion_pending: () => run(submitted(), [[S, { type: 'convert', to: 'social_report' }]]),
  registered,
  merged: () => run(submitted(), [[S, { type: 'merge', targetId: 'p-other', targetStatus: 'registered' }]]),
  converted: () => run(submitted(), [[S, { type: 'convert', to: 'social_report', proposerConsented: true }]]),
  rejected: () => run(submitted(), [[S, { type: 'reject', reasonCode: 'vague', note: '内容空泛，没有具体建议' }]]),
  assigned,
  replied,
  evaluating,
  rehandling,
  consultation,
  closed,
};
const STATUSES = Object.keys(FIXTURES) as ProposalStatus[];

/** The canonical attempt of each event: who sends it, what, when, and what must happen first. */
interface Attempt {
  actor: ProposalActor;
  event: (s: ProposalState) => ProposalEvent;
  at?: Date;
  setup?: Step[];
}
const ATTEMPTS: Record<ProposalEventType, Attempt> = {
  edit: { actor: P, event: () => ({ type: 'edit', title: '关于农村养老服务站运营的提案', versionHash: 'f'.repeat(64) }) },
  invite_cosigner: { actor: P, event: () => ({ type: 'invite_cosigner', userId: 'u-m' }) },
  remove_cosigner: { actor: P, event: () => ({ type: 'remove_cosigner', userId: 'u-c' }) },
  sign: { actor: C, event: () => ({ type: 'sign', versionHash: HASH }) },
  decline_cosign: { actor: C, event: () => ({ type: 'decline_cosign' }) },
  submit: { actor: P, event: () => ({ type: 'submit', content: CONTENT }), setup: [[C, { type: 'sign', versionHash: HASH }]] },
  withdraw: { actor: P, event: () => ({ type: 'withdraw' }) },
  register: { actor: S, event: () => ({ type: 'register', number: '十届三次会议第002号' }) },
  merge: { actor: S, event: () => ({ type: 'merge', targetId: 'p-other', targetStatus: 'assigned' }) },
  convert: { actor: S, event: () => ({ type: 'convert', to: 'opinion' }) },
  accept_conversion: { actor: P, event: () => ({ type: 'accept_conversion' }) },
  decline_conversion: { actor: P, event: () => ({ type: 'decline_conversion' }) },
  reject: { actor: S, event: () => ({ type: 'reject', reasonCode: 'personal', note: '为本人解决个人问题' }) },
  assign: { actor: S, event: () => ({ type: 'assign', units: [{ unitId: 'unit-lead', role: 'lead' }] }) },
  reassign: {
    actor: S,
    event: () => ({
      type: 'reassign',
      units: [
        { unitId: 'unit-lead', role: 'lead' },
        { unitId: 'unit-co', role: 'co' },
        { unitId: 'unit-x', role: 'co' },
      ],
    }),
  },
  acknowledge: { actor: L, event: () => ({ type: 'acknowledge' }) },
  object: { actor: L, event: () => ({ type: 'object', reason: '该事项属于民政局职责' }) },
  dismiss_objection: {
    actor: S,
    event: () => ({ type: 'dismiss_objection', unitId: 'unit-lead', note: '经核实属于本单位职责' }),
    setup: [[L, { type: 'object', reason: '不属于本单位职责' }]],
  },
  co_opinion: { actor: O, event: () => ({ type: 'co_opinion', content: '同意主办单位意见，补充资金测算。' }) },
  request_extension: {
    actor: L,
    event: (s) => ({
      type: 'request_extension',
      until: new Date((s.assignments[0]?.dueAt ?? T0).getTime() + 20 * 86_400_000),
      reason: '需财政局会商',
    }),
  },
  decide_extension: {
    actor: S,
    event: () => ({ type: 'decide_extension', unitId: 'unit-lead', approved: true }),
    setup: [[L, { type: 'request_extension', until: new Date('2025-07-15T02:00:00Z'), reason: '需财政局会商' }]],
  },
  reply: { actor: L, event: () => ({ type: 'reply', resultCode: 'A', content: '已落实。' }) },
  cosign_reply: { actor: O, event: () => ({ type: 'cosign_reply' }) },
  approve_reply: {
    actor: S,
    event: () => ({ type: 'approve_reply', unitId: 'unit-lead' }),
    setup: [[O, { type: 'cosign_reply' }]],
  },
  return_reply: { actor: S, event: () => ({ type: 'return_reply', unitId: 'unit-lead', note: '答复未逐条回应建议' }) },
  evaluate: { actor: P, event: () => ({ type: 'evaluate', rating: 'satisfied' }) },
  close_evaluation: { actor: SYS, event: () => ({ type: 'close_evaluation' }), at: new Date('2026-01-01T00:00:00Z') },
  record_consultation: { actor: S, event: () => ({ type: 'record_consultation', note: '县政府办、政协提案委与提案人当面协商' }) },
  mark_key: { actor: S, event: () => ({ type: 'mark_key', leader: '王副主席', keyCountThisYear: 0 }) },
  unmark_key: {
    actor: S,
    event: () => ({ type: 'unmark_key' }),
    setup: [[S, { type: 'mark_key', leader: '王副主席', keyCountThisYear: 0 }]],
  },
  log_supervision: {
    actor: S,
    event: () => ({ type: 'log_supervision', activity: 'visit', note: '走访县民政局' }),
    setup: [[S, { type: 'mark_key', leader: '王副主席', keyCountThisYear: 0 }]],
  },
};

const KEY = { mark_key: 'same', unmark_key: 'same', log_supervision: 'same' } as const;
/**
 * The expected machine, written out independently of the implementation's tables:
 * status → event → next status ('same' = unchanged). Every pair not listed must be refused.
 */
const EXPECTED: Record<ProposalStatus, Partial<Record<ProposalEventType, ProposalStatus | 'same'>>> = {
  draft: {
    edit: 'same',
    invite_cosigner: 'same',
    remove_cosigner: 'same',
    sign: 'same',
    decline_cosign: 'same',
    submit: 'submitted',
  },
  submitted: { withdraw: 'draft', register: 'registered', merge: 'merged', convert: 'conversion_pending', reject: 'rejected' },
  conversion_pending: { accept_conversion: 'converted', decline_conversion: 'submitted' },
  registered: { assign: 'assigned', ...KEY },
  assigned: {
    reassign: 'same',
    acknowledge: 'same',
    object: 'same',
    dismiss_objection: 'same',
    co_opinion: 'same',
    request_extension: 'same',
    decide_extension: 'same',
    reply: 'replied',
    ...KEY,
  },
  replied: {
    co_opinion: 'same',
    reply: 'same',
    cosign_reply: 'same',
    approve_reply: 'evaluating',
    return_reply: 'assigned',
    ...KEY,
  },
  evaluating: { evaluate: 'same', close_evaluation: 'closed', ...KEY },
  rehandling: {
    reassign: 'same',
    co_opinion: 'same',
    request_extension: 'same',
    decide_extension: 'same',
    reply: 'replied',
    ...KEY,
  },
  consultation: { record_consultation: 'closed', ...KEY },
  merged: {},
  converted: {},
  rejected: {},
  closed: {},
};

function attempt(status: ProposalStatus, type: ProposalEventType, actor?: ProposalActor) {
  const a = ATTEMPTS[type];
  let s = FIXTURES[status]();
  const at = a.at ?? hours(72);
  if (a.setup && EXPECTED[status][type]) s = run(s, a.setup, hours(70));
  return { before: s, result: transitionProposal(s, a.event(s), actor ?? a.actor, settings, at) };
}

describe('proposal state machine: every (status, event) pair', () => {
  it('covers every status and every event type', () => {
    expect(STATUSES).toHaveLength(13);
    expect(Object.keys(ATTEMPTS).sort()).toEqual([...PROPOSAL_EVENT_TYPES].sort());
  });

  for (const status of STATUSES) {
    describe(status, () => {
      for (const type of PROPOSAL_EVENT_TYPES) {
        const expected = EXPECTED[status][type];
        if (expected) {
          it(`${type} → ${expected === 'same' ? status : expected}`, () => {
            const { before, result } = attempt(status, type);
            if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
            expect(result.next.status).toBe(expected === 'same' ? before.status : expected);
            expect(result.entry).toMatchObject({ action: type, fromStatus: before.status, toStatus: result.next.status });
          });
        } else {
          it(`${type} is refused with invalid_transition`, () => {
            const { result } = attempt(status, type);
            expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
          });
        }
      }
    });
  }
});

/** Who may send each event (where the status allows it); everyone else gets forbidden. */
const MAY: Record<ProposalEventType, ProposalActor[]> = {
  edit: [P, C],
  invite_cosigner: [P],
  remove_cosigner: [P],
  sign: [P, C],
  decline_cosign: [C],
  submit: [P],
  withdraw: [P],
  register: [S, A],
  merge: [S, A],
  convert: [S, A],
  accept_conversion: [P],
  decline_conversion: [P],
  reject: [S, A],
  assign: [S, A],
  reassign: [S, A],
  acknowledge: [L, O],
  object: [L, O],
  dismiss_objection: [S, A],
  co_opinion: [O],
  request_extension: [L],
  decide_extension: [S, A],
  reply: [L],
  cosign_reply: [O],
  approve_reply: [S, A],
  return_reply: [S, A],
  evaluate: [P, C, S, A],
  close_evaluation: [S, A, SYS],
  record_consultation: [S, A],
  mark_key: [S, A],
  unmark_key: [S, A],
  log_supervision: [S, A],
};

describe('permission matrix: member, co-signer, office staff, admin, unit staff, system', () => {
  const everyone = Object.entries(CAST);
  for (const type of PROPOSAL_EVENT_TYPES) {
    const status = STATUSES.find((st) => EXPECTED[st][type])!;
    for (const [name, actor] of everyone) {
      const allowed = MAY[type].includes(actor);
      it(`${type} by ${name}: ${allowed ? 'allowed' : 'forbidden'}`, () => {
        const { result } = attempt(status, type, actor);
        if (allowed) {
          // Office staff rating without naming the proposer they record for is a validation error, not a 403.
          if (type === 'evaluate' && (actor === S || actor === A)) expect(result).toMatchObject({ code: 'validation_failed' });
          else expect(result.ok, result.ok ? '' : `${result.code}: ${result.message}`).toBe(true);
        } else {
          expect(result).toMatchObject({ ok: false, code: 'forbidden' });
        }
      });
    }
  }
});
