import type { ProposalSettings } from '@xieshang/protocol';
import * as drafting from './drafting.js';
import * as evaluation from './evaluation.js';
import {
  PROPOSAL_EVENT_PARTIES,
  PROPOSAL_EVENT_STATUSES,
  PROPOSAL_EVENT_TYPES,
  type ProposalActor,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalParty,
  refuse,
} from './events.js';
import * as handling from './handling.js';
import * as review from './review.js';
import { deadlineCalendar } from './settings.js';
import type { ProposalState } from './state.js';
import { type Handler, isRefusal, type ProposalTransitionResult } from './transition-context.js';

const HANDLERS: { [T in ProposalEventType]: Handler<Extract<ProposalEvent, { type: T }>> } = {
  edit: drafting.edit,
  invite_cosigner: drafting.inviteCosigner,
  remove_cosigner: drafting.removeCosigner,
  sign: drafting.sign,
  decline_cosign: drafting.declineCosign,
  submit: drafting.submit,
  withdraw: drafting.withdraw,
  register: review.register,
  merge: review.merge,
  convert: review.convert,
  accept_conversion: review.acceptConversion,
  decline_conversion: review.declineConversion,
  reject: review.reject,
  assign: handling.assign,
  reassign: handling.reassign,
  acknowledge: handling.acknowledge,
  object: handling.object,
  dismiss_objection: handling.dismissObjection,
  co_opinion: handling.coOpinion,
  request_extension: handling.requestExtension,
  decide_extension: handling.decideExtension,
  reply: handling.reply,
  cosign_reply: handling.cosignReply,
  approve_reply: handling.approveReply,
  return_reply: handling.returnReply,
  evaluate: evaluation.evaluate,
  close_evaluation: evaluation.closeEvaluation,
  record_consultation: evaluation.recordConsultation,
  mark_key: evaluation.markKey,
  unmark_key: evaluation.unmarkKey,
  log_supervision: evaluation.logSupervision,
};

const isOffice = (a: ProposalActor) => a.role === 'staff' || a.role === 'admin';

/** Whether the account's global role could ever act as this party (checked before anything else). */
function roleFits(party: ProposalParty, actor: ProposalActor): boolean {
  switch (party) {
    case 'initiator':
    case 'cosigner':
    case 'drafter':
    case 'signer':
      return actor.role === 'member' || isOffice(actor);
    case 'office':
      return isOffice(actor);
    case 'answering_unit':
    case 'co_unit':
    case 'assigned_unit':
      return actor.role === 'unit';
    case 'system':
      return actor.role === 'system';
  }
}

/** Whether the actor stands in this relation to this proposal. */
function relates(party: ProposalParty, s: ProposalState, actor: ProposalActor): boolean {
  const me = actor.userId;
  const unit = actor.role === 'unit' ? s.assignments.find((a) => a.unitId === actor.unitId) : undefined;
  switch (party) {
    case 'initiator':
      return me === s.proposerId;
    case 'cosigner':
      return s.signers.some((x) => x.userId === me && x.role === 'cosigner');
    case 'drafter':
      return s.signers.some((x) => x.userId === me);
    case 'signer':
      return s.signers.some((x) => x.userId === me && x.signedHash !== null);
    case 'office':
      return isOffice(actor);
    case 'answering_unit':
      return !!unit && unit.role !== 'co';
    case 'co_unit':
      return unit?.role === 'co';
    case 'assigned_unit':
      return !!unit;
    case 'system':
      return actor.role === 'system';
  }
}

/** Parts of the state a transition mutates are copied first; the input is never changed. */
function copyState(s: ProposalState): ProposalState {
  return structuredClone(s);
}

/**
 * The proposal state machine. Checks, in order: the actor's global role may take part in this
 * event at all (else forbidden → 403); the event is legal in the current status (else
 * invalid_transition → 409); the actor's relation to this proposal (else forbidden); then the
 * event's own rules (specific codes, see `proposalErrorMessages`). On success returns the next
 * state, the side effects to carry out, and the timeline entry to store.
 */
export function transitionProposal(
  state: ProposalState,
  event: ProposalEvent,
  actor: ProposalActor,
  settings: ProposalSettings,
  now: Date,
): ProposalTransitionResult {
  const parties = PROPOSAL_EVENT_PARTIES[event.type];
  if (!parties) return refuse('validation_failed', `unknown event ${String((event as { type: unknown }).type)}`);
  if (!parties.some((p) => roleFits(p, actor))) return refuse('forbidden', `${actor.role} cannot ${event.type}`);
  if (!PROPOSAL_EVENT_STATUSES[event.type].includes(state.status)) {
    return refuse('invalid_transition', `${event.type} is not possible while ${state.status}`);
  }
  if (!parties.some((p) => relates(p, state, actor))) {
    return refuse('forbidden', `${actor.userId ?? actor.role} is not ${parties.join(' or ')} of this proposal`);
  }
  const s = copyState(state);
  const handler = HANDLERS[event.type] as Handler;
  const out = handler({ s, event, actor, settings, now, cal: deadlineCalendar(settings) });
  if (isRefusal(out)) return out;
  return {
    ok: true,
    next: s,
    effects: out.effects,
    entry: {
      at: now,
      actorId: actor.userId,
      action: event.type,
      fromStatus: state.status,
      toStatus: s.status,
      note: out.note ?? null,
      ...(out.data ? { data: out.data } : {}),
    },
  };
}

/**
 * Event types the actor may attempt now (status and relation fit); the view's `can` list.
 * The event's own rules (deadlines, signatures) are still checked when it is sent.
 */
export function availableProposalEvents(state: ProposalState, actor: ProposalActor): ProposalEventType[] {
  return PROPOSAL_EVENT_TYPES.filter((type) => {
    const parties = PROPOSAL_EVENT_PARTIES[type];
    return (
      PROPOSAL_EVENT_STATUSES[type].includes(state.status) &&
      parties.some((p) => roleFits(p, actor) && relates(p, state, actor))
    );
  });
}
