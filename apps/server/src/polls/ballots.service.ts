import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ballotRefusal } from '@xieshang/domain';
import type { CastBallotBody, CastBallotResponse, PollMethod, PollStatus } from '@xieshang/protocol';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { ROOM_TX } from '../session/room-transaction.js';
import { RoomEvents } from '../session/room-events.js';
import { PollProgress } from './poll-progress.js';

interface LockedPoll {
  meetingId: string;
  status: PollStatus;
  method: PollMethod;
  allowGuests: boolean;
}

/**
 * Casting a ballot. One transaction: the poll row in share mode (ballots run side by side; a
 * close waits for them and then keeps new ones out), the voter's row in the has-voted register
 * — its primary key (pollId, userId) makes a second ballot impossible however many requests
 * race — then the ballot itself, then the audit record. A secret ballot carries no voter and
 * no time; the audit record says who voted, never what.
 */
@Injectable()
export class BallotsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
    private readonly progress: PollProgress,
    private readonly room: RoomEvents,
  ) {}

  async cast(user: AuthUser, pollId: string, body: CastBallotBody): Promise<CastBallotResponse> {
    const found = await this.prisma.poll.findUnique({ where: { id: pollId }, select: { meetingId: true } });
    if (!found) throw new AppError('not_found');
    await this.access.load(user, found.meetingId);

    const poll = await this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<LockedPoll[]>`
        SELECT "meetingId", "status"::text AS "status", "method"::text AS "method", "allowGuests"
        FROM "Poll" WHERE "id" = ${pollId} FOR SHARE`;
      if (!locked) throw new AppError('not_found');
      const participant = await tx.participant.findUnique({
        where: { meetingId_userId: { meetingId: locked.meetingId, userId: user.id } },
        select: { role: true, attendance: true },
      });
      const refusal = ballotRefusal({
        pollStatus: locked.status,
        role: participant?.role ?? null,
        attendance: participant?.attendance ?? null,
        allowGuests: locked.allowGuests,
        hasVoted: false,
      });
      if (refusal) throw new AppError(refusal);
      const option = await tx.pollOption.findUnique({
        where: { pollId_label: { pollId, label: body.option } },
        select: { id: true },
      });
      if (!option) throw new AppError('validation_failed', [{ path: 'option', message: 'not an option of this poll' }]);

      const registered = await tx.pollVoter.createMany({ data: [{ pollId, userId: user.id }], skipDuplicates: true });
      if (registered.count === 0) throw new AppError('already_voted');
      await tx.ballot.create({
        data: {
          id: randomUUID(),
          pollId,
          optionId: option.id,
          voterId: locked.method === 'named' ? user.id : null,
        },
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'poll.ballot_cast',
        entityType: 'poll',
        entityId: pollId,
        meetingId: locked.meetingId,
        data: locked.method === 'named' ? { option: body.option } : undefined,
      });
      return locked;
    }, ROOM_TX);

    this.progress.ballotCast(poll.meetingId, pollId, poll.allowGuests);
    this.room.emitToUser(poll.meetingId, user.id, 'poll.voted', { meetingId: poll.meetingId, pollId });
    return { recorded: true };
  }
}
