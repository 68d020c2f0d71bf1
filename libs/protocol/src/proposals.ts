import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

// ── vocabulary ──

/**
 * 提案 lifecycle. The names the public contract requires (draft, submitted, registered, merged,
 * converted, rejected, assigned, replied, rehandling, closed) plus the finer steps the domain
 * notes justify: conversion_pending (转社情民意/意见建议 needs the proposer's consent),
 * evaluating (复文 approved, proposers rating it) and consultation (当面协商 after a second 不满意).
 */
export const ProposalStatus = z.enum([
  'draft',
  'submitted',
  'conversion_pending',
  'registered',
  'merged',
  'converted',
  'rejected',
  'assigned',
  'replied',
  'evaluating',
  'rehandling',
  'consultation',
  'closed',
]);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** member 委员个人, joint 联名, organisation 党派/人民团体/专委会, group 界别/小组/联组 (plenary only). */
export const ProposalKind = z.enum(['member', 'joint', 'organisation', 'group']);
export type ProposalKind = z.infer<typeof ProposalKind>;

/** 大会提案 (submitted in the plenary window) or 平时提案. */
export const ProposalSessionKind = z.enum(['plenary', 'regular']);
export type ProposalSessionKind = z.infer<typeof ProposalSessionKind>;

/** 第一提案人 or 联名 co-signer. */
export const ProposalSignerRole = z.enum(['initiator', 'cosigner']);
export type ProposalSignerRole = z.infer<typeof ProposalSignerRole>;

export const ReviewDecision = z.enum(['register', 'merge', 'convert', 'reject']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** 转社情民意 / 转意见建议 / 转委员来信. */
export const ConversionTarget = z.enum(['social_report', 'opinion', 'letter']);
export type ConversionTarget = z.infer<typeof ConversionTarget>;

/** 主办 (answers), 会办 (opinion to the 主办, co-signs its answer), 分办 (answers separately). */
export const AssignmentRole = z.enum(['lead', 'co', 'separate']);
export type AssignmentRole = z.infer<typeof AssignmentRole>;

/** 满意 / 基本满意 / 不满意. */
export const EvaluationRating = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);
export type EvaluationRating = z.infer<typeof EvaluationRating>;

/** 督办 forms: 视察, 调研, 座谈/协商会, 走访承办单位, other. */
export const SupervisionActivity = z.enum(['inspection', 'research', 'meeting', 'visit', 'other']);
export type SupervisionActivity = z.infer<typeof SupervisionActivity>;

/** Categories are a per-committee list (default 经济/政治/文化/社会/生态文明); the server checks membership. */
export const ProposalCategory = z.string().trim().min(1).max(32);

/** Result codes are per committee (default A/B/C); labels come from the committee settings. */
export const ReplyResultCode = z.string().trim().min(1).max(8);

const Note = z.string().trim().min(1).max(2000);
const LongText = z.string().max(20_000);

/** The co-edited body's three parts: 情况/案据, 分析, 建议 (none may be empty at submit). */
export const ProposalSections = z.object({
  situation: LongText,
  analysis: LongText,
  suggestions: LongText,
});
export type ProposalSections = z.infer<typeof ProposalSections>;

// ── request bodies ──

/** 案由 length is checked against the committee setting (default 60); this bound only stops abuse. */
const ProposalTitle = z.string().trim().min(1).max(200);

export const CreateProposalBody = z.object({
  title: ProposalTitle,
  category: ProposalCategory,
  kind: ProposalKind.optional(),
  /** Seeds the co-edited body as plain text. */
  sections: ProposalSections.optional(),
  /** For organisation proposals: the organisation it is submitted in the name of. */
  organisationId: Id.optional(),
});
export type CreateProposalBody = z.infer<typeof CreateProposalBody>;

export const CreateProposalResponse = z.object({ id: Id, documentId: Id, status: ProposalStatus });
export type CreateProposalResponse = z.infer<typeof CreateProposalResponse>;

export const UpdateProposalBody = z.object({ title: ProposalTitle, category: ProposalCategory }).partial();
export type UpdateProposalBody = z.infer<typeof UpdateProposalBody>;

export const AddCosignerBody = z.object({ userId: Id });
export type AddCosignerBody = z.infer<typeof AddCosignerBody>;

/** Optional: the hash of the version the signer read; refused if the text changed since. */
export const SignProposalBody = z.object({ versionHash: z.string().regex(/^[0-9a-f]{64}$/) }).partial();
export type SignProposalBody = z.infer<typeof SignProposalBody>;

