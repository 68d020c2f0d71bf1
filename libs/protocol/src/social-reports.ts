import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

/**
 * 社情民意信息 lifecycle: draft → submitted → editing (by the office) → returned | archived |
 * published (in a numbered issue of 《社情民意》) → reported (to levels) → adopted (采用, by level)
 * → instructed (领导批示). returned goes back to the author, who may resubmit.
 */
export const SocialReportStatus = z.enum([
  'draft',
  'submitted',
  'editing',
  'returned',
  'archived',
  'published',
  'reported',
  'adopted',
  'instructed',
]);
export type SocialReportStatus = z.infer<typeof SocialReportStatus>;

/** 本级 / 市 / 省 / 全国: where a report was sent, adopted, or which leader gave an instruction. */
export const SocialReportLevel = z.enum(['local', 'city', 'province', 'national']);
export type SocialReportLevel = z.infer<typeof SocialReportLevel>;

/** 单篇采用 or 转送采用 (综合). */
export const AdoptionMode = z.enum(['single', 'forwarded']);
export type AdoptionMode = z.infer<typeof AdoptionMode>;

const LongText = z.string().max(20_000);
const Note = z.string().trim().min(1).max(2000);

/** 情况, 原因分析, 建议. */
export const SocialReportSections = z.object({ situation: LongText, cause: LongText, suggestions: LongText });
export type SocialReportSections = z.infer<typeof SocialReportSections>;

/** 反映人: real name, unit, phone (no pen-names). */
export const SocialReportReporter = z.object({
  name: z.string().trim().min(1).max(64),
  unit: z.string().trim().max(200).optional(),
  phone: z.string().trim().min(1).max(32),
});
export type SocialReportReporter = z.infer<typeof SocialReportReporter>;

/** Length (default ≤ 1,500 characters) is checked against the committee setting by the domain. */
export const CreateSocialReportBody = z.object({
  title: z.string().trim().min(1).max(200),
  content: LongText.default(''),
  sections: SocialReportSections.optional(),
  reporter: SocialReportReporter.optional(),
});
export type CreateSocialReportBody = z.input<typeof CreateSocialReportBody>;

export const CreateSocialReportResponse = z.object({ id: Id, status: SocialReportStatus });
export type CreateSocialReportResponse = z.infer<typeof CreateSocialReportResponse>;

export const UpdateSocialReportBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    content: LongText,
    sections: SocialReportSections,
    reporter: SocialReportReporter,
  })
  .partial();
export type UpdateSocialReportBody = z.infer<typeof UpdateSocialReportBody>;

export const SocialReportNoteBody = z.object({ note: Note });
export type SocialReportNoteBody = z.infer<typeof SocialReportNoteBody>;

export const PublishSocialReportBody = z.object({
  /** Issue number of 《社情民意》, e.g. "2025年第12期". */
  issueNumber: z.string().trim().min(1).max(40),
  note: Note.optional(),
});
export type PublishSocialReportBody = z.infer<typeof PublishSocialReportBody>;

export const ReportSocialReportBody = z.object({ levels: z.array(SocialReportLevel).min(1).max(4), note: Note.optional() });
export type ReportSocialReportBody = z.infer<typeof ReportSocialReportBody>;

export const AdoptSocialReportBody = z.object({
  level: SocialReportLevel,
  mode: AdoptionMode,
  /** Who adopted it, e.g. 全国政协办公厅信息局. */
  adoptedBy: z.string().trim().max(200).optional(),
  at: IsoDateTime.optional(),
  note: Note.optional(),
});
export type AdoptSocialReportBody = z.infer<typeof AdoptSocialReportBody>;

export const InstructSocialReportBody = z.object({
  level: SocialReportLevel,
  leader: z.string().trim().min(1).max(64),
  content: z.string().trim().min(1).max(4000),
  at: IsoDateTime.optional(),
});
export type InstructSocialReportBody = z.infer<typeof InstructSocialReportBody>;

export const SocialReportTimelineEntry = z.object({
  at: IsoDateTime,
  actorId: Id.nullable(),
  actorName: z.string().optional(),
  action: z.string(),
  fromStatus: SocialReportStatus,
  toStatus: SocialReportStatus,
  note: z.string().nullable(),
});
export type SocialReportTimelineEntry = z.infer<typeof SocialReportTimelineEntry>;

export const SocialReportView = z.object({
  id: Id,
  status: SocialReportStatus,
  title: z.string(),
  content: z.string(),
  sections: SocialReportSections.nullable(),
  reporter: SocialReportReporter.nullable(),
  authorId: Id,
  /** When converted from a 提案 (not scored twice). */
  sourceProposalId: Id.nullable(),
  issueNumber: z.string().nullable(),
  reportedTo: z.array(SocialReportLevel),
  adoptions: z.array(
    z.object({ level: SocialReportLevel, mode: AdoptionMode, adoptedBy: z.string().nullable(), at: IsoDateTime }),
  ),
  instructions: z.array(
    z.object({ level: SocialReportLevel, leader: z.string(), content: z.string(), at: IsoDateTime }),
  ),
  submittedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  timeline: z.array(SocialReportTimelineEntry),
  can: z.array(z.string()),
});
export type SocialReportView = z.infer<typeof SocialReportView>;

export const ListSocialReportsQuery = z.object({
  status: SocialReportStatus.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListSocialReportsQuery = z.input<typeof ListSocialReportsQuery>;

export const SocialReportSummary = SocialReportView.pick({
  id: true,
  status: true,
  title: true,
  authorId: true,
  issueNumber: true,
  submittedAt: true,
  createdAt: true,
});
export type SocialReportSummary = z.infer<typeof SocialReportSummary>;

export const SocialReportList = z.object({ items: z.array(SocialReportSummary), total: z.number().int() });
export type SocialReportList = z.infer<typeof SocialReportList>;

export const SocialReportSettings = z.object({
  maxLength: z.number().int().min(200).max(20_000),
  titleMaxLength: z.number().int().min(10).max(200),
  /** 反映人 phone is required (real name + phone, no pen-names). */
  requireReporterPhone: z.boolean(),
});
export type SocialReportSettings = z.infer<typeof SocialReportSettings>;

/** Codes a social-report action can be refused with beyond forbidden / invalid_transition / validation_failed. */
export const socialReportErrorMessages = {
  already_reported: { status: 409, zh: '已报送至该级别', en: 'Already reported to this level' },
  already_adopted: { status: 409, zh: '该采用情况已登记', en: 'This adoption is already recorded' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type SocialReportErrorCode = keyof typeof socialReportErrorMessages;
