import type { AssignmentRole } from '@xieshang/protocol';
import { capAfterMonths, deadlineAfterMonths, deadlineAfterWorkingDays } from '../calendar/deadlines.js';
import type { ProposalEvent, ProposalRefusal } from './events.js';
import { refuse } from './events.js';
import { labelOf } from './settings.js';
import { answeringAssignments, currentReply, evaluators, type ProposalAssignment, type ProposalState } from './state.js';
import { blank, type Handler, type HandlerContext, notify, proposersOf } from './transition-context.js';

type E<T extends ProposalEvent['type']> = Extract<ProposalEvent, { type: T }>;
type UnitRole = { unitId: string; role: AssignmentRole };

/** One 主办 with any number of 会办, or 分办 units only; no unit twice. */
export function checkAssignmentUnits(units: readonly UnitRole[]): string | null {
  if (!units.length) return 'no units';
  if (new Set(units.map((u) => u.unitId)).size !== units.length) return 'a unit is listed twice';
  const leads = units.filter((u) => u.role === 'lead').length;
  const cos = units.filter((u) => u.role === 'co').length;
  const separates = units.filter((u) => u.role === 'separate').length;
  if (separates && (leads || cos)) return 'separate units cannot be mixed with lead/co units';
  if (!separates && leads !== 1) return 'exactly one lead unit is required';
  return null;
}

function defaultDue({ s, settings, now, cal }: HandlerContext): Date {
  const months =
    s.round > 1 ? settings.rehandlingMonths : s.sessionKind === 'plenary' ? settings.plenaryAnswerMonths : settings.answerMonths;
  return deadlineAfterMonths(now, months, cal);
}

function checkDue(ctx: HandlerContext, dueAt: Date): ProposalRefusal | null {
  const cap = capAfterMonths(ctx.now, ctx.settings.extensionCapMonths, ctx.cal);
  if (dueAt.getTime() <= ctx.now.getTime() || dueAt.getTime() > cap.getTime()) {
    return refuse('due_date_invalid', `due date must be after now and not after ${cap.toISOString()}`);
  }
  return null;
}

function newAssignment(ctx: HandlerContext, u: UnitRole, dueAt: Date): ProposalAssignment {
  const { now, settings, cal } = ctx;
  const coDue = deadlineAfterMonths(now, settings.coOpinionMonths, cal);
  return {
    unitId: u.unitId,
    role: u.role,
    assignedAt: now,
    dueAt,
    coOpinionDueAt: u.role === 'co' ? new Date(Math.min(coDue.getTime(), dueAt.getTime())) : null,
    objectionDeadline: deadlineAfterWorkingDays(now, settings.objectionWorkingDays, cal),
    acknowledgedAt: null,
    objection: null,
    extensionRequest: null,
    coOpinion: null,
    answering: u.role !== 'co',
  };
}

/** assigned / rehandling while answers are missing, replied once every answering unit answered. */
export function settleHandlingStatus(s: ProposalState): void {
  const open = answeringAssignments(s).some((a) => !currentReply(s, a.unitId));
  s.status = open ? (s.round > 1 ? 'rehandling' : 'assigned') : 'replied';
}

function myAssignment(s: ProposalState, unitId: string | null | undefined): ProposalAssignment {
  // The party check guarantees the actor's unit is assigned.
  return s.assignments.find((a) => a.unitId === unitId)!;
}

/** 交办: deadlines from today — answer (3 months), 会办 opinion (1 month), objection (5 working days). */
export const assign: Handler<E<'assign'>> = (ctx) => {
  const { s, event, now } = ctx;
  const problem = checkAssignmentUnits(event.units);
  if (problem) return refuse('invalid_assignment', problem);
  s.round = 1;
  s.roundStartedAt = now;
  const dueAt = event.dueAt ?? defaultDue(ctx);
  const bad = checkDue(ctx, dueAt);
  if (bad) return bad;
  s.assignments = event.units.map((u) => newAssignment(ctx, u, dueAt));
  s.status = 'assigned';
  return {
    effects: [
      notify({ unitIds: event.units.map((u) => u.unitId) }, 'proposal.assigned', { dueAt: dueAt.toISOString() }),
      notify({ userIds: proposersOf(s) }, 'proposal.assigned'),
    ],
    data: { units: event.units, dueAt: dueAt.toISOString() },
  };
};

