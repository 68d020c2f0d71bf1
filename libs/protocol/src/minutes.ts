import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { AgendaItemStatus, MeetingKind, ParticipantRole } from './meetings.js';
import { OpinionStance } from './opinions.js';
import { PollMethod, PollOutcome, PollQuorum, PollRule } from './polls.js';

/*
 * Minutes (会议纪要): the recorded meeting they are drafted from, the structured draft, the block
 * list that every renderer and the co-edited document start from, and the approval flow.
 * People are referred to by user id throughout, as the live room refers to them (speakers,
 * opinion authors, named votes).
 */

// ── the recorded meeting ─────────────────────────────────────────────────────────────────────

/** How a participant took part, as the minutes report it (derived from check-in and leave). */
export const RecordedAttendance = z.enum(['present', 'absent', 'leave', 'late']);
export type RecordedAttendance = z.infer<typeof RecordedAttendance>;

export const RecordedParticipant = z.object({
  userId: Id,
  name: z.string().trim().min(1).max(64),
  role: ParticipantRole,
  /** 单位及职务, e.g. 县民政局局长; shown for guests (列席) and in the attendance table. */
  affiliation: z.string().trim().max(200).nullable(),
  attendance: RecordedAttendance,
  checkedInAt: IsoDateTime.nullable().default(null),
  /** Reason given with an approved leave request (请假), if any. */
  leaveReason: z.string().trim().max(200).nullable().default(null),
});
export type RecordedParticipant = z.infer<typeof RecordedParticipant>;

export const RecordedSpeech = z.object({
  speakerId: Id,
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  topic: z.string().trim().max(200).nullable().default(null),
});
export type RecordedSpeech = z.infer<typeof RecordedSpeech>;

export const RecordedOpinion = z.object({
  id: Id,
  authorId: Id,
  stance: OpinionStance,
  content: z.string().trim().min(1).max(10_000),
  /** The chair marked it as adopted into a consensus item. */
  adopted: z.boolean().default(false),
  createdAt: IsoDateTime,
});
export type RecordedOpinion = z.infer<typeof RecordedOpinion>;

/** The document version a poll was bound to, frozen when the poll was created. */
export const FrozenDocumentVersion = z.object({
  documentId: Id,
  versionId: Id,
  title: z.string().trim().min(1).max(200),
  /** 1-based version number, when the document numbers its versions. */
  versionNumber: z.number().int().min(1).nullable().default(null),
  /** SHA-256 (hex) of the frozen text, as recorded on the poll. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  text: z.string().max(200_000),
});
export type FrozenDocumentVersion = z.infer<typeof FrozenDocumentVersion>;

/** A closed poll with its results (see `PollResults`), flattened for the minutes. */
export const RecordedPoll = z.object({
  id: Id,
  title: z.string().trim().min(1).max(200),
  method: PollMethod,
  rule: PollRule,
  quorum: PollQuorum.nullable().default(null),
  options: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
  /** Ballots per option; options nobody chose may be missing (they count 0). */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** Ballots cast, abstentions included. */
  cast: z.number().int().min(0),
  entitled: z.number().int().min(0),
  /** Entitled voters present when the poll closed (实到). */
  present: z.number().int().min(0).nullable().default(null),
  /** Votes the affirmative/leading option needed. */
  required: z.number().int().min(0).nullable().default(null),
  outcome: PollOutcome,
  /** Choice polls (no 赞成 option): the adopted option. */
  winner: z.string().nullable().default(null),
  openedAt: IsoDateTime.nullable().default(null),
  closedAt: IsoDateTime.nullable().default(null),
  frozenDocument: FrozenDocumentVersion.nullable().default(null),
  /** `PollResults.digest`: SHA-256 over the closed ballot box and tally, to check counts later. */
  ballotBoxDigest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .default(null),
  /** Named polls only: who chose what. Must be empty for secret polls. */
  namedBallots: z.array(z.object({ voterId: Id, option: z.string() })).default([]),
});
export type RecordedPoll = z.infer<typeof RecordedPoll>;

export const RecordedAgendaItem = z.object({
  id: Id,
  position: z.number().int().min(0),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).nullable().default(null),
  /** Who introduced the item (部门通报), free text because it is often not a participant. */
  presenterName: z.string().trim().max(64).nullable().default(null),
  status: AgendaItemStatus.default('done'),
  speeches: z.array(RecordedSpeech).default([]),
  opinions: z.array(RecordedOpinion).default([]),
  polls: z.array(RecordedPoll).default([]),
});
export type RecordedAgendaItem = z.infer<typeof RecordedAgendaItem>;

/**
 * Everything the minutes need, as plain data: a MinutesService loads this from the database
 * and hands it to the domain's `draftMinutes`; nothing else is read while drafting.
 */
export const MeetingRecord = z
  .object({
    meeting: z.object({
      id: Id,
      title: z.string().trim().min(1).max(120),
      kind: MeetingKind,
      /** 举办单位, e.g. 某某县政协; the minutes title and 印发 line use it. */
      committeeName: z.string().trim().max(100).nullable(),
      topic: z.string().max(2000).nullable().default(null),
      /** Actual start and end when the meeting ran; scheduled ones otherwise. */
      startsAt: IsoDateTime,
      endsAt: IsoDateTime.nullable(),
      place: z.string().trim().max(200).nullable(),
      onlineUrl: z.string().max(500).nullable(),
    }),
    /** User ids of the one who presided (主持) and the one who recorded (记录人). */
    chairId: Id.nullable(),
    secretaryId: Id.nullable(),
    participants: z.array(RecordedParticipant),
    agenda: z.array(RecordedAgendaItem),
    /** Head hash of the meeting's audit chain when the record was taken, if any. */
    auditHeadHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable()
      .default(null),
  })
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    r.participants.forEach((p, i) => {
      if (ids.has(p.userId))
        ctx.addIssue({ code: 'custom', path: ['participants', i, 'userId'], message: 'duplicate participant' });
      ids.add(p.userId);
    });
    const ref = (id: string | null, path: (string | number)[]) => {
      if (id != null && !ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `not a participant: ${id}` });
    };
    ref(r.chairId, ['chairId']);
    ref(r.secretaryId, ['secretaryId']);
    r.agenda.forEach((item, i) => {
      item.speeches.forEach((s, j) => ref(s.speakerId, ['agenda', i, 'speeches', j, 'speakerId']));
      item.opinions.forEach((o, j) => ref(o.authorId, ['agenda', i, 'opinions', j, 'authorId']));
      item.polls.forEach((p, j) => checkPoll(p, ['agenda', i, 'polls', j], ref, ctx));
    });
  });
