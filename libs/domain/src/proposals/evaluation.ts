import { deadlineAfterMonths } from '../calendar/deadlines.js';
import type { ProposalEvent } from './events.js';
import { refuse } from './events.js';
import { answeringAssignments, evaluators, type ProposalState } from './state.js';
import { blank, type Handler, type HandlerContext, notify, type ProposalEffect, proposersOf } from './transition-context.js';

type E<T extends ProposalEvent['type']> = Extract<ProposalEvent, { type: T }>;

/**
 * Ends a rating round: no 不满意 → closed; the first 不满意 → the units rated 不满意 answer again
 * within a new period (default 3 months); a second → 当面协商 before closing.
 */
function concludeRound(ctx: HandlerContext): ProposalEffect[] {
  const { s, now, settings, cal } = ctx;
  const unsatisfied = new Set(
    s.evaluations.filter((e) => e.round === s.round && e.rating === 'unsatisfied').map((e) => e.unitId),
  );
  s.evaluationDeadline = null;
  if (!unsatisfied.size) {
    s.status = 'closed';
    return [notify({ userIds: proposersOf(s), office: true }, 'proposal.closed')];
  }
  s.unsatisfiedRounds++;
  if (s.unsatisfiedRounds >= 2) {
    s.status = 'consultation';
    return [notify({ office: true, userIds: proposersOf(s) }, 'proposal.consultation_required')];
  }
  s.round++;
  s.roundStartedAt = now;
  const dueAt = deadlineAfterMonths(now, settings.rehandlingMonths, cal);
  const coDue = deadlineAfterMonths(now, settings.coOpinionMonths, cal);
  const leadAgain = s.assignments.some((a) => a.role === 'lead' && unsatisfied.has(a.unitId));
  for (const a of s.assignments) {
    a.extensionRequest = null;
    if (a.role === 'co') {
      if (leadAgain) a.coOpinionDueAt = new Date(Math.min(coDue.getTime(), dueAt.getTime()));
      continue;
    }
    a.answering = unsatisfied.has(a.unitId);
    if (a.answering) a.dueAt = dueAt;
  }
  s.status = 'rehandling';
  return [
    notify({ unitIds: [...unsatisfied] }, 'proposal.rehandling', { dueAt: dueAt.toISOString() }),
    notify({ office: true, userIds: proposersOf(s) }, 'proposal.rehandling'),
  ];
}

function roundUnits(s: ProposalState): string[] {
  return answeringAssignments(s).map((a) => a.unitId);
}

function allRated(s: ProposalState): boolean {
  const units = roundUnits(s);
  return evaluators(s).every((u) =>
    units.every((unitId) => s.evaluations.some((e) => e.round === s.round && e.userId === u && e.unitId === unitId)),
  );
}

/** 满意/基本满意/不满意 by every proposer (or recorded by the office from a paper form). */
export const evaluate: Handler<E<'evaluate'>> = (ctx) => {
  const { s, event, actor, now } = ctx;
  const signers = evaluators(s);
  const isSigner = actor.userId !== null && signers.includes(actor.userId);
  let rater: string;
  let recordedBy: string | null = null;
  if (event.onBehalfOf !== undefined && !(isSigner && event.onBehalfOf === actor.userId)) {
    if (actor.role !== 'staff' && actor.role !== 'admin') return refuse('forbidden', 'only the office records for others');
    if (!signers.includes(event.onBehalfOf)) {
      return refuse('validation_failed', 'not a proposer', [{ path: 'onBehalfOf', message: 'not a proposer' }]);
    }
    rater = event.onBehalfOf;
    recordedBy = actor.userId;
  } else if (isSigner) {
    rater = actor.userId!;
  } else {
    return refuse('validation_failed', 'onBehalfOf required', [{ path: 'onBehalfOf', message: 'required' }]);
  }
  if (s.evaluationDeadline && now.getTime() > s.evaluationDeadline.getTime()) {
    return refuse('evaluation_window_closed', 'the evaluation window is over');
  }
  const units = roundUnits(s);
  let unitId = event.unitId;
  if (unitId === undefined) {
    if (units.length !== 1) return refuse('unit_required', 'several units answered; say which one is rated');
    unitId = units[0]!;
  } else if (!units.includes(unitId)) {
    return refuse('validation_failed', 'not an answering unit', [{ path: 'unitId', message: 'not an answering unit' }]);
  }
  if (s.evaluations.some((e) => e.round === s.round && e.userId === rater && e.unitId === unitId)) {
    return refuse('already_evaluated', 'already rated');
  }
  s.evaluations.push({
    userId: rater,
    unitId,
    round: s.round,
    rating: event.rating,
    comment: event.comment?.trim() || null,
    at: now,
    recordedBy,
  });
  const effects = allRated(s) ? concludeRound(ctx) : [];
  return {
    effects,
    note: event.comment?.trim() || null,
    data: { userId: rater, unitId, rating: event.rating, ...(recordedBy ? { recordedBy } : {}) },
  };
};

