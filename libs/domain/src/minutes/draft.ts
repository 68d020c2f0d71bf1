import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type {
  MeetingRecord,
  MinutesAgendaSection,
  MinutesAttendancePlacement,
  MinutesAttendanceRow,
  MinutesDraft,
  MinutesOpinion,
  MinutesOpinionGroup,
  MinutesPerson,
  MinutesPoll,
  MinutesSpeech,
  RecordedAgendaItem,
  RecordedParticipant,
  RecordedPoll,
} from '@xieshang/protocol';
import { canonicalJson } from '../audit/hash-chain.js';
import {
  ATTENDANCE_LABEL,
  POLL_METHOD_LABEL,
  POLL_OUTCOME_LABEL,
  POLL_RULE_LABEL,
  pollQuorumLabel,
  ROLE_LABEL,
  STANCE_LABEL,
  STANCE_ORDER,
} from './labels.js';
import {
  DEFAULT_TIME_ZONE,
  formatZhClock,
  formatZhClockRange,
  formatZhDate,
  formatZhDateAndPeriod,
  formatZhTimeSpan,
  zhNumeral,
} from './zh-format.js';

export interface DraftMinutesOptions {
  /** IANA zone the meeting was held in; default Asia/Shanghai. */
  timeZone?: string;
  /** Overrides the derived ××会议纪要 title. */
  title?: string;
  /** 印发机关; default 「<committee>办公室」, none without a committee. */
  issuer?: string | null;
  /** 印发日期 (ISO); default the meeting's end, else its start. Drafting never reads the clock. */
  issuedAt?: string;
  /** 分送 list, e.g. ['县委办公室', '县政府办公室', '出席会议人员']. */
  distribution?: string[];
  /** 'top' (default): 时间/地点/出席… before the body; 'end': after it, as GB/T 9704 §10.3 lays out 纪要. */
  attendancePlacement?: MinutesAttendancePlacement;
}

/**
 * Drafts the structured minutes from a meeting record. Pure: the same record and options always
 * give the same draft, so a service may redraft at any time and compare `recordDigest`.
 */
export function draftMinutes(record: MeetingRecord, opts: DraftMinutesOptions = {}): MinutesDraft {
  const tz = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const { meeting } = record;
  const people = new Map(record.participants.map((p) => [p.userId, p]));
  const person = (id: string): MinutesPerson => toPerson(people.get(id), id);
  const optionalPerson = (id: string | null) => (id == null ? null : person(id));
  const chair = optionalPerson(record.chairId);
  const attending = record.participants.filter((p) => p.userId !== record.secretaryId);
  const isGuest = (p: RecordedParticipant) => p.role === 'guest' || p.role === 'observer';
  const attended = (p: RecordedParticipant) => p.attendance === 'present' || p.attendance === 'late';
  const chairFirst = (list: RecordedParticipant[]) =>
    [...list].sort((a, b) => Number(b.userId === record.chairId) - Number(a.userId === record.chairId));

  return {
    meetingId: meeting.id,
    title: opts.title ?? minutesTitle(meeting.title, meeting.committeeName),
    opening: openingSentence(record, chair, tz),
    timeText: formatZhTimeSpan(meeting.startsAt, meeting.endsAt, tz),
    placeText: placeText(meeting.place, meeting.onlineUrl),
    chair,
    present: chairFirst(attending.filter((p) => !isGuest(p) && attended(p))).map((p) => toPerson(p, p.userId)),
    absent: attending.filter((p) => p.attendance === 'absent').map((p) => toPerson(p, p.userId)),
    onLeave: attending.filter((p) => p.attendance === 'leave').map((p) => toPerson(p, p.userId)),
    guests: attending.filter((p) => isGuest(p) && attended(p)).map((p) => toPerson(p, p.userId)),
    attendanceTable: attendanceRows(record, tz),
    sections: [...record.agenda]
      .sort((a, b) => a.position - b.position)
      .map((item, i) => draftSection(item, i, person, tz)),
    recorder: optionalPerson(record.secretaryId),
    issuer: opts.issuer !== undefined ? opts.issuer : meeting.committeeName ? `${meeting.committeeName}办公室` : null,
    issuedDateText: formatZhDate(opts.issuedAt ?? meeting.endsAt ?? meeting.startsAt, tz),
    distribution: opts.distribution ?? [],
    attendancePlacement: opts.attendancePlacement ?? 'top',
    recordDigest: bytesToHex(sha256(utf8ToBytes(canonicalJson(record)))),
  };
}