export type MeetingRecord = z.infer<typeof MeetingRecord>;
export type MeetingRecordInput = z.input<typeof MeetingRecord>;

function checkPoll(
  p: RecordedPoll,
  path: (string | number)[],
  ref: (id: string, path: (string | number)[]) => void,
  ctx: z.RefinementCtx,
): void {
  for (const option of Object.keys(p.counts)) {
    if (!p.options.includes(option))
      ctx.addIssue({ code: 'custom', path: [...path, 'counts'], message: `count for unknown option ${option}` });
  }
  const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
  if (total !== p.cast)
    ctx.addIssue({ code: 'custom', path: [...path, 'cast'], message: 'cast must equal the sum of counts' });
  if (p.method === 'secret' && p.namedBallots.length > 0) {
    ctx.addIssue({ code: 'custom', path: [...path, 'namedBallots'], message: 'a secret poll has no named ballots' });
  }
  p.namedBallots.forEach((b, k) => ref(b.voterId, [...path, 'namedBallots', k, 'voterId']));
}

// ── the structured draft ─────────────────────────────────────────────────────────────────────

/** A person as the minutes name them: 张三（县民政局局长）. */
export const MinutesPerson = z.object({
  userId: Id,
  name: z.string(),
  affiliation: z.string().nullable(),
});
export type MinutesPerson = z.infer<typeof MinutesPerson>;

export const MinutesSpeech = z.object({
  speaker: MinutesPerson,
  /** 9:05—9:13, or 9:05 起 when the end was not recorded. */
  timeText: z.string(),
  topic: z.string().nullable(),
});
export type MinutesSpeech = z.infer<typeof MinutesSpeech>;

export const MinutesOpinion = z.object({
  opinionId: Id,
  author: MinutesPerson,
  content: z.string(),
  adopted: z.boolean(),
});
export type MinutesOpinion = z.infer<typeof MinutesOpinion>;

export const MinutesOpinionGroup = z.object({
  stance: OpinionStance,
  /** 赞成 / 反对 / 补充 / 其他 */
  label: z.string(),
  opinions: z.array(MinutesOpinion),
});
export type MinutesOpinionGroup = z.infer<typeof MinutesOpinionGroup>;