/** After the window: conclude with the ratings given (run by the office or the scheduler). */
export const closeEvaluation: Handler<E<'close_evaluation'>> = (ctx) => {
  const { s, now } = ctx;
  if (s.evaluationDeadline && now.getTime() <= s.evaluationDeadline.getTime()) {
    return refuse('evaluation_window_open', 'the evaluation window is still open');
  }
  const given = s.evaluations.filter((e) => e.round === s.round).length;
  return { effects: concludeRound(ctx), data: { ratingsGiven: given } };
};

/** 当面协商或专门说明 held: recorded, then the proposal is closed. */
export const recordConsultation: Handler<E<'record_consultation'>> = ({ s, event, now }) => {
  if (blank(event.note)) return refuse('validation_failed', 'note required', [{ path: 'note', message: 'required' }]);
  s.consultation = { note: event.note.trim(), heldAt: event.heldAt ?? now };
  s.status = 'closed';
  return { effects: [notify({ userIds: proposersOf(s) }, 'proposal.closed')], note: s.consultation.note };
};

// ── 重点提案 督办 ──

export const markKey: Handler<E<'mark_key'>> = ({ s, event, settings, now }) => {
  if (s.key) return refuse('already_key', 'already a key proposal');
  if (event.keyCountThisYear >= settings.keyProposalsPerYear) return refuse('key_quota_reached', 'quota reached');
  if (blank(event.leader)) return refuse('validation_failed', 'leader required', [{ path: 'leader', message: 'required' }]);
  s.key = { leader: event.leader.trim(), markedAt: now };
  const credit: ProposalEffect[] = s.signers.map((x) => ({ type: 'duty_event', userId: x.userId, kind: 'proposal_key', role: x.role }));
  return {
    effects: [
      notify({ userIds: proposersOf(s), unitIds: s.assignments.map((a) => a.unitId) }, 'proposal.marked_key', { leader: s.key.leader }),
      ...credit,
    ],
    note: event.note ?? null,
    data: { leader: s.key.leader },
  };
};

export const unmarkKey: Handler<E<'unmark_key'>> = ({ s, event }) => {
  if (!s.key) return refuse('not_key', 'not a key proposal');
  s.key = null;
  return { effects: [], note: event.note ?? null };
};

export const logSupervision: Handler<E<'log_supervision'>> = ({ s, event, actor, now }) => {
  if (!s.key) return refuse('not_key', 'not a key proposal');
  if (blank(event.note)) return refuse('validation_failed', 'note required', [{ path: 'note', message: 'required' }]);
  const entry = { activity: event.activity, note: event.note.trim(), at: event.at ?? now, by: actor.userId ?? '' };
  s.supervision.push(entry);
  return { effects: [], note: entry.note, data: { activity: entry.activity } };
};
