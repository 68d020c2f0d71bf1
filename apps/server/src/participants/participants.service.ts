import { Inject, Injectable } from '@nestjs/common';
import {
  canBeAddedAsParticipant,
  canHoldParticipantRole,
  canManageParticipants,
  canRemoveParticipant,
  isMeetingEditable,
} from '@xieshang/domain';
import type { AddParticipantBody, ParticipantList, ParticipantView, UpdateParticipantBody } from '@xieshang/protocol';
import type { z } from 'zod';
import { AttendanceViewService } from '../attendance/attendance-view.service.js';
import { RoomEvents } from '../session/room-events.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { participantInclude, participantOrder, toParticipantView } from './participant.mapper.js';

type AddParticipantInput = z.output<typeof AddParticipantBody>;

/** The participant list of a meeting: who takes part and in which role (chair, secretary, member, guest, observer). */
@Injectable()
export class ParticipantsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
    private readonly liveAttendance: AttendanceViewService,
    private readonly room: RoomEvents,
  ) {}

  async list(user: AuthUser, meetingId: string): Promise<ParticipantList> {
    await this.access.load(user, meetingId);
    const rows = await this.prisma.participant.findMany({
      where: { meetingId },
      include: participantInclude,
      orderBy: [...participantOrder],
    });
    return { items: rows.map(toParticipantView) };
  }

  async add(user: AuthUser, meetingId: string, body: AddParticipantInput): Promise<ParticipantView> {
    await this.access.require(user, meetingId, canManageParticipants);
    const row = await this.prisma.$transaction(async (tx) => {
      await this.lockEditable(tx, meetingId);
      const target = await tx.user.findUnique({ where: { id: body.userId }, select: { id: true, role: true } });
      if (!target) throw new AppError('not_found', undefined, `user ${body.userId}`);
      if (!canBeAddedAsParticipant(target.role)) {
        throw new AppError('validation_failed', [
          { path: 'userId', message: 'guests join through an invitation link' },
        ]);
      }
      if (!canHoldParticipantRole(target.role, body.role)) {
        throw new AppError('validation_failed', [{ path: 'role', message: 'not allowed for this account' }]);
      }
      // The meeting row lock serialises adds, so this check cannot race; the unique index is the backstop.
      const existing = await tx.participant.findUnique({
        where: { meetingId_userId: { meetingId, userId: body.userId } },
        select: { id: true },
      });
      if (existing) throw new AppError('already_participant');
      const created = await tx.participant.create({
        data: { meetingId, userId: body.userId, role: body.role },
        include: participantInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'participant.added',
        entityType: 'participant',
        entityId: created.id,
        meetingId,
        data: { userId: body.userId, role: body.role },
      });
      return created;
    });
    this.liveAttendance.participantChanged(meetingId, row.userId);
    return toParticipantView(row);
  }

  async changeRole(
    user: AuthUser,
    meetingId: string,
    participantId: string,
    body: UpdateParticipantBody,
  ): Promise<ParticipantView> {
    await this.access.require(user, meetingId, canManageParticipants);
    const row = await this.prisma.$transaction(async (tx) => {
      await this.lockEditable(tx, meetingId);
      const current = await this.findInMeeting(tx, meetingId, participantId);
      if (current.role === body.role) return current;
      const account = await tx.user.findUniqueOrThrow({ where: { id: current.userId }, select: { role: true } });
      if (!canHoldParticipantRole(account.role, body.role)) {
        throw new AppError('validation_failed', [{ path: 'role', message: 'not allowed for this account' }]);
      }
      const updated = await tx.participant.update({
        where: { id: participantId },
        data: { role: body.role },
        include: participantInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'participant.role_changed',
        entityType: 'participant',
        entityId: participantId,
        meetingId,
        data: { userId: current.userId, from: current.role, to: body.role },
      });
      return updated;
    });
    this.liveAttendance.participantChanged(meetingId, row.userId);
    return toParticipantView(row);
  }

  /** People who have been in the room stay on the list: it is the meeting's attendance record. */
  async remove(user: AuthUser, meetingId: string, participantId: string): Promise<void> {
    await this.access.require(user, meetingId, canManageParticipants);
    const removedUserId = await this.prisma.$transaction(async (tx) => {
      await this.lockEditable(tx, meetingId);
      const current = await this.findInMeeting(tx, meetingId, participantId);
      if (!canRemoveParticipant(current.attendance)) {
        throw new AppError('invalid_transition', undefined, `participant ${participantId} has attended`);
      }
      await tx.participant.delete({ where: { id: participantId } });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'participant.removed',
        entityType: 'participant',
        entityId: participantId,
        meetingId,
        data: { userId: current.userId, role: current.role },
      });
      return current.userId;
    });
    this.liveAttendance.participantChanged(meetingId, removedUserId);
    this.room.disconnectFromMeeting(meetingId, removedUserId);
  }

  private async lockEditable(tx: Prisma.TransactionClient, meetingId: string): Promise<void> {
    const meeting = await this.access.lockForWrite(tx, meetingId);
    if (!isMeetingEditable(meeting.status)) throw new AppError('meeting_not_editable');
  }

  private async findInMeeting(tx: Prisma.TransactionClient, meetingId: string, participantId: string) {
    const row = await tx.participant.findFirst({
      where: { id: participantId, meetingId },
      include: participantInclude,
    });
    if (!row) throw new AppError('not_found');
    return row;
  }
}