export const MinutesPoll = z.object({
  pollId: Id,
  title: z.string(),
  method: PollMethod,
  /** 记名表决 / 无记名表决 */
  methodLabel: z.string(),
  ruleLabel: z.string(),
  counts: z.array(z.object({ option: z.string(), count: z.number().int() })),
  cast: z.number().int(),
  entitled: z.number().int(),
  present: z.number().int().nullable(),
  outcome: PollOutcome,
  winner: z.string().nullable(),
  /** 通过 / 未通过 / … */
  outcomeLabel: z.string(),
  /** One sentence: 表决方式、规则、应到实投、结果. */
  summary: z.string(),
  /** Named polls: voters per option (names), in option order; empty for secret polls. */
  namedChoices: z.array(z.object({ option: z.string(), voters: z.array(z.string()) })),
  frozenDocument: FrozenDocumentVersion.nullable(),
  ballotBoxDigest: z.string().nullable(),
});
export type MinutesPoll = z.infer<typeof MinutesPoll>;

export const MinutesAgendaSection = z.object({
  agendaItemId: Id,
  /** 一、二、三… */
  ordinal: z.string(),
  title: z.string(),
  /** 县民政局通报了…; null when nobody introduced the item. */
  introduction: z.string().nullable(),
  speeches: z.array(MinutesSpeech),
  /** Only stances that have opinions, in the order 赞成、反对、补充、其他. */
  opinionGroups: z.array(MinutesOpinionGroup),
  /** Opinions the chair adopted into consensus items. */
  consensus: z.array(MinutesOpinion),
  polls: z.array(MinutesPoll),
  skipped: z.boolean(),
});
export type MinutesAgendaSection = z.infer<typeof MinutesAgendaSection>;

export const MinutesAttendanceRow = z.object({
  userId: Id,
  name: z.string(),
  affiliation: z.string().nullable(),
  /** 主持人 / 委员 / 列席 / 记录人 … */
  roleLabel: z.string(),
  /** 出席 / 迟到 / 缺席 / 请假 */
  attendanceLabel: z.string(),
  checkedInText: z.string().nullable(),
  note: z.string().nullable(),
});
export type MinutesAttendanceRow = z.infer<typeof MinutesAttendanceRow>;

/** Where the 出席/缺席/请假/列席 lines go: at the top, or after the body as GB/T 9704 §10.3 lays out 纪要. */
export const MinutesAttendancePlacement = z.enum(['top', 'end']);
export type MinutesAttendancePlacement = z.infer<typeof MinutesAttendancePlacement>;

export const MinutesDraft = z.object({
  meetingId: Id,
  /** ××会议纪要 */
  title: z.string(),
  /** 2026年11月23日上午，县政协召开…现将会议主要情况纪要如下： */
  opening: z.string(),
  timeText: z.string(),
  placeText: z.string(),
  chair: MinutesPerson.nullable(),
  present: z.array(MinutesPerson),
  absent: z.array(MinutesPerson),
  onLeave: z.array(MinutesPerson),
  /** 列席: guests and observers who attended, with their affiliations. */
  guests: z.array(MinutesPerson),
  attendanceTable: z.array(MinutesAttendanceRow),
  sections: z.array(MinutesAgendaSection),
  recorder: MinutesPerson.nullable(),
  /** 印发 line: issuing office and date. */
  issuer: z.string().nullable(),
  issuedDateText: z.string(),
  /** 分送 line. */
  distribution: z.array(z.string()),
  attendancePlacement: MinutesAttendancePlacement,
  /** SHA-256 of the canonical record it was drafted from: tells a service whether a redraft would differ. */
  recordDigest: z.string(),
});
export type MinutesDraft = z.infer<typeof MinutesDraft>;

// ── the block list (renderers and the co-edited document both start here) ─────────────────────

const Anchor = z.string().max(300);

export const MinutesBlock = z.discriminatedUnion('type', [
  /** The 纪要标志 line (title), centred, 二号小标宋. */
  z.object({ type: z.literal('title'), anchor: Anchor, text: z.string() }),
  /** level 1 = 一、(黑体); level 2 = （一）(楷体). */
  z.object({
    type: z.literal('heading'),
    anchor: Anchor,
    level: z.union([z.literal(1), z.literal(2)]),
    text: z.string(),
  }),
  z.object({
    type: z.literal('paragraph'),
    anchor: Anchor,
    text: z.string(),
    /** body: first-line indent 2 chars; quote: frozen text, indented both sides; note: small print; right: dates and signatures. */
    style: z.enum(['body', 'quote', 'note', 'right']),
  }),
  /** A labelled line (出席：…), label in 黑体, wrapped lines aligned after the full-width colon. */
  z.object({ type: z.literal('field'), anchor: Anchor, label: z.string(), text: z.string() }),
  z.object({
    type: z.literal('table'),
    anchor: Anchor,
    caption: z.string().nullable(),
    header: z.array(z.string()).min(1),
    rows: z.array(z.array(z.string())),
    /** Relative column widths (same length as header). */
    widths: z.array(z.number().positive()),
  }),
]);
export type MinutesBlock = z.infer<typeof MinutesBlock>;

