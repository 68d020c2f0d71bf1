import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { attendanceCount, countsTowardsQuorum } from '@xieshang/domain';
import type { AttendanceView, AttendeeView, Presence } from '@xieshang/protocol';
import type { AuthUser } from '../auth/auth-user.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { isoOrNull } from '../meetings/person-ref.mapper.js';
import { KeyedBatch } from '../session/keyed-batch.js';
import { RoomEvents } from '../session/room-events.js';

/** How often attendance changes of one meeting are pushed, at most. */
export const ATTENDANCE_PUSH_INTERVAL_MS = 250;

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
export class AttendanceViewService implements OnModuleDestroy {
  private readonly logger = new Logger(AttendanceViewService.name);
  private readonly batch = new KeyedBatch<string>(
    ATTENDANCE_PUSH_INTERVAL_MS,
    (meetingId, userIds) => this.push(meetingId, userIds),
    (err) => this.logger.warn(`attendance push failed: ${(err as Error).message}`),
  );

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

  /**
   * Announces that participants' attendance changed (check-in, RSVP, role): pushed to the room as
   * one `attendance.changed` per interval with the new counts. Call after the transaction has
   * committed; never throws.
   */
  participantChanged(meetingId: string, userId: string): void {
    this.batch.add(meetingId, userId);
  }

  private async push(meetingId: string, userIds: string[]): Promise<void> {
    const [rows, all, presence] = await Promise.all([
      this.prisma.participant.findMany({ where: { meetingId, userId: { in: userIds } }, select: attendeeSelect }),
      this.prisma.participant.findMany({ where: { meetingId }, select: { role: true, attendance: true } }),
      this.room.presenceByUser(meetingId),
    ]);
    this.room.emit(meetingId, 'attendance.changed', {
      meetingId,
      attendees: rows.map((r) => toAttendeeView(r, presence.get(r.userId) ?? 'offline')),
      summary: attendanceCount(all),
    });
  }

  onModuleDestroy(): void {
    this.batch.clear();
  }
}
