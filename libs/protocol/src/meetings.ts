import { z } from 'zod';
import { Id, IsoDateTime, Title } from './common.js';

export const MeetingKind = z.enum(['consultation', 'investigation', 'inspection', 'study']);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const MeetingStatus = z.enum(['draft', 'scheduled', 'live', 'ended', 'archived']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const ParticipantRole = z.enum(['chair', 'secretary', 'member', 'guest', 'observer']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const Attendance = z.enum(['invited', 'confirmed', 'declined', 'checked_in', 'left']);
export type Attendance = z.infer<typeof Attendance>;

const MeetingFields = {
  title: Title(120),
  topic: z.string().trim().max(2000).nullable().optional(),
  kind: MeetingKind,
  scheduledAt: IsoDateTime,
  endsAt: IsoDateTime.nullable().optional(),
  place: z.string().trim().max(200).nullable().optional(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  committeeId: Id.nullable().optional(),
};

export const CreateMeetingBody = z
  .object({ ...MeetingFields, status: z.enum(['draft', 'scheduled']).default('scheduled') })
  .refine((m) => !m.endsAt || m.endsAt > m.scheduledAt, {
    path: ['endsAt'],
    message: 'must be after scheduledAt',
  });
export type CreateMeetingBody = z.input<typeof CreateMeetingBody>;

/** Start/end are their own commands (live room); PATCH may only move draft ⇄ scheduled or archive. */
export const UpdateMeetingBody = z
  .object({ ...MeetingFields, status: z.enum(['draft', 'scheduled', 'archived']) })
  .partial();
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBody>;

export const ListMeetingsQuery = z
  .object({
    status: z
      .union([MeetingStatus, z.string().regex(/^[a-z_]+(,[a-z_]+)*$/)])
      .optional()
      .transform((s) => (s ? (s.split(',') as MeetingStatus[]) : undefined))
      .pipe(z.array(MeetingStatus).optional()),
    kind: MeetingKind.optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    q: z.string().trim().max(100).optional(),
    committeeId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
    /** By scheduledAt: `desc` (newest first, for past meetings) or `asc` (soonest first, for upcoming ones). */
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    path: ['to'],
    message: 'must not be before from',
  });
export type ListMeetingsQuery = z.input<typeof ListMeetingsQuery>;

export const PersonRef = z.object({
  id: Id,
  displayName: z.string(),
  affiliation: z.string().nullable(),
});
export type PersonRef = z.infer<typeof PersonRef>;

export const ParticipantView = z.object({
  id: Id,
  userId: Id,
  user: PersonRef,
  role: ParticipantRole,
  attendance: Attendance,
  invitedAt: IsoDateTime,
  respondedAt: IsoDateTime.nullable(),
  checkedInAt: IsoDateTime.nullable(),
  leftAt: IsoDateTime.nullable(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const AgendaItemStatus = z.enum(['pending', 'active', 'done', 'skipped']);
export type AgendaItemStatus = z.infer<typeof AgendaItemStatus>;

export const AgendaItemView = z.object({
  id: Id,
  meetingId: Id,
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  plannedMinutes: z.number().int().nullable(),
  presenterId: Id.nullable(),
  presenterName: z.string().nullable(),
  status: AgendaItemStatus,
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const MeetingSummary = z.object({
  id: Id,
  title: z.string(),
  topic: z.string().nullable(),
  kind: MeetingKind,
  status: MeetingStatus,
  scheduledAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  committeeId: Id.nullable(),
  createdById: Id,
  startedAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
  participantCount: z.number().int(),
  /** The caller's own role and attendance, when they are a participant. */
  myRole: ParticipantRole.nullable(),
  myAttendance: Attendance.nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingList = z.object({
  items: z.array(MeetingSummary),
  total: z.number().int(),
});
export type MeetingList = z.infer<typeof MeetingList>;

/** What the caller may do with a meeting right now (role and meeting status both count). */
export const MeetingCapabilities = z.object({
  /** Change details and agenda (false once the meeting has ended). */
  edit: z.boolean(),
  /** Add, change and remove participants; create and revoke guest invitations. */
  manageParticipants: z.boolean(),
  /** Check others in (代签). */
  recordAttendance: z.boolean(),
  /** Archive an ended meeting. */
  archive: z.boolean(),
  /** Answer the invitation (confirm/decline). */
  rsvp: z.boolean(),
  /** Check oneself in. */
  checkIn: z.boolean(),
});
export type MeetingCapabilities = z.infer<typeof MeetingCapabilities>;

export const MeetingDetail = MeetingSummary.extend({
  agenda: z.array(AgendaItemView),
  participants: z.array(ParticipantView),
  /** What the caller may do, computed by the server's permission rules. */
  can: MeetingCapabilities,
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

// ── agenda ──
export const CreateAgendaItemBody = z.object({
  title: Title(200),
  description: z.string().trim().max(4000).nullable().optional(),
  plannedMinutes: z.number().int().min(1).max(600).nullable().optional(),
  presenterId: Id.nullable().optional(),
  presenterName: z.string().trim().max(64).nullable().optional(),
  /** 0-based insert position; appended at the end when omitted or past the end. */
  position: z.number().int().min(0).optional(),
});
export type CreateAgendaItemBody = z.input<typeof CreateAgendaItemBody>;

export const UpdateAgendaItemBody = CreateAgendaItemBody.omit({ position: true }).partial();
export type UpdateAgendaItemBody = z.infer<typeof UpdateAgendaItemBody>;

export const AgendaItemList = z.object({ items: z.array(AgendaItemView) });
export type AgendaItemList = z.infer<typeof AgendaItemList>;

/** The complete new order: every item id of the meeting exactly once. */
export const ReorderAgendaBody = z.object({ itemIds: z.array(Id).min(1).max(500) });
export type ReorderAgendaBody = z.infer<typeof ReorderAgendaBody>;

// ── participants ──
export const AddParticipantBody = z.object({
  userId: Id,
  role: ParticipantRole.default('member'),
});
export type AddParticipantBody = z.input<typeof AddParticipantBody>;

export const UpdateParticipantBody = z.object({ role: ParticipantRole });
export type UpdateParticipantBody = z.infer<typeof UpdateParticipantBody>;

export const RsvpBody = z.object({ response: z.enum(['confirmed', 'declined']) });
export type RsvpBody = z.infer<typeof RsvpBody>;

export const ParticipantList = z.object({ items: z.array(ParticipantView) });
export type ParticipantList = z.infer<typeof ParticipantList>;

// ── invitations (guest links) ──
export const CreateInvitationBody = z.object({
  role: z.enum(['guest', 'observer']).default('guest'),
  name: z.string().trim().max(64).optional(),
  affiliation: z.string().trim().max(200).optional(),
  /** Hours until the link expires (default 72, at most 30 days). */
  expiresInHours: z.number().int().min(1).max(720).default(72),
  maxUses: z.number().int().min(1).max(500).default(1),
});
export type CreateInvitationBody = z.input<typeof CreateInvitationBody>;

export const InvitationView = z.object({
  id: Id,
  meetingId: Id,
  role: ParticipantRole,
  name: z.string().nullable(),
  affiliation: z.string().nullable(),
  expiresAt: IsoDateTime,
  maxUses: z.number().int(),
  uses: z.number().int(),
  revokedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  /** Derived: revoked > expired > used_up > active. */
  state: z.enum(['active', 'expired', 'used_up', 'revoked']),
  /** Only in the response that created it: the secret link path, shown once. */
  url: z.string().optional(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationList = z.object({ items: z.array(InvitationView) });
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationPreview = z.object({
  meetingTitle: z.string(),
  scheduledAt: IsoDateTime,
  role: ParticipantRole,
  name: z.string().nullable(),
  affiliation: z.string().nullable(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

// ── committees (政协 bodies and 委员活动小组) ──
export const CommitteeKind = z.enum(['committee', 'group']);
export type CommitteeKind = z.infer<typeof CommitteeKind>;

export const CommitteeView = z.object({
  id: Id,
  name: z.string(),
  kind: CommitteeKind,
  parentId: Id.nullable(),
  memberCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type CommitteeView = z.infer<typeof CommitteeView>;

export const CommitteeList = z.object({ items: z.array(CommitteeView) });
export type CommitteeList = z.infer<typeof CommitteeList>;

export const CommitteeMemberView = z.object({
  userId: Id,
  user: PersonRef,
  /** 职务, e.g. 主席 / 副主席 / 委员 */
  title: z.string().nullable(),
  joinedAt: IsoDateTime,
});
export type CommitteeMemberView = z.infer<typeof CommitteeMemberView>;

export const CommitteeDetail = CommitteeView.extend({ members: z.array(CommitteeMemberView) });
export type CommitteeDetail = z.infer<typeof CommitteeDetail>;

export const CreateCommitteeBody = z.object({
  name: Title(100),
  kind: CommitteeKind.default('committee'),
  parentId: Id.nullable().optional(),
});
export type CreateCommitteeBody = z.input<typeof CreateCommitteeBody>;

export const AddCommitteeMemberBody = z.object({
  userId: Id,
  title: z.string().trim().max(32).nullable().optional(),
});
export type AddCommitteeMemberBody = z.input<typeof AddCommitteeMemberBody>;