// ── export ───────────────────────────────────────────────────────────────────────────────────

export const MinutesExportFormat = z.enum(['docx', 'pdf', 'md']);
export type MinutesExportFormat = z.infer<typeof MinutesExportFormat>;

export const MinutesExportQuery = z.object({ format: MinutesExportFormat.default('docx') });
export type MinutesExportQuery = z.input<typeof MinutesExportQuery>;

// ── approval flow ────────────────────────────────────────────────────────────────────────────

/** draft → circulated → revised → approved → locked (revised may be circulated again). */
export const MinutesStatus = z.enum(['draft', 'circulated', 'revised', 'approved', 'locked']);
export type MinutesStatus = z.infer<typeof MinutesStatus>;

export const MinutesAction = z.enum(['circulate', 'confirm', 'comment', 'revise', 'approve', 'lock']);
export type MinutesAction = z.infer<typeof MinutesAction>;

/** What a participant's confirmation or comment is about: the whole text, one agenda item, or one block. */
export const MinutesTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whole') }),
  z.object({ kind: z.literal('item'), agendaItemId: Id }),
  z.object({ kind: z.literal('block'), anchor: Anchor }),
]);
export type MinutesTarget = z.infer<typeof MinutesTarget>;

export const CirculateMinutesBody = z.object({
  /** Participants confirm or comment before this moment. */
  deadline: IsoDateTime,
  note: z.string().trim().max(1000).optional(),
});
export type CirculateMinutesBody = z.infer<typeof CirculateMinutesBody>;

export const ConfirmMinutesBody = z.object({ target: MinutesTarget.default({ kind: 'whole' }) });
export type ConfirmMinutesBody = z.input<typeof ConfirmMinutesBody>;

export const CommentMinutesBody = z.object({
  target: MinutesTarget,
  body: z.string().trim().min(1).max(4000),
  /** Reply within an existing thread. */
  parentId: Id.optional(),
});
export type CommentMinutesBody = z.infer<typeof CommentMinutesBody>;

export const MinutesConfirmationView = z.object({
  userId: Id,
  target: MinutesTarget,
  at: IsoDateTime,
});
export type MinutesConfirmationView = z.infer<typeof MinutesConfirmationView>;

export const MinutesCommentView = z.object({
  id: Id,
  userId: Id,
  authorName: z.string(),
  target: MinutesTarget,
  parentId: Id.nullable(),
  body: z.string(),
  createdAt: IsoDateTime,
  resolvedAt: IsoDateTime.nullable(),
});
export type MinutesCommentView = z.infer<typeof MinutesCommentView>;

/** One step of the flow, who and when (mirrored in the audit chain). */
export const MinutesStepView = z.object({
  action: z.union([z.literal('draft'), MinutesAction]),
  actorId: Id,
  at: IsoDateTime,
  note: z.string().nullable(),
});
export type MinutesStepView = z.infer<typeof MinutesStepView>;

/** `POST /api/meetings/:id/minutes` → the document the draft lives in. */
export const MinutesCreatedResponse = z.object({ documentId: Id, status: MinutesStatus });
export type MinutesCreatedResponse = z.infer<typeof MinutesCreatedResponse>;

export const MinutesView = z.object({
  meetingId: Id,
  documentId: Id,
  status: MinutesStatus,
  circulatedAt: IsoDateTime.nullable(),
  deadline: IsoDateTime.nullable(),
  approvedById: Id.nullable(),
  approvedAt: IsoDateTime.nullable(),
  lockedAt: IsoDateTime.nullable(),
  /** SHA-256 of the locked text, also written to the audit chain. */
  contentHash: z.string().nullable(),
  confirmations: z.array(MinutesConfirmationView),
  comments: z.array(MinutesCommentView),
  history: z.array(MinutesStepView),
  /** What the caller may do now, computed by the domain's rules. */
  can: z.record(MinutesAction, z.boolean()),
});
export type MinutesView = z.infer<typeof MinutesView>;