/**
 * Only the office moves a proposal between units (units never forward on their own): units kept
 * in the same role keep their record; new units get fresh deadlines; an objection is upheld by
 * reassigning the unit away.
 */
export const reassign: Handler<E<'reassign'>> = (ctx) => {
  const { s, event } = ctx;
  const problem = checkAssignmentUnits(event.units);
  if (problem) return refuse('invalid_assignment', problem);
  const dueAt = event.dueAt ?? defaultDue(ctx);
  const bad = checkDue(ctx, dueAt);
  if (bad) return bad;
  const before = s.assignments;
  s.assignments = event.units.map(
    (u) => before.find((a) => a.unitId === u.unitId && a.role === u.role) ?? newAssignment(ctx, u, dueAt),
  );
  if (!answeringAssignments(s).length) return refuse('invalid_assignment', 'no unit would answer in this round');
  const removed = before.filter((a) => !s.assignments.includes(a)).map((a) => a.unitId);
  const added = s.assignments.filter((a) => !before.includes(a)).map((a) => a.unitId);
  settleHandlingStatus(s);
  return {
    effects: [
      ...(added.length ? [notify({ unitIds: added }, 'proposal.assigned', { dueAt: dueAt.toISOString() })] : []),
      ...(removed.length ? [notify({ unitIds: removed }, 'proposal.unassigned')] : []),
    ],
    note: event.note ?? null,
    data: { units: event.units, added, removed },
  };
};

export const acknowledge: Handler<E<'acknowledge'>> = ({ s, actor, now }) => {
  const a = myAssignment(s, actor.unitId);
  if (a.acknowledgedAt) return refuse('already_acknowledged', 'already acknowledged');
  a.acknowledgedAt = now;
  return { effects: [], data: { unitId: a.unitId } };
};

/** 异议: "not our responsibility", within the window and before answering; the office decides. */
export const object: Handler<E<'object'>> = ({ s, event, actor, now }) => {
  const a = myAssignment(s, actor.unitId);
  if (now.getTime() > a.objectionDeadline.getTime()) return refuse('objection_window_closed', 'objection window closed');
  if (a.objection) return refuse('objection_pending', 'objection already pending');
  if (currentReply(s, a.unitId)) return refuse('objection_window_closed', 'the unit has already answered');
  if (blank(event.reason)) return refuse('validation_failed', 'reason required', [{ path: 'reason', message: 'required' }]);
  a.objection = { reason: event.reason.trim(), at: now };
  return { effects: [notify({ office: true }, 'proposal.objection', { unitId: a.unitId })], note: a.objection.reason, data: { unitId: a.unitId } };
};

export const dismissObjection: Handler<E<'dismiss_objection'>> = ({ s, event }) => {
  const a = s.assignments.find((x) => x.unitId === event.unitId);
  if (!a?.objection) return refuse('no_pending_objection', 'no pending objection');
  if (blank(event.note)) return refuse('validation_failed', 'note required', [{ path: 'note', message: 'required' }]);
  a.objection = null;
  return { effects: [notify({ unitIds: [a.unitId] }, 'proposal.objection_dismissed')], note: event.note.trim(), data: { unitId: a.unitId } };
};