export const SignProposalResponse = z.object({ versionHash: z.string() });
export type SignProposalResponse = z.infer<typeof SignProposalResponse>;

export const SubmitProposalBody = z
  .object({
    /** Organisation proposals: the staff member confirms the organisation's seal (加盖公章). */
    sealConfirmed: z.boolean(),
  })
  .partial();
export type SubmitProposalBody = z.infer<typeof SubmitProposalBody>;

export const ReviewProposalBody = z
  .object({
    decision: ReviewDecision,
    /** 不予立案 reason from the committee's list. */
    reasonCode: z.string().trim().min(1).max(32).optional(),
    note: Note.optional(),
    /** 并案: the proposal this one is merged into. */
    mergeInto: Id.optional(),
    /** 转: which channel; default social_report. */
    convertTo: ConversionTarget.optional(),
    /** The office obtained the proposer's consent already (e.g. on paper); otherwise the proposer is asked. */
    proposerConsented: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'merge' && !b.mergeInto) ctx.addIssue({ code: 'custom', path: ['mergeInto'], message: 'required' });
    if (b.decision === 'reject' && !b.reasonCode) {
      ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: 'required' });
    }
    if (b.decision === 'reject' && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  });
export type ReviewProposalBody = z.infer<typeof ReviewProposalBody>;

export const ReviewProposalResponse = z.object({ status: ProposalStatus, number: z.string().optional() });
export type ReviewProposalResponse = z.infer<typeof ReviewProposalResponse>;

export const ConversionConsentBody = z.object({ accept: z.boolean() });
export type ConversionConsentBody = z.infer<typeof ConversionConsentBody>;

export const AssignmentUnit = z.object({ unitId: Id, role: AssignmentRole });
export type AssignmentUnit = z.infer<typeof AssignmentUnit>;

export const CreateAssignmentsBody = z.object({
  units: z.array(AssignmentUnit).min(1).max(20),
  /** Default: assignment + 3 months (committee setting); never beyond the 6-month cap. */
  dueAt: IsoDateTime.optional(),
});
export type CreateAssignmentsBody = z.infer<typeof CreateAssignmentsBody>;

export const ObjectionBody = z.object({ reason: Note });
export type ObjectionBody = z.infer<typeof ObjectionBody>;

export const DismissObjectionBody = z.object({ unitId: Id, note: Note });
export type DismissObjectionBody = z.infer<typeof DismissObjectionBody>;

export const CoOpinionBody = z.object({ content: z.string().trim().min(1).max(20_000) });
export type CoOpinionBody = z.infer<typeof CoOpinionBody>;

export const ExtensionRequestBody = z.object({ until: IsoDateTime, reason: Note });
export type ExtensionRequestBody = z.infer<typeof ExtensionRequestBody>;

export const ExtensionDecisionBody = z.object({
  unitId: Id,
  approved: z.boolean(),
  /** Approve a different date than requested (still within the cap). */
  until: IsoDateTime.optional(),
  note: Note.optional(),
});
export type ExtensionDecisionBody = z.infer<typeof ExtensionDecisionBody>;

export const ReplyBody = z.object({
  resultCode: ReplyResultCode,
  /** The 复文 letter text. */
  content: z.string().trim().min(1).max(20_000),
  signerName: z.string().trim().min(1).max(64).optional(),
  contact: z.string().trim().min(1).max(64).optional(),
});
export type ReplyBody = z.infer<typeof ReplyBody>;

export const ApproveReplyBody = z.object({
  unitId: Id,
  /** The office may change the result code; the change is recorded. */
  resultCode: ReplyResultCode.optional(),
  note: Note.optional(),
});
export type ApproveReplyBody = z.infer<typeof ApproveReplyBody>;

export const ReturnReplyBody = z.object({ unitId: Id, note: Note });
export type ReturnReplyBody = z.infer<typeof ReturnReplyBody>;

export const EvaluationBody = z.object({
  rating: EvaluationRating,
  comment: z.string().trim().max(2000).optional(),
  /** Required only when several units answered separately (分办). */
  unitId: Id.optional(),
  /** Office staff recording the view of a proposer who rated on paper. */
  onBehalfOf: Id.optional(),
});
export type EvaluationBody = z.infer<typeof EvaluationBody>;

export const ConsultationBody = z.object({ note: Note, heldAt: IsoDateTime.optional() });
export type ConsultationBody = z.infer<typeof ConsultationBody>;

export const KeyProposalBody = z.object({ leader: z.string().trim().min(1).max(64), note: Note.optional() });
export type KeyProposalBody = z.infer<typeof KeyProposalBody>;

