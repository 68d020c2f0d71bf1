import type {
  AssignmentRole,
  ConversionTarget,
  EvaluationRating,
  ProposalErrorCode,
  ProposalStatus,
  SupervisionActivity,
} from '@xieshang/protocol';
import type { ProposalContent } from './content.js';

/** Everything that can happen to a proposal. The server builds these from requests (or its scheduler). */
export type ProposalEvent =
  // drafting and 联名
  | { type: 'edit'; title?: string; category?: string; versionHash: string }
  | { type: 'invite_cosigner'; userId: string }
  | { type: 'remove_cosigner'; userId: string }
  /** `versionHash` is the current text's hash (server-computed); `readHash` what the signer read. */
  | { type: 'sign'; versionHash: string; readHash?: string }
  | { type: 'decline_cosign' }
  | { type: 'submit'; content: ProposalContent; sealConfirmed?: boolean }
  | { type: 'withdraw' }
  // review
  | { type: 'register'; number: string }
  | { type: 'merge'; targetId: string; targetStatus: ProposalStatus; note?: string }
  | { type: 'convert'; to: ConversionTarget; proposerConsented?: boolean; note?: string }
  | { type: 'accept_conversion' }
  | { type: 'decline_conversion'; note?: string }
  | { type: 'reject'; reasonCode: string; note: string }
  // 交办 and handling
  | { type: 'assign'; units: { unitId: string; role: AssignmentRole }[]; dueAt?: Date }
  | { type: 'reassign'; units: { unitId: string; role: AssignmentRole }[]; dueAt?: Date; note?: string }
  | { type: 'acknowledge' }
  | { type: 'object'; reason: string }
  | { type: 'dismiss_objection'; unitId: string; note: string }
  | { type: 'co_opinion'; content: string }
  | { type: 'request_extension'; until: Date; reason: string }
  | { type: 'decide_extension'; unitId: string; approved: boolean; until?: Date; note?: string }
  // 答复
  | { type: 'reply'; resultCode: string; content: string; signerName?: string; contact?: string }
  | { type: 'cosign_reply' }
  | { type: 'approve_reply'; unitId: string; resultCode?: string; note?: string }
  | { type: 'return_reply'; unitId: string; note: string }
  // 评价
  | { type: 'evaluate'; rating: EvaluationRating; comment?: string; unitId?: string; onBehalfOf?: string }
  | { type: 'close_evaluation' }
  | { type: 'record_consultation'; note: string; heldAt?: Date }
  // 重点提案 督办
  | { type: 'mark_key'; leader: string; keyCountThisYear: number; note?: string }
  | { type: 'unmark_key'; note?: string }
  | { type: 'log_supervision'; activity: SupervisionActivity; note: string; at?: Date };

export type ProposalEventType = ProposalEvent['type'];

/**
 * Who acts. `role` is the account's global role; `unit` accounts belong to one 承办单位;
 * `system` is the server's own scheduler (closing expired evaluation windows).
 */
export interface ProposalActor {
  userId: string | null;
  role: 'admin' | 'staff' | 'member' | 'unit' | 'guest' | 'system';
  unitId?: string | null;
}

const KEY_STATUSES: readonly ProposalStatus[] = [
  'registered',
  'assigned',
  'replied',
  'evaluating',
  'rehandling',
  'consultation',
];