/** 会办意见 to the 主办 unit (late ones are accepted and flagged). */
export const coOpinion: Handler<E<'co_opinion'>> = ({ s, event, actor, now }) => {
  const a = myAssignment(s, actor.unitId);
  if (blank(event.content)) return refuse('validation_failed', 'content required', [{ path: 'content', message: 'required' }]);
  a.coOpinion = { content: event.content.trim(), at: now, late: !!a.coOpinionDueAt && now > a.coOpinionDueAt };
  const leads = s.assignments.filter((x) => x.role === 'lead').map((x) => x.unitId);
  return { effects: [notify({ unitIds: leads }, 'proposal.co_opinion', { unitId: a.unitId })], data: { unitId: a.unitId, late: a.coOpinion.late } };
};

function extensionCap(ctx: HandlerContext, a: ProposalAssignment): Date {
  const start = Math.max(a.assignedAt.getTime(), ctx.s.roundStartedAt?.getTime() ?? 0);
  return capAfterMonths(new Date(start), ctx.settings.extensionCapMonths, ctx.cal);
}

export const requestExtension: Handler<E<'request_extension'>> = (ctx) => {
  const { s, event, actor, now } = ctx;
  const a = myAssignment(s, actor.unitId);
  if (!a.answering) return refuse('reply_not_requested', 'this unit does not answer in this round');
  if (a.extensionRequest) return refuse('extension_pending', 'a request is pending');
  if (event.until.getTime() <= a.dueAt.getTime()) return refuse('due_date_invalid', 'must be later than the current due date');
  if (event.until.getTime() > extensionCap(ctx, a).getTime()) return refuse('extension_exceeds_cap', 'beyond the cap');
  if (blank(event.reason)) return refuse('validation_failed', 'reason required', [{ path: 'reason', message: 'required' }]);
  a.extensionRequest = { until: event.until, reason: event.reason.trim(), at: now };
  return {
    effects: [notify({ office: true }, 'proposal.extension_requested', { unitId: a.unitId })],
    note: a.extensionRequest.reason,
    data: { unitId: a.unitId, until: event.until.toISOString() },
  };
};

/** 延期 only with the office's approval, never beyond the cap (default 6 months from 交办). */
export const decideExtension: Handler<E<'decide_extension'>> = (ctx) => {
  const { s, event } = ctx;
  const a = s.assignments.find((x) => x.unitId === event.unitId);
  if (!a?.extensionRequest) return refuse('no_pending_extension', 'no pending request');
  if (event.approved) {
    const until = event.until ?? a.extensionRequest.until;
    if (until.getTime() <= a.dueAt.getTime()) return refuse('due_date_invalid', 'must be later than the current due date');
    if (until.getTime() > extensionCap(ctx, a).getTime()) return refuse('extension_exceeds_cap', 'beyond the cap');
    a.dueAt = until;
  }
  a.extensionRequest = null;
  return {
    effects: [notify({ unitIds: [a.unitId] }, event.approved ? 'proposal.extension_approved' : 'proposal.extension_refused')],
    note: event.note ?? null,
    data: { unitId: a.unitId, approved: event.approved, dueAt: a.dueAt.toISOString() },
  };
};

/** 答复 by a 主办/分办 unit; may be revised until the office approves it. */
export const reply: Handler<E<'reply'>> = ({ s, event, actor, settings, now }) => {
  const a = myAssignment(s, actor.unitId);
  if (!a.answering) return refuse('reply_not_requested', 'this unit does not answer in this round');
  if (a.objection) return refuse('objection_pending', 'the objection must be settled first');
  const existing = currentReply(s, a.unitId);
  if (existing?.status === 'approved') return refuse('reply_already_approved', 'already approved');
  if (!labelOf(settings.replyResultCodes, event.resultCode)) return refuse('result_code_unknown', `unknown code ${event.resultCode}`);
  if (blank(event.content)) return refuse('validation_failed', 'content required', [{ path: 'content', message: 'required' }]);
  if (existing) s.replies = s.replies.filter((r) => r !== existing);
  s.replies.push({
    unitId: a.unitId,
    round: s.round,
    resultCode: event.resultCode,
    originalResultCode: null,
    content: event.content.trim(),
    signerName: event.signerName?.trim() || null,
    contact: event.contact?.trim() || null,
    repliedAt: now,
    late: now > a.dueAt,
    cosignedBy: [],
    status: 'pending_approval',
    approvedAt: null,
  });
  settleHandlingStatus(s);
  const coUnits = a.role === 'lead' ? s.assignments.filter((x) => x.role === 'co').map((x) => x.unitId) : [];
  return {
    effects: [
      notify({ office: true }, 'proposal.replied', { unitId: a.unitId }),
      ...(coUnits.length ? [notify({ unitIds: coUnits }, 'proposal.cosign_requested')] : []),
    ],
    data: { unitId: a.unitId, resultCode: event.resultCode, revised: !!existing },
  };
};

