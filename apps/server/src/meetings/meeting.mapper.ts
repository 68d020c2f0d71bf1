import { meetingCapabilities, type MeetingActor } from '@xieshang/domain';
import type { MeetingDetail, MeetingSummary } from '@xieshang/protocol';
import type { AgendaItem, Meeting, Participant } from '../generated/prisma/client.js';
import { toAgendaItemView } from '../agenda/agenda-item.mapper.js';
import { toParticipantView, type ParticipantRow } from '../participants/participant.mapper.js';
import { iso, isoOrNull } from './person-ref.mapper.js';

/** What a list row needs beyond the meeting itself: the head count and the caller's own row. */
export const meetingSummaryInclude = (userId: string) =>
  ({
    _count: { select: { participants: true } },
    participants: { where: { userId }, select: { role: true, attendance: true }, take: 1 },
  }) as const;

export type MeetingSummaryRow = Meeting & {
  _count: { participants: number };
  participants: Pick<Participant, 'role' | 'attendance'>[];
};

function meetingFields(m: Meeting) {
  return {
    id: m.id,
    title: m.title,
    topic: m.topic,
    kind: m.kind,
    status: m.status,
    scheduledAt: iso(m.scheduledAt),
    endsAt: isoOrNull(m.endsAt),
    place: m.place,
    onlineUrl: m.onlineUrl,
    committeeId: m.committeeId,
    createdById: m.createdById,
    startedAt: isoOrNull(m.startedAt),
    endedAt: isoOrNull(m.endedAt),
  };
}

export function toMeetingSummary(row: MeetingSummaryRow): MeetingSummary {
  const mine = row.participants[0];
  return {
    ...meetingFields(row),
    participantCount: row._count.participants,
    myRole: mine?.role ?? null,
    myAttendance: mine?.attendance ?? null,
  };
}

export function toMeetingDetail(
  meeting: Meeting,
  agenda: AgendaItem[],
  participants: ParticipantRow[],
  actor: MeetingActor,
  callerId: string,
): MeetingDetail {
  const mine = participants.find((p) => p.userId === callerId);
  return {
    ...meetingFields(meeting),
    participantCount: participants.length,
    myRole: mine?.role ?? null,
    myAttendance: mine?.attendance ?? null,
    agenda: agenda.map(toAgendaItemView),
    participants: participants.map(toParticipantView),
    can: meetingCapabilities(actor, meeting.status, mine?.attendance ?? null),
  };
}
