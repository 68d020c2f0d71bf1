import { Inject, Injectable } from '@nestjs/common';
import { canCheckIn, canManageParticipants, canRsvp } from '@xieshang/domain';
import type { ParticipantView, RsvpBody } from '@xieshang/protocol';
import { AttendanceViewService } from '../attendance/attendance-view.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { participantInclude, toParticipantView } from './participant.mapper.js';

/**
 * RSVP and check-in. Each acts on one participant row under the meeting's row lock, so a
 * check-in racing the meeting's end sees the status it commits against.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
    private readonly liveAttendance: AttendanceViewService,
  ) {}

  /** The caller answers their own invitation. Staff who are not on the list have nothing to answer (403). */
  async rsvp(user: AuthUser, meetingId: string, body: RsvpBody): Promise<ParticipantView> {
    const { participant } = await this.access.load(user, meetingId);
    if (!participant) throw new AppError('forbidden', undefined, 'not a participant');
    const row = await this.prisma.$transaction(async (tx) => {
      const meeting = await this.access.lockForWrite(tx, meetingId);
      const current = await tx.participant.findUnique({ where: { id: participant.id }, include: participantInclude });
      if (!current) throw new AppError('not_found');
      if (current.attendance === body.response) return current;
      if (!canRsvp(meeting.status, current.attendance)) {
        throw new AppError('invalid_transition', undefined, `rsvp in ${meeting.status}/${current.attendance}`);
      }
      const updated = await tx.participant.update({
        where: { id: current.id },
        data: { attendance: body.response, respondedAt: new Date() },
        include: participantInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'participant.rsvp',
        entityType: 'participant',
        entityId: current.id,
        meetingId,
        data: { userId: current.userId, response: body.response, previous: current.attendance },
      });
      return updated;
    });
    this.liveAttendance.participantChanged(meetingId, row.userId);
    return toParticipantView(row);
  }

  /** The caller checks themselves in (签到). Checking in twice is harmless and records nothing new. */
  async checkInSelf(user: AuthUser, meetingId: string): Promise<ParticipantView> {
    const { participant } = await this.access.load(user, meetingId);
    if (!participant) throw new AppError('forbidden', undefined, 'not a participant');
    return this.checkIn(user, meetingId, participant.id, false);
  }

  /** The secretary, chair or staff check someone in on their behalf (代签), e.g. at the door. */
  async checkInOnBehalf(user: AuthUser, meetingId: string, participantId: string): Promise<ParticipantView> {
    await this.access.require(user, meetingId, canManageParticipants);
    return this.checkIn(user, meetingId, participantId, true);
  }

  private async checkIn(user: AuthUser, meetingId: string, participantId: string, onBehalf: boolean) {
    const row = await this.prisma.$transaction(async (tx) => {
      const meeting = await this.access.lockForWrite(tx, meetingId);
      const current = await tx.participant.findFirst({
        where: { id: participantId, meetingId },
        include: participantInclude,
      });
      if (!current) throw new AppError('not_found');
      if (current.attendance === 'checked_in') return current;
      if (!canCheckIn(meeting.status, current.attendance)) {
        throw new AppError('invalid_transition', undefined, `check-in in ${meeting.status}/${current.attendance}`);
      }
      const updated = await tx.participant.update({
        where: { id: current.id },
        // Re-entry after leaving keeps the first arrival time, which is what attendance records count.
        data: { attendance: 'checked_in', checkedInAt: current.checkedInAt ?? new Date(), leftAt: null },
        include: participantInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'participant.checked_in',
        entityType: 'participant',
        entityId: current.id,
        meetingId,
        data: { userId: current.userId, onBehalf, previous: current.attendance },
      });
      return updated;
    });
    // After commit: the live room's counts and quorum follow at once (batched per meeting).
    this.liveAttendance.participantChanged(meetingId, row.userId);
    return toParticipantView(row);
  }
}
