import { Inject, Injectable, Logger } from '@nestjs/common';
import { attendanceCount, countsTowardsQuorum } from '@xieshang/domain';
import type { AttendanceSummary, AttendanceView, AttendeeView, Presence } from '@xieshang/protocol';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { isoOrNull } from '../meetings/person-ref.mapper.js';
import { RoomEvents } from '../session/room-events.js';

const attendeeSelect = {
  userId: true,
  role: true,
  attendance: true,
  checkedInAt: true,
  user: { select: { displayName: true, affiliation: true } },
} as const satisfies Prisma.ParticipantSelect;
type AttendeeRow = Prisma.ParticipantGetPayload<{ select: typeof attendeeSelect }>;

function toAttendeeView(p: AttendeeRow, presence: Presence): AttendeeView {
  return {
    userId: p.userId,
    displayName: p.user.displayName,
    affiliation: p.user.affiliation,
    role: p.role,
    attendance: p.attendance,
    checkedInAt: isoOrNull(p.checkedInAt),
    entitled: countsTowardsQuorum(p.role),
    presence,
  };
}

/**
 * Attendance as the room shows it: 应到 / 实到, the quorum, and each participant's check-in and
 * live presence (online / away / offline, from their open connections on any instance).
 * Check-in itself is the participants feature (POST /api/meetings/:id/check-in); it calls
 * `participantChanged` after its commit so the room sees the new counts at once.
 */
@Injectable()
export class AttendanceViewService {
  private readonly logger = new Logger(AttendanceViewService.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly room: RoomEvents,
  ) {}

  async get(user: AuthUser, meetingId: string): Promise<AttendanceView> {
    await this.access.load(user, meetingId);
    return this.view(meetingId, await this.room.presenceByUser(meetingId));
  }

  async view(meetingId: string, presence: ReadonlyMap<string, Presence>): Promise<AttendanceView> {
    const rows = await this.prisma.participant.findMany({
      where: { meetingId },
      select: attendeeSelect,
      orderBy: [{ role: 'asc' }, { invitedAt: 'asc' }],
    });
    return { ...attendanceCount(rows), attendees: rows.map((r) => toAttendeeView(r, presence.get(r.userId) ?? 'offline')) };
  }

  async summary(meetingId: string): Promise<AttendanceSummary> {
    const rows = await this.prisma.participant.findMany({ where: { meetingId }, select: { role: true, attendance: true } });
    return attendanceCount(rows);
  }

  /**
   * Pushes `attendance.changed` for one participant (check-in, RSVP, role change). Call after the
   * transaction has committed; never throws.
   */
  async participantChanged(meetingId: string, userId: string): Promise<void> {
    try {
      const row = await this.prisma.participant.findUnique({
        where: { meetingId_userId: { meetingId, userId } },
        select: attendeeSelect,
      });
      if (!row) throw new AppError('not_found');
      const [summary, presence] = await Promise.all([this.summary(meetingId), this.room.presenceOf(meetingId, userId)]);
      this.room.emit(meetingId, 'attendance.changed', { meetingId, attendee: toAttendeeView(row, presence), summary });
    } catch (err) {
      this.logger.warn(`attendance push for ${userId} in ${meetingId} failed: ${(err as Error).message}`);
    }
  }
}