export const SupervisionLogBody = z.object({ activity: SupervisionActivity, note: Note, at: IsoDateTime.optional() });
export type SupervisionLogBody = z.infer<typeof SupervisionLogBody>;

// ── views ──

export const ProposalSignerView = z.object({
  userId: Id,
  role: ProposalSignerRole,
  /** Signed an earlier version than the current one. */
  stale: z.boolean(),
  signedAt: IsoDateTime.nullable(),
  displayName: z.string().optional(),
});
export type ProposalSignerView = z.infer<typeof ProposalSignerView>;

export const ProposalReplyView = z.object({
  unitId: Id,
  round: z.number().int(),
  resultCode: z.string(),
  /** Label of the code in the committee's settings. */
  resultLabel: z.string().optional(),
  content: z.string(),
  signerName: z.string().nullable(),
  contact: z.string().nullable(),
  repliedAt: IsoDateTime,
  cosignedBy: z.array(Id),
  status: z.enum(['pending_approval', 'approved', 'returned']),
  approvedAt: IsoDateTime.nullable(),
  /** When the office changed the code: the unit's original code. */
  originalResultCode: z.string().nullable(),
});
export type ProposalReplyView = z.infer<typeof ProposalReplyView>;

export const ProposalAssignmentView = z.object({
  unitId: Id,
  unitName: z.string().optional(),
  role: AssignmentRole,
  assignedAt: IsoDateTime,
  dueAt: IsoDateTime,
  coOpinionDueAt: IsoDateTime.nullable(),
  objectionDeadline: IsoDateTime,
  acknowledgedAt: IsoDateTime.nullable(),
  objection: z.object({ reason: z.string(), at: IsoDateTime }).nullable(),
  extensionRequest: z.object({ until: IsoDateTime, reason: z.string(), at: IsoDateTime }).nullable(),
  coOpinion: z.object({ content: z.string(), at: IsoDateTime, late: z.boolean() }).nullable(),
  /** Whether this unit must answer in the current round. */
  answering: z.boolean(),
  overdue: z.boolean(),
});
export type ProposalAssignmentView = z.infer<typeof ProposalAssignmentView>;

export const ProposalEvaluationView = z.object({
  userId: Id,
  unitId: Id,
  round: z.number().int(),
  rating: EvaluationRating,
  comment: z.string().nullable(),
  at: IsoDateTime,
  recordedBy: Id.nullable(),
});
export type ProposalEvaluationView = z.infer<typeof ProposalEvaluationView>;

