import type {
  AssignmentRole,
  ConversionTarget,
  EvaluationRating,
  ProposalKind,
  ProposalSessionKind,
  ProposalSignerRole,
  ProposalStatus,
  SupervisionActivity,
} from '@xieshang/protocol';

/**
 * Everything the proposal rules need to decide the next step. The server loads it from its
 * tables, calls `transition`, and stores `next` (plus the timeline entry) in one transaction.
 */
export interface ProposalState {
  id: string;
  status: ProposalStatus;
  kind: ProposalKind;
  /** 第一提案人 (or the staff member submitting in an organisation's name). */
  proposerId: string;
  title: string;
  category: string;
  /** Hash of the current 案由 + body (`proposalVersionHash`). */
  versionHash: string;
  /** Initiator first, then co-signers in invitation order. */
  signers: ProposalSigner[];
  createdAt: Date;
  submittedAt: Date | null;
  sessionKind: ProposalSessionKind | null;
  /** The 届/次 the proposal is numbered in (set at submit). */
  sessionId: string | null;
  number: string | null;
  mergedInto: string | null;
  pendingConversion: ConversionTarget | null;
  convertedTo: ConversionTarget | null;
  rejection: { reasonCode: string; note: string } | null;
  /** Handling round: 0 before 交办, 1 for the first answer, 2 after a 不满意 … */
  round: number;
  /** Start of the current round (交办 or re-handling): the extension cap counts from here. */
  roundStartedAt: Date | null;
  assignments: ProposalAssignment[];
  replies: ProposalReply[];
  evaluations: ProposalEvaluation[];
  evaluationDeadline: Date | null;
  /** Rounds that ended with a 不满意. */
  unsatisfiedRounds: number;
  key: { leader: string; markedAt: Date } | null;
  supervision: { activity: SupervisionActivity; note: string; at: Date; by: string }[];
  consultation: { note: string; heldAt: Date } | null;
}

export interface ProposalSigner {
  userId: string;
  role: ProposalSignerRole;
  invitedAt: Date;
  /** The version hash signed; null while not signed. */
  signedHash: string | null;
  signedAt: Date | null;
}

export interface ProposalAssignment {
  unitId: string;
  role: AssignmentRole;
  assignedAt: Date;
  dueAt: Date;
  /** 会办 opinion due to the 主办 (co units only). */
  coOpinionDueAt: Date | null;
  objectionDeadline: Date;
  acknowledgedAt: Date | null;
  objection: { reason: string; at: Date } | null;
  extensionRequest: { until: Date; reason: string; at: Date } | null;
  coOpinion: { content: string; at: Date; late: boolean } | null;
  /** Whether this (lead or separate) unit must answer in the current round. */
  answering: boolean;
}

export interface ProposalReply {
  unitId: string;
  round: number;
  resultCode: string;
  /** The unit's own code when the office changed it. */
  originalResultCode: string | null;
  content: string;
  signerName: string | null;
  contact: string | null;
  repliedAt: Date;
  late: boolean;
  cosignedBy: string[];
  status: 'pending_approval' | 'approved' | 'returned';
  approvedAt: Date | null;
}

export interface ProposalEvaluation {
  userId: string;
  unitId: string;
  round: number;
  rating: EvaluationRating;
  comment: string | null;
  at: Date;
  /** Office staff who recorded a paper evaluation. */
  recordedBy: string | null;
}

/** A fresh draft, as `POST /api/proposals` creates it. */
export function newProposal(input: {
  id: string;
  proposerId: string;
  kind?: ProposalKind;
  title: string;
  category: string;
  versionHash: string;
  now: Date;
}): ProposalState {
  return {
    id: input.id,
    status: 'draft',
    kind: input.kind ?? 'member',
    proposerId: input.proposerId,
    title: input.title,
    category: input.category,
    versionHash: input.versionHash,
    signers: [{ userId: input.proposerId, role: 'initiator', invitedAt: input.now, signedHash: null, signedAt: null }],
    createdAt: input.now,
    submittedAt: null,
    sessionKind: null,
    sessionId: null,
    number: null,
    mergedInto: null,
    pendingConversion: null,
    convertedTo: null,
    rejection: null,
    round: 0,
    roundStartedAt: null,
    assignments: [],
    replies: [],
    evaluations: [],
    evaluationDeadline: null,
    unsatisfiedRounds: 0,
    key: null,
    supervision: [],
    consultation: null,
  };
}

// ── derived facts ──

export function isStale(signer: ProposalSigner, state: ProposalState): boolean {
  return signer.signedHash !== null && signer.signedHash !== state.versionHash;
}

/** `signers` of `GET /api/proposals/:id`. */
export function signerViews(state: ProposalState): { userId: string; role: ProposalSignerRole; stale: boolean; signedAt: Date | null }[] {
  return state.signers.map((s) => ({ userId: s.userId, role: s.role, stale: isStale(s, state), signedAt: s.signedAt }));
}

export function cosigners(state: ProposalState): ProposalSigner[] {
  return state.signers.filter((s) => s.role === 'cosigner');
}

/** Units that answer (主办 or 分办) — 会办 units never answer directly. */
export function answeringAssignments(state: ProposalState): ProposalAssignment[] {
  return state.assignments.filter((a) => a.answering && a.role !== 'co');
}

/** The unit's live answer in the current round (not returned), if any. */
export function currentReply(state: ProposalState, unitId: string): ProposalReply | undefined {
  return state.replies.find((r) => r.unitId === unitId && r.round === state.round && r.status !== 'returned');
}

/** Proposers who rate the answer: every signer of the submitted version. */
export function evaluators(state: ProposalState): string[] {
  return state.signers.filter((s) => s.signedHash !== null).map((s) => s.userId);
}

const HANDLING: readonly ProposalStatus[] = ['assigned', 'rehandling'];

/** Units whose answer is overdue (for 催办 lists). */
export function overdueAssignments(state: ProposalState, now: Date): ProposalAssignment[] {
  if (!HANDLING.includes(state.status)) return [];
  return answeringAssignments(state).filter((a) => !currentReply(state, a.unitId) && now.getTime() > a.dueAt.getTime());
}

/** The answer due date shown on lists: the earliest open one. */
export function proposalDueAt(state: ProposalState): Date | null {
  const open = answeringAssignments(state).filter((a) => !currentReply(state, a.unitId));
  if (!open.length) return null;
  return new Date(Math.min(...open.map((a) => a.dueAt.getTime())));
}