/**
 * 纪要标志: 「<committee><meeting>纪要」. A title already naming its committee is not prefixed
 * again; one that does not end in 会/会议 gets 会议 (调研 → 调研会议纪要).
 */
export function minutesTitle(meetingTitle: string, committeeName: string | null): string {
  const base = meetingTitle.trim().replace(/[（(]?(会议)?纪要[）)]?$/, '');
  const prefixed = committeeName && !base.startsWith(committeeName) ? `${committeeName}${base}` : base;
  return /会(议)?$/.test(prefixed) ? `${prefixed}纪要` : `${prefixed}会议纪要`;
}

function toPerson(p: RecordedParticipant | undefined, id: string): MinutesPerson {
  // The protocol schema rejects dangling ids; an unparsed record still drafts, naming the gap.
  if (!p) return { userId: id, name: '（未知参会人员）', affiliation: null };
  return { userId: p.userId, name: p.name, affiliation: p.affiliation };
}

/** 张三（县民政局局长）, or 张三 without an affiliation. */
export function personText(p: MinutesPerson): string {
  return p.affiliation ? `${p.name}（${p.affiliation}）` : p.name;
}

function placeText(place: string | null, onlineUrl: string | null): string {
  if (place && onlineUrl) return `${place}（同步开通网络视频会议）`;
  if (place) return place;
  if (onlineUrl) return `网络视频会议（${onlineUrl}）`;
  return '（未记录）';
}

/** 「2026年11月23日上午，县政协在…召开…，…主持会议。会议围绕…进行协商。现将会议主要情况纪要如下：」 */
function openingSentence(record: MeetingRecord, chair: MinutesPerson | null, tz: string): string {
  const m = record.meeting;
  const where =
    m.place && m.onlineUrl
      ? `在${m.place}以现场结合网络视频方式`
      : m.place
        ? `在${m.place}`
        : m.onlineUrl
          ? '以网络视频方式'
          : '';
  const presided = chair ? `，${chair.affiliation ?? ''}${chair.name}主持会议` : '';
  const topic = m.topic?.trim() ? `会议围绕“${m.topic.trim().replace(/[。.]$/, '')}”进行协商。` : '';
  return `${formatZhDateAndPeriod(m.startsAt, tz)}，${m.committeeName ?? ''}${where}召开${m.title}${presided}。${topic}现将会议主要情况纪要如下：`;
}

function attendanceRows(record: MeetingRecord, tz: string): MinutesAttendanceRow[] {
  return record.participants.map((p) => ({
    userId: p.userId,
    name: p.name,
    affiliation: p.affiliation,
    roleLabel:
      p.userId === record.chairId
        ? ROLE_LABEL.chair
        : p.userId === record.secretaryId
          ? ROLE_LABEL.secretary
          : ROLE_LABEL[p.role],
    attendanceLabel: ATTENDANCE_LABEL[p.attendance],
    checkedInText: p.checkedInAt ? formatZhClock(p.checkedInAt, tz) : null,
    note: p.attendance === 'leave' && p.leaveReason ? p.leaveReason : null,
  }));
}

type PersonLookup = (id: string) => MinutesPerson;

