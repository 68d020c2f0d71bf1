import type { ProposalStatus } from '@xieshang/protocol';
import type { ProposalEvent } from './events.js';
import { refuse } from './events.js';
import { labelOf } from './settings.js';
import { blank, type Handler, notify, type ProposalEffect, proposersOf } from './transition-context.js';

type E<T extends ProposalEvent['type']> = Extract<ProposalEvent, { type: T }>;

/** 立案: the number is drawn by the server (`nextRegistrationNumber`) in the same transaction. */
export const register: Handler<E<'register'>> = ({ s, event }) => {
  if (blank(event.number)) return refuse('validation_failed', 'number required', [{ path: 'number', message: 'required' }]);
  s.number = event.number.trim();
  s.status = 'registered';
  const credit: ProposalEffect[] = s.signers.map((x) => ({
    type: 'duty_event',
    userId: x.userId,
    kind: 'proposal_registered',
    role: x.role,
  }));
  return {
    effects: [notify({ userIds: proposersOf(s) }, 'proposal.registered', { number: s.number }), ...credit],
    data: { number: s.number },
  };
};

/** Proposals another may be merged into: registered and still being handled. */
export const MERGE_TARGET_STATUSES: readonly ProposalStatus[] = [
  'registered',
  'assigned',
  'replied',
  'evaluating',
  'rehandling',
];

/** 并案: handled together with the target; the server links the two and lists these proposers on it. */
export const merge: Handler<E<'merge'>> = ({ s, event }) => {
  if (event.targetId === s.id || !MERGE_TARGET_STATUSES.includes(event.targetStatus)) {
    return refuse('merge_target_invalid', `cannot merge into ${event.targetId} (${event.targetStatus})`);
  }
  s.mergedInto = event.targetId;
  s.status = 'merged';
  return {
    effects: [
      { type: 'merged_into', targetId: event.targetId },
      notify({ userIds: proposersOf(s) }, 'proposal.merged', { targetId: event.targetId }),
    ],
    note: event.note ?? null,
    data: { targetId: event.targetId },
  };
};

/**
 * 转社情民意/意见建议/来信 needs the proposer's consent: asked in-app (conversion_pending), or
 * already obtained by the office (recorded as such in the timeline).
 */
export const convert: Handler<E<'convert'>> = ({ s, event }) => {
  if (event.proposerConsented) {
    s.convertedTo = event.to;
    s.status = 'converted';
    return {
      effects: [{ type: 'convert_to', target: event.to }, notify({ userIds: proposersOf(s) }, 'proposal.converted', { to: event.to })],
      note: event.note ?? null,
      data: { to: event.to, consent: 'recorded_by_office' },
    };
  }
  s.pendingConversion = event.to;
  s.status = 'conversion_pending';
  return {
    effects: [notify({ userIds: [s.proposerId] }, 'proposal.conversion_proposed', { to: event.to })],
    note: event.note ?? null,
    data: { to: event.to },
  };
};

export const acceptConversion: Handler<E<'accept_conversion'>> = ({ s }) => {
  const to = s.pendingConversion!;
  s.convertedTo = to;
  s.pendingConversion = null;
  s.status = 'converted';
  return {
    effects: [{ type: 'convert_to', target: to }, notify({ office: true, userIds: proposersOf(s) }, 'proposal.converted', { to })],
    data: { to, consent: 'proposer' },
  };
};

export const declineConversion: Handler<E<'decline_conversion'>> = ({ s, event }) => {
  const to = s.pendingConversion;
  s.pendingConversion = null;
  s.status = 'submitted';
  return { effects: [notify({ office: true }, 'proposal.conversion_declined', { to })], note: event.note ?? null, data: { to } };
};

/** 不予立案: a reason from the committee's list and a note; the proposers are told why. */
export const reject: Handler<E<'reject'>> = ({ s, event, settings }) => {
  const label = labelOf(settings.rejectionReasons, event.reasonCode);
  if (!label) return refuse('reason_code_unknown', `unknown reason ${event.reasonCode}`);
  if (blank(event.note)) return refuse('validation_failed', 'note required', [{ path: 'note', message: 'required' }]);
  s.rejection = { reasonCode: event.reasonCode, note: event.note.trim() };
  s.status = 'rejected';
  return {
    effects: [notify({ userIds: proposersOf(s) }, 'proposal.rejected', { reasonCode: event.reasonCode, reason: label })],
    note: event.note.trim(),
    data: { reasonCode: event.reasonCode },
  };
};