/** One recorded state change: who, when, what and why. */
export const ProposalTimelineEntry = z.object({
  at: IsoDateTime,
  actorId: Id.nullable(),
  actorName: z.string().optional(),
  action: z.string(),
  fromStatus: ProposalStatus,
  toStatus: ProposalStatus,
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type ProposalTimelineEntry = z.infer<typeof ProposalTimelineEntry>;

export const ProposalView = z.object({
  id: Id,
  documentId: Id,
  status: ProposalStatus,
  number: z.string().optional(),
  title: z.string(),
  category: z.string(),
  kind: ProposalKind,
  sessionKind: ProposalSessionKind.nullable(),
  proposerId: Id,
  signers: z.array(ProposalSignerView),
  assignments: z.array(ProposalAssignmentView),
  replies: z.array(ProposalReplyView),
  evaluations: z.array(ProposalEvaluationView),
  evaluationDeadline: IsoDateTime.nullable(),
  isKey: z.boolean(),
  keyLeader: z.string().nullable(),
  mergedInto: Id.nullable(),
  convertedTo: ConversionTarget.nullable(),
  rejection: z.object({ reasonCode: z.string(), reasonLabel: z.string().optional(), note: z.string() }).nullable(),
  submittedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  timeline: z.array(ProposalTimelineEntry),
  /** Actions the caller may take now (event names), computed by the domain rules. */
  can: z.array(z.string()),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const ListProposalsQuery = z.object({
  status: z
    .union([ProposalStatus, z.string().regex(/^[a-z_]+(,[a-z_]+)*$/)])
    .optional()
    .transform((s) => (s ? (s.split(',') as ProposalStatus[]) : undefined))
    .pipe(z.array(ProposalStatus).optional()),
  category: ProposalCategory.optional(),
  q: z.string().trim().max(100).optional(),
  unitId: Id.optional(),
  overdue: z.stringbool().optional(),
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListProposalsQuery = z.input<typeof ListProposalsQuery>;

export const ProposalSummary = z.object({
  id: Id,
  status: ProposalStatus,
  number: z.string().optional(),
  title: z.string(),
  category: z.string(),
  kind: ProposalKind,
  proposerId: Id,
  proposerName: z.string().optional(),
  isKey: z.boolean(),
  submittedAt: IsoDateTime.nullable(),
  dueAt: IsoDateTime.nullable(),
  overdue: z.boolean(),
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const ProposalList = z.object({ items: z.array(ProposalSummary), total: z.number().int() });
export type ProposalList = z.infer<typeof ProposalList>;

export const SimilarProposalsQuery = z.object({
  text: z.string().trim().min(1).max(20_000),
  /** Leave the proposal being drafted out of its own results. */
  excludeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SimilarProposalsQuery = z.input<typeof SimilarProposalsQuery>;

export const SimilarProposal = z.object({
  id: Id,
  title: z.string(),
  /** Similarity in [0, 1]. */
  score: z.number().min(0).max(1),
  status: ProposalStatus.optional(),
  number: z.string().optional(),
  year: z.number().int().optional(),
});
export type SimilarProposal = z.infer<typeof SimilarProposal>;

export const SimilarProposals = z.array(SimilarProposal);
export type SimilarProposals = z.infer<typeof SimilarProposals>;

// ── per-committee settings (defaults live in the domain: DEFAULT_PROPOSAL_SETTINGS) ──

const LocalDate = z.iso.date();

export const CodeLabel = z.object({ code: z.string().trim().min(1).max(32), label: z.string().trim().min(1).max(100) });
export type CodeLabel = z.infer<typeof CodeLabel>;

/** One 次会议 of a 届: its plenary dates and 提案 deadline. */
export const CommitteeSession = z.object({
  id: Id,
  /** 届, e.g. 10 for 第十届. */
  term: z.number().int().min(1).max(99),
  /** 次会议 within the term, e.g. 3 for 第三次会议. */
  session: z.number().int().min(1).max(20),
  plenaryStart: LocalDate,
  plenaryEnd: LocalDate,
  /** Last day for 大会提案; default the plenary's last day. */
  submissionDeadline: LocalDate.optional(),
});
export type CommitteeSession = z.infer<typeof CommitteeSession>;

export const ProposalSettings = z.object({
  titleMaxLength: z.number().int().min(10).max(200),
  bodyMaxLength: z.number().int().min(200).max(20_000),
  categories: z.array(z.string().trim().min(1).max(32)).min(1).max(30),
  rejectionReasons: z.array(CodeLabel).min(1).max(50),
  replyResultCodes: z.array(CodeLabel).min(2).max(8),
  ratingLabels: z.record(EvaluationRating, z.string().trim().min(1).max(20)),
  answerMonths: z.number().int().min(1).max(12),
  /** 大会提案 may get longer (四川: 5 months). */
  plenaryAnswerMonths: z.number().int().min(1).max(12),
  coOpinionMonths: z.number().int().min(1).max(6),
  objectionWorkingDays: z.number().int().min(1).max(30),
  evaluationWorkingDays: z.number().int().min(1).max(60),
  extensionCapMonths: z.number().int().min(1).max(12),
  rehandlingMonths: z.number().int().min(1).max(12),
  keyProposalsPerYear: z.number().int().min(0).max(1000),
  requireOrganisationSeal: z.boolean(),
  /** 大会提案 window opens this many months before the plenary (阜阳: 3). */
  plenaryWindowMonths: z.number().int().min(0).max(12),
  /** Alternative national rule: from this MM-DD on, proposals count for the next plenary (e.g. "12-05"). */
  plenaryCutoffMonthDay: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
    .nullable(),
  /** Registration number template: {term} {session} {seq} {seq:3} {termZh} {sessionZh}. */
  numberFormat: z.string().trim().min(1).max(60),
  timeZone: z.string().min(1).max(64),
  holidays: z.array(LocalDate).max(400),
  makeupWorkdays: z.array(LocalDate).max(100),
  rollDeadlinesToWorkingDay: z.boolean(),
  sessions: z.array(CommitteeSession).max(100),
});
export type ProposalSettings = z.infer<typeof ProposalSettings>;

// ── refusals (the server registers these codes with their HTTP status) ──

/**
 * Codes a proposal action can be refused with, beyond the generic forbidden (403),
 * invalid_transition (409) and validation_failed (400).
 */
export const proposalErrorMessages = {
  signatures_missing: { status: 409, zh: '还有联名委员未签名，不能提交', en: 'Some co-signers have not signed yet' },
  signatures_stale: {
    status: 409,
    zh: '提案内容已修改，联名委员需对新版本重新签名',
    en: 'The text changed after some co-signers signed; they must sign again',
  },
  version_mismatch: {
    status: 409,
    zh: '提案内容已被修改，请阅读最新版本后再签名',
    en: 'The text changed since you read it; read the current version and sign again',
  },
  already_signed: { status: 409, zh: '您已对当前版本签名', en: 'You have already signed this version' },
  cosigner_required: { status: 409, zh: '联名提案至少需要一位联名委员', en: 'A joint proposal needs at least one co-signer' },
  cosigners_not_allowed: {
    status: 409,
    zh: '以组织名义提出的提案不设联名',
    en: 'Proposals in an organisation’s name have no co-signers',
  },
  already_cosigner: { status: 409, zh: '该委员已在联名名单中', en: 'This member is already a co-signer' },
  not_cosigner: { status: 409, zh: '该委员不在联名名单中', en: 'This member is not a co-signer' },
  seal_required: { status: 409, zh: '请确认已加盖组织公章', en: 'Confirm the organisation’s seal first' },
  plenary_not_in_session: {
    status: 409,
    zh: '界别、小组、联组提案只能在全体会议期间提出',
    en: 'Sector and group proposals can only be submitted while the plenary session is open',
  },
  reason_code_unknown: { status: 400, zh: '不予立案理由不在列表中', en: 'Unknown rejection reason' },
  merge_target_invalid: {
    status: 409,
    zh: '只能并入已立案且未办结的其他提案',
    en: 'A proposal can only be merged into another registered proposal that is still open',
  },
  invalid_assignment: {
    status: 400,
    zh: '交办单位设置有误：主办单位只能有一个，会办须有主办，分办不能与主办、会办混用，单位不能重复',
    en: 'Invalid units: exactly one lead with any co units, or separate units only, no duplicates',
  },
  due_date_invalid: {
    status: 400,
    zh: '办理期限须晚于今天且不超过最长期限',
    en: 'The due date must be in the future and within the maximum period',
  },
  objection_window_closed: {
    status: 409,
    zh: '已超过异议期限，请联系提案委员会',
    en: 'The objection period is over; contact the proposal office',
  },
  objection_pending: { status: 409, zh: '该单位的异议尚待处理', en: 'This unit’s objection is still pending' },
  no_pending_objection: { status: 409, zh: '该单位没有待处理的异议', en: 'This unit has no pending objection' },
  already_acknowledged: { status: 409, zh: '已签收', en: 'Already acknowledged' },
  extension_exceeds_cap: {
    status: 409,
    zh: '延期后超过最长办理期限',
    en: 'The extension would exceed the maximum handling period',
  },
  extension_pending: { status: 409, zh: '已有待审批的延期申请', en: 'An extension request is already pending' },
  no_pending_extension: { status: 409, zh: '没有待审批的延期申请', en: 'There is no pending extension request' },
  result_code_unknown: { status: 400, zh: '办理结果代码不在列表中', en: 'Unknown result code' },
  reply_not_requested: { status: 409, zh: '本轮无需该单位答复', en: 'This unit is not asked to answer in this round' },
  reply_already_approved: { status: 409, zh: '答复已审核通过，不能再修改', en: 'The answer was already approved' },
  no_pending_reply: { status: 409, zh: '该单位没有待审核的答复', en: 'This unit has no answer awaiting approval' },
  cosign_pending: { status: 409, zh: '会办单位尚未全部会签', en: 'Not all co units have co-signed the answer' },
  already_cosigned: { status: 409, zh: '已会签', en: 'Already co-signed' },
  evaluation_window_closed: { status: 409, zh: '评价期限已过', en: 'The evaluation period is over' },
  evaluation_window_open: {
    status: 409,
    zh: '评价期限未到，仍在等待委员评价',
    en: 'The evaluation period is still open',
  },
  already_evaluated: { status: 409, zh: '您已评价过本轮答复', en: 'You have already rated this answer' },
  unit_required: { status: 400, zh: '请选择要评价的承办单位', en: 'Choose which unit’s answer you are rating' },
  not_key: { status: 409, zh: '该提案不是重点提案', en: 'This is not a key proposal' },
  already_key: { status: 409, zh: '该提案已是重点提案', en: 'This is already a key proposal' },
  key_quota_reached: { status: 409, zh: '本年度重点提案数量已达上限', en: 'This year’s key proposal quota is reached' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ProposalErrorCode = keyof typeof proposalErrorMessages;
