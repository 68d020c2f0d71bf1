export * from './content.js';
export {
  PROPOSAL_EVENT_PARTIES,
  PROPOSAL_EVENT_STATUSES,
  PROPOSAL_EVENT_TYPES,
  type ProposalActor,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalParty,
  type ProposalRefusal,
  type ProposalRefusalCode,
  proposalRefusalStatus,
} from './events.js';
export * from './overview.js';
export * from './sessions.js';
export * from './settings.js';
export * from './state.js';
export type {
  NoticeAudience,
  ProposalDutyKind,
  ProposalEffect,
  ProposalTimelineRecord,
  ProposalTransitionResult,
} from './transition-context.js';
export * from './transition.js';
export { checkAssignmentUnits } from './handling.js';
export { MERGE_TARGET_STATUSES } from './review.js';