/** In which statuses each event may happen: everything else is refused as invalid_transition (409). */
export const PROPOSAL_EVENT_STATUSES: Readonly<Record<ProposalEventType, readonly ProposalStatus[]>> = {
  edit: ['draft'],
  invite_cosigner: ['draft'],
  remove_cosigner: ['draft'],
  sign: ['draft'],
  decline_cosign: ['draft'],
  submit: ['draft'],
  withdraw: ['submitted'],
  register: ['submitted'],
  merge: ['submitted'],
  convert: ['submitted'],
  accept_conversion: ['conversion_pending'],
  decline_conversion: ['conversion_pending'],
  reject: ['submitted'],
  assign: ['registered'],
  reassign: ['assigned', 'rehandling'],
  acknowledge: ['assigned'],
  object: ['assigned'],
  dismiss_objection: ['assigned'],
  co_opinion: ['assigned', 'rehandling', 'replied'],
  request_extension: ['assigned', 'rehandling'],
  decide_extension: ['assigned', 'rehandling'],
  reply: ['assigned', 'rehandling', 'replied'],
  cosign_reply: ['replied'],
  approve_reply: ['replied'],
  return_reply: ['replied'],
  evaluate: ['evaluating'],
  close_evaluation: ['evaluating'],
  record_consultation: ['consultation'],
  mark_key: KEY_STATUSES,
  unmark_key: KEY_STATUSES,
  log_supervision: KEY_STATUSES,
};

export const PROPOSAL_EVENT_TYPES = Object.keys(PROPOSAL_EVENT_STATUSES) as ProposalEventType[];

/**
 * The party an event belongs to. The global role is checked first (a member can never 立案),
 * then the relation to this proposal (only its 第一提案人 submits; only an assigned unit answers).
 */
export type ProposalParty =
  | 'initiator' // 第一提案人
  | 'cosigner' // invited 联名 co-signer
  | 'drafter' // initiator or co-signer (co-editing)
  | 'signer' // anyone who signed: rates the answer
  | 'office' // 提案委员会办公室: staff and admins
  | 'answering_unit' // 主办 or 分办 unit
  | 'co_unit' // 会办 unit
  | 'assigned_unit' // any unit assigned
  | 'system'; // the server's scheduler

export const PROPOSAL_EVENT_PARTIES: Readonly<Record<ProposalEventType, readonly ProposalParty[]>> = {
  edit: ['drafter'],
  invite_cosigner: ['initiator'],
  remove_cosigner: ['initiator'],
  sign: ['drafter'],
  decline_cosign: ['cosigner'],
  submit: ['initiator'],
  withdraw: ['initiator'],
  register: ['office'],
  merge: ['office'],
  convert: ['office'],
  accept_conversion: ['initiator'],
  decline_conversion: ['initiator'],
  reject: ['office'],
  assign: ['office'],
  reassign: ['office'],
  acknowledge: ['assigned_unit'],
  object: ['assigned_unit'],
  dismiss_objection: ['office'],
  co_opinion: ['co_unit'],
  request_extension: ['answering_unit'],
  decide_extension: ['office'],
  reply: ['answering_unit'],
  cosign_reply: ['co_unit'],
  approve_reply: ['office'],
  return_reply: ['office'],
  // Office staff record paper evaluations on behalf of a proposer.
  evaluate: ['signer', 'office'],
  close_evaluation: ['office', 'system'],
  record_consultation: ['office'],
  mark_key: ['office'],
  unmark_key: ['office'],
  log_supervision: ['office'],
};

/** ProposalRefusal codes: the generic ones plus the proposal-specific list in the protocol. */
export type ProposalRefusalCode = 'forbidden' | 'invalid_transition' | 'validation_failed' | ProposalErrorCode;

export interface ProposalRefusal {
  ok: false;
  code: ProposalRefusalCode;
  /** Developer-facing detail (English); users see the localized message for `code`. */
  message: string;
  fields?: { path: string; message: string }[];
}

export function refuse(code: ProposalRefusalCode, message: string, fields?: ProposalRefusal['fields']): ProposalRefusal {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}

/** HTTP status of a refusal; the specific codes carry theirs in `proposalErrorMessages`. */
export function proposalRefusalStatus(code: ProposalRefusalCode, specific: Readonly<Record<ProposalErrorCode, { status: number }>>): number {
  if (code === 'forbidden') return 403;
  if (code === 'invalid_transition') return 409;
  if (code === 'validation_failed') return 400;
  return specific[code].status;
}
