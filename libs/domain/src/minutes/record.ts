import type {
  Attendance,
  FrozenDocumentVersion,
  OpinionView,
  PollPublic,
  RecordedAttendance,
  RecordedOpinion,
  RecordedPoll,
  RecordedSpeech,
  SpeechView,
} from '@xieshang/protocol';

/*
 * From the live room's views to the meeting record the minutes are drafted from. A
 * MinutesService loads participants, speeches, opinions and polls, maps them with these, and
 * hands the MeetingRecord to `draftMinutes`.
 */

export interface AttendanceFacts {
  attendance: Attendance;
  checkedInAt: string | null;
  /** An approved leave request (请假) is on file. */
  onLeave?: boolean;
}

export interface AttendanceRules {
  /** Minutes after the start within which a check-in still counts as on time; default 5. */
  graceMinutes?: number;
  /** Whether declining the invitation in advance is reported as 请假 (default) or as 缺席. */
  declinedIsLeave?: boolean;
}

/**
 * 出席 / 迟到 / 请假 / 缺席 for one participant. Having been in the room wins over everything
 * (someone on leave who came anyway attended); otherwise leave, then an advance decline, then absent.
 */
export function recordedAttendance(
  p: AttendanceFacts,
  meetingStartedAt: string | null,
  rules: AttendanceRules = {},
): RecordedAttendance {
  const wasThere = p.checkedInAt != null || p.attendance === 'checked_in' || p.attendance === 'left';
  if (wasThere) {
    if (p.checkedInAt == null || meetingStartedAt == null) return 'present';
    const graceMs = (rules.graceMinutes ?? 5) * 60_000;
    return Date.parse(p.checkedInAt) > Date.parse(meetingStartedAt) + graceMs ? 'late' : 'present';
  }
  if (p.onLeave) return 'leave';
  if (p.attendance === 'declined' && (rules.declinedIsLeave ?? true)) return 'leave';
  return 'absent';
}

export function recordedSpeech(s: SpeechView): RecordedSpeech {
  return { speakerId: s.speaker.id, startedAt: s.startedAt, endedAt: s.endedAt, topic: s.topic };
}

export function recordedOpinion(o: OpinionView): RecordedOpinion {
  return {
    id: o.id,
    authorId: o.author.id,
    stance: o.stance,
    content: o.content,
    adopted: o.adopted,
    createdAt: o.createdAt,
  };
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * A closed poll with its results, and the document version it was bound to (loaded by
 * `documentVersionId`). Polls that never closed have no result to report: null.
 */
export function recordedPoll(p: PollPublic, frozenDocument: FrozenDocumentVersion | null = null): RecordedPoll | null {
  const r = p.results;
  if (p.status !== 'closed' || !r) return null;
  return {
    id: p.id,
    title: p.title,
    method: p.method,
    rule: p.rule,
    quorum: p.quorum,
    options: p.options,
    counts: Object.fromEntries(p.options.map((o) => [o, r.counts[o] ?? 0])),
    cast: r.cast,
    entitled: r.entitled,
    present: r.present,
    required: r.required,
    outcome: r.outcome,
    winner: r.winner,
    openedAt: p.openedAt,
    closedAt: p.closedAt,
    frozenDocument,
    ballotBoxDigest: HEX64.test(r.digest) ? r.digest : null,
    // Never trust a secret poll to be free of names: drop them here too.
    namedBallots: p.method === 'named' ? (r.votes ?? []).map((v) => ({ voterId: v.userId, option: v.option })) : [],
  };
}