function draftSection(item: RecordedAgendaItem, index: number, person: PersonLookup, tz: string): MinutesAgendaSection {
  const speeches = [...item.speeches].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const opinions = [...item.opinions]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((o): MinutesOpinion => ({
      opinionId: o.id,
      author: person(o.authorId),
      content: o.content,
      adopted: o.adopted,
    }));
  const stanceOf = new Map(item.opinions.map((o) => [o.id, o.stance]));
  const opinionGroups: MinutesOpinionGroup[] = STANCE_ORDER.map((stance) => ({
    stance,
    label: STANCE_LABEL[stance],
    opinions: opinions.filter((o) => stanceOf.get(o.opinionId) === stance),
  })).filter((g) => g.opinions.length > 0);
  const empty = speeches.length === 0 && opinions.length === 0 && item.polls.length === 0;
  return {
    agendaItemId: item.id,
    ordinal: zhNumeral(index + 1),
    title: item.title,
    introduction: introduction(item),
    speeches: speeches.map((s): MinutesSpeech => ({
      speaker: person(s.speakerId),
      timeText: formatZhClockRange(s.startedAt, s.endedAt, tz),
      topic: s.topic,
    })),
    opinionGroups,
    consensus: opinions.filter((o) => o.adopted),
    polls: [...item.polls]
      .sort((a, b) => (a.closedAt ?? a.openedAt ?? '').localeCompare(b.closedAt ?? b.openedAt ?? ''))
      .map((p) => draftPoll(p, person)),
    skipped: item.status === 'skipped' || (item.status === 'pending' && empty),
  };
}

function introduction(item: RecordedAgendaItem): string | null {
  const parts: string[] = [];
  if (item.presenterName?.trim()) parts.push(`${item.presenterName.trim()}介绍了有关情况。`);
  if (item.description?.trim()) parts.push(item.description.trim());
  return parts.length ? parts.join('') : null;
}

function draftPoll(p: RecordedPoll, person: PersonLookup): MinutesPoll {
  const counts = p.options.map((option) => ({ option, count: p.counts[option] ?? 0 }));
  const namedChoices =
    p.method === 'named'
      ? p.options.map((option) => ({
          option,
          voters: p.namedBallots.filter((b) => b.option === option).map((b) => person(b.voterId).name),
        }))
      : [];
  return {
    pollId: p.id,
    title: p.title,
    method: p.method,
    methodLabel: POLL_METHOD_LABEL[p.method],
    ruleLabel: POLL_RULE_LABEL[p.rule],
    counts,
    cast: p.cast,
    entitled: p.entitled,
    present: p.present,
    outcome: p.outcome,
    winner: p.winner,
    outcomeLabel: outcomeLabel(p),
    summary: pollSummary(p, counts),
    namedChoices,
    frozenDocument: p.frozenDocument,
    ballotBoxDigest: p.ballotBoxDigest,
  };
}

/** 通过, or for a choice poll 「通过（选定：方案二）」. */
function outcomeLabel(p: RecordedPoll): string {
  return p.outcome === 'adopted' && p.winner
    ? `${POLL_OUTCOME_LABEL.adopted}（选定：${p.winner}）`
    : POLL_OUTCOME_LABEL[p.outcome];
}

/**
 * 「采取记名表决方式，以超过到会人数的半数通过；应到8人，到会7人，实际投票7票；其中赞成6票、
 * 反对1票、弃权0票。表决结果：通过。」
 */
function pollSummary(p: RecordedPoll, counts: { option: string; count: number }[]): string {
  const quorum = p.quorum ? `（有效条件：${pollQuorumLabel(p.quorum)}）` : '';
  const present = p.present != null ? `，到会${p.present}人` : '';
  const each = counts.map((c) => `${c.option}${c.count}票`).join('、');
  return (
    `采取${POLL_METHOD_LABEL[p.method]}方式，${POLL_RULE_LABEL[p.rule]}${quorum}；` +
    `应到${p.entitled}人${present}，实际投票${p.cast}票` +
    (p.cast > 0 ? `；其中${each}` : '') +
    `。表决结果：${outcomeLabel(p)}。`
  );
}
