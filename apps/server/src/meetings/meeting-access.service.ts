import { Inject, Injectable } from '@nestjs/common';
import { canViewMeeting, type MeetingActor } from '@xieshang/domain';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Meeting, Participant, Prisma } from '../generated/prisma/client.js';

export interface MeetingAccess {
  meeting: Meeting;
  /** The caller's participant row, or null (staff/admin who are not on the list). */
  participant: Participant | null;
  actor: MeetingActor;
}

/**
 * The one way a feature loads a meeting for a user: checks that they may see it (participants,
 * staff, admin; guests only the meeting of their invitation) and returns their role in it.
 * A meeting the caller may not see answers 404, so ids of other committees' meetings leak nothing.
 */
@Injectable()
export class MeetingAccessService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async load(user: AuthUser, meetingId: string): Promise<MeetingAccess> {
    if (user.meetingScope && user.meetingScope !== meetingId) throw new AppError('not_found');
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting) throw new AppError('not_found');
    const participant = await this.prisma.participant.findUnique({
      where: { meetingId_userId: { meetingId, userId: user.id } },
    });
    const actor: MeetingActor = { globalRole: user.role, participantRole: participant?.role ?? null };
    if (!canViewMeeting(actor)) throw new AppError('not_found');
    return { meeting, participant, actor };
  }

  /** Loads and additionally requires a permission predicate from libs/domain (403 when it fails). */
  async require(user: AuthUser, meetingId: string, allowed: (actor: MeetingActor) => boolean): Promise<MeetingAccess> {
    const access = await this.load(user, meetingId);
    if (!allowed(access.actor)) throw new AppError('forbidden');
    return access;
  }

  /**
   * Re-reads the meeting inside a write transaction with its row locked (SELECT … FOR UPDATE).
   * Every write to a meeting, its agenda or its participant list takes this lock first, so writes
   * to one meeting are serialised: status checks see the state the write commits against, and
   * agenda positions stay gap-free under concurrent inserts, deletes and reorders.
   * Lock order is always meeting row → audit chain, so writers cannot deadlock each other.
   */
  async lockForWrite(tx: Prisma.TransactionClient, meetingId: string): Promise<Meeting> {
    await tx.$queryRaw`SELECT 1 FROM "Meeting" WHERE "id" = ${meetingId} FOR UPDATE`;
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting) throw new AppError('not_found');
    return meeting;
  }
}