/** 会签: a 会办 unit signs the 主办's answer. */
export const cosignReply: Handler<E<'cosign_reply'>> = ({ s, actor }) => {
  const lead = s.assignments.find((x) => x.role === 'lead');
  const r = lead && currentReply(s, lead.unitId);
  if (!r || r.status !== 'pending_approval') return refuse('no_pending_reply', 'no answer to co-sign');
  if (r.cosignedBy.includes(actor.unitId!)) return refuse('already_cosigned', 'already co-signed');
  r.cosignedBy.push(actor.unitId!);
  return { effects: [notify({ office: true }, 'proposal.cosigned', { unitId: actor.unitId })], data: { unitId: actor.unitId } };
};

/**
 * 审核: the office checks the answer and may change its result code (recorded). When every
 * answer of the round is approved the proposers are asked to rate it within the window.
 */
export const approveReply: Handler<E<'approve_reply'>> = ({ s, event, settings, now, cal }) => {
  const a = s.assignments.find((x) => x.unitId === event.unitId && x.answering && x.role !== 'co');
  const r = a && currentReply(s, a.unitId);
  if (!a || !r || r.status !== 'pending_approval') return refuse('no_pending_reply', 'no answer awaiting approval');
  if (a.role === 'lead') {
    const missing = s.assignments.filter((x) => x.role === 'co' && !r.cosignedBy.includes(x.unitId));
    if (missing.length) return refuse('cosign_pending', `not co-signed by ${missing.map((x) => x.unitId).join(', ')}`);
  }
  if (event.resultCode !== undefined && event.resultCode !== r.resultCode) {
    if (!labelOf(settings.replyResultCodes, event.resultCode)) return refuse('result_code_unknown', `unknown code ${event.resultCode}`);
    r.originalResultCode = r.resultCode;
    r.resultCode = event.resultCode;
  }
  r.status = 'approved';
  r.approvedAt = now;
  const effects = [notify({ unitIds: [a.unitId] }, 'proposal.reply_approved')];
  if (answeringAssignments(s).every((x) => currentReply(s, x.unitId)?.status === 'approved')) {
    s.status = 'evaluating';
    s.evaluationDeadline = deadlineAfterWorkingDays(now, settings.evaluationWorkingDays, cal);
    effects.push(notify({ userIds: evaluators(s) }, 'proposal.evaluation_requested', { deadline: s.evaluationDeadline.toISOString() }));
  }
  return {
    effects,
    note: event.note ?? null,
    data: { unitId: a.unitId, resultCode: r.resultCode, ...(r.originalResultCode ? { changedFrom: r.originalResultCode } : {}) },
  };
};

export const returnReply: Handler<E<'return_reply'>> = ({ s, event }) => {
  const r = currentReply(s, event.unitId);
  if (!r || r.status !== 'pending_approval') return refuse('no_pending_reply', 'no answer awaiting approval');
  if (blank(event.note)) return refuse('validation_failed', 'note required', [{ path: 'note', message: 'required' }]);
  r.status = 'returned';
  settleHandlingStatus(s);
  return { effects: [notify({ unitIds: [event.unitId] }, 'proposal.reply_returned')], note: event.note.trim(), data: { unitId: event.unitId } };
};
