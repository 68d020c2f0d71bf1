import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ballotRefusal, canViewMeeting } from '@xieshang/domain';
import type {
  Attendance,
  CastBallotBody,
  CastBallotResponse,
  ParticipantRole,
  PollMethod,
  PollStatus,
} from '@xieshang/protocol';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { ROOM_TX } from '../session/room-transaction.js';
import { RoomEvents } from '../session/room-events.js';
import { PollProgress } from './poll-progress.js';

interface BallotContext {
  meetingId: string;
  status: PollStatus;
  method: PollMethod;
  allowGuests: boolean;
  optionId: string | null;
  role: ParticipantRole | null;
  attendance: Attendance | null;
}

/**
 * Casting a ballot — the hot path when a vote opens, so it is a handful of statements in one
 * transaction:
 * 1. the poll row in share mode (ballots run side by side; a close waits for those in flight,
 *    then keeps new ones out), read together with the chosen option and the caller's participation;
 * 2. one statement that adds the caller to the has-voted register and, only if that row is new,
 *    inserts the ballot. The register's primary key (pollId, userId) is what makes a second ballot
 *    impossible however many requests race; a secret ballot carries no voter and no time;
 * 3. the audit record: who voted, never what (in a secret poll).
 */
@Injectable()
export class BallotsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly progress: PollProgress,
    private readonly room: RoomEvents,
  ) {}

  async cast(user: AuthUser, pollId: string, body: CastBallotBody): Promise<CastBallotResponse> {
    const poll = await this.prisma.$transaction(async (tx) => {
      const [ctx] = await tx.$queryRaw<BallotContext[]>`
        SELECT p."meetingId", p."status"::text AS "status", p."method"::text AS "method", p."allowGuests",
               o."id" AS "optionId", pa."role"::text AS "role", pa."attendance"::text AS "attendance"
        FROM "Poll" p
        LEFT JOIN "PollOption" o ON o."pollId" = p."id" AND o."label" = ${body.option}
        LEFT JOIN "Participant" pa ON pa."meetingId" = p."meetingId" AND pa."userId" = ${user.id}
        WHERE p."id" = ${pollId}
        FOR SHARE OF p`;
      // The same visibility rule as MeetingAccessService.load: a meeting the caller may not see is 404.
      const visible =
        ctx &&
        (!user.meetingScope || user.meetingScope === ctx.meetingId) &&
        canViewMeeting({ globalRole: user.role, participantRole: ctx.role });
      if (!visible) throw new AppError('not_found');
      const refusal = ballotRefusal({
        pollStatus: ctx.status,
        role: ctx.role,
        attendance: ctx.attendance,
        allowGuests: ctx.allowGuests,
        hasVoted: false,
      });
      if (refusal) throw new AppError(refusal);
      if (!ctx.optionId) throw new AppError('validation_failed', [{ path: 'option', message: 'not an option of this poll' }]);

      const voterId = ctx.method === 'named' ? user.id : null;
      const inserted = await tx.$executeRaw`
        WITH registered AS (
          INSERT INTO "PollVoter" ("pollId", "userId") VALUES (${pollId}, ${user.id})
          ON CONFLICT DO NOTHING RETURNING 1
        )
        INSERT INTO "Ballot" ("id", "pollId", "optionId", "voterId")
        SELECT ${randomUUID()}::uuid, ${pollId}, ${ctx.optionId}, ${voterId} FROM registered`;
      if (inserted === 0) throw new AppError('already_voted');
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'poll.ballot_cast',
        entityType: 'poll',
        entityId: pollId,
        meetingId: ctx.meetingId,
        data: ctx.method === 'named' ? { option: body.option } : undefined,
      });
      return ctx;
    }, ROOM_TX);

    this.progress.ballotCast(poll.meetingId, pollId, poll.allowGuests);
    this.room.emitToUser(poll.meetingId, user.id, 'poll.voted', { meetingId: poll.meetingId, pollId });
    return { recorded: true };
  }
}
