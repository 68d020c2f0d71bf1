import { Inject, Injectable } from '@nestjs/common';
import {
  ballotRefusal,
  canManagePolls,
  canTransitionPoll,
  isLive,
  isMeetingEditable,
  type MeetingActor,
} from '@xieshang/domain';
import {
  DEFAULT_POLL_OPTIONS,
  type BallotBoxExport,
  type CreatePollBody,
  type PollList,
  type PollResults,
  type PollView,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Participant, Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService, type MeetingAccess } from '../meetings/meeting-access.service.js';
import { RoomEvents } from '../session/room-events.js';
import { lockMeetingShared, ROOM_TX } from '../session/room-transaction.js';
import { newPollOptions, pollInclude, toPollPublic, toPollView, type PollRow } from './poll.mapper.js';
import { PollClosing } from './poll-closing.service.js';

type CreatePollInput = z.output<typeof CreatePollBody>;
type Voter = Pick<Participant, 'role' | 'attendance'> | null;

/** Polls (表决): created by the organisers, opened, voted on (BallotsService), closed with results. */
@Injectable()
export class PollsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
    private readonly closing: PollClosing,
    private readonly room: RoomEvents,
  ) {}

  async create(user: AuthUser, meetingId: string, body: CreatePollInput): Promise<PollView> {
    const access = await this.access.require(user, meetingId, canManagePolls);
    const poll = await this.prisma.$transaction(async (tx) => {
      const meeting = await lockMeetingShared(tx, meetingId);
      if (!isMeetingEditable(meeting.status)) throw new AppError('meeting_not_editable');
      if (body.agendaItemId) {
        const item = await tx.agendaItem.findFirst({ where: { id: body.agendaItemId, meetingId }, select: { id: true } });
        if (!item) throw new AppError('validation_failed', [{ path: 'agendaItemId', message: 'not an item of this meeting' }]);
      }
      const documentHash = body.documentVersionId ? await frozenDocumentHash(tx, meetingId, body.documentVersionId) : null;
      const created = await tx.poll.create({
        data: {
          meetingId,
          agendaItemId: body.agendaItemId ?? null,
          title: body.title,
          description: body.description ?? null,
          method: body.method,
          rule: body.rule,
          quorum: body.quorum ?? undefined,
          allowGuests: body.allowGuests,
          documentVersionId: body.documentVersionId ?? null,
          documentHash,
          createdById: user.id,
          options: { create: newPollOptions(body.options ?? DEFAULT_POLL_OPTIONS) },
        },
        include: pollInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'poll.created',
        entityType: 'poll',
        entityId: created.id,
        meetingId,
        data: {
          title: created.title,
          method: created.method,
          rule: created.rule,
          quorum: body.quorum ?? null,
          options: created.options.map((o) => o.label),
          allowGuests: created.allowGuests,
          documentVersionId: created.documentVersionId,
          documentHash,
        },
      });
      return created;
    }, ROOM_TX);
    // Drafts are the organisers' business until opened.
    this.room.emitToRunners(meetingId, 'poll.created', { meetingId, poll: toPollPublic(poll, 0) });
    return this.viewFor(poll, user.id, access.participant);
  }

  async open(user: AuthUser, pollId: string): Promise<PollView> {
    const { poll: found, access } = await this.loadManaged(user, pollId);
    const poll = await this.prisma.$transaction(async (tx) => {
      const meeting = await lockMeetingShared(tx, found.meetingId);
      if (!isLive(meeting.status)) throw new AppError('meeting_not_live');
      const locked = await this.closing.lockPoll(tx, pollId);
      if (!canTransitionPoll(locked.status, 'open')) throw new AppError('invalid_transition');
      const opened = await tx.poll.update({ where: { id: pollId }, data: { status: 'open', openedAt: new Date() }, include: pollInclude });
      await this.audit.append(tx, { actorId: user.id, action: 'poll.opened', entityType: 'poll', entityId: pollId, meetingId: found.meetingId });
      return opened;
    }, ROOM_TX);
    this.room.emit(poll.meetingId, 'poll.opened', { meetingId: poll.meetingId, poll: toPollPublic(poll, 0) });
    return this.viewFor(poll, user.id, access.participant);
  }

  async close(user: AuthUser, pollId: string): Promise<PollView> {
    const { access } = await this.loadManaged(user, pollId);
    const closed = await this.prisma.$transaction(async (tx) => {
      const locked = await this.closing.lockPoll(tx, pollId);
      if (!canTransitionPoll(locked.status, 'closed')) throw new AppError(locked.status === 'closed' ? 'poll_not_open' : 'invalid_transition');
      return this.closing.closeLocked(tx, locked, user.id);
    }, ROOM_TX);
    this.closing.publish([closed]);
    return this.viewFor(closed.poll, user.id, access.participant);
  }

  async get(user: AuthUser, pollId: string): Promise<PollView> {
    const { poll, access } = await this.loadVisible(user, pollId);
    return this.viewFor(poll, user.id, access.participant);
  }

  async list(user: AuthUser, meetingId: string): Promise<PollList> {
    const access = await this.access.load(user, meetingId);
    return { items: await this.viewsForMeeting(meetingId, user.id, access.actor, access.participant) };
  }

  /**
   * The whole box of a closed poll, for anyone in the meeting to recompute tally and digest.
   * Ballots are listed by id; secret ones carry no voter.
   */
  async ballotBox(user: AuthUser, pollId: string): Promise<BallotBoxExport> {
    const { poll } = await this.loadVisible(user, pollId);
    if (poll.status !== 'closed' || !poll.results) throw new AppError('invalid_transition', undefined, 'poll not closed');
    const results = poll.results as PollResults;
    const [ballots, voters] = await Promise.all([
      this.prisma.ballot.findMany({ where: { pollId }, select: { id: true, optionId: true, voterId: true }, orderBy: { id: 'asc' } }),
      this.prisma.pollVoter.findMany({ where: { pollId }, select: { userId: true }, orderBy: { userId: 'asc' } }),
    ]);
    const labelOf = new Map(poll.options.map((o) => [o.id, o.label]));
    return {
      pollId,
      method: poll.method,
      options: poll.options.map((o) => o.label),
      ballots: ballots.map((b) => ({ id: b.id, option: labelOf.get(b.optionId)!, voterId: poll.method === 'named' ? b.voterId : null })),
      voters: voters.map((v) => v.userId),
      counts: results.counts,
      digest: results.digest,
    };
  }

  /** Every poll of a meeting from one caller's side, newest first (drafts only for organisers). */
  async viewsForMeeting(meetingId: string, userId: string, actor: MeetingActor, participant: Voter): Promise<PollView[]> {
    const polls = await this.prisma.poll.findMany({
      where: { meetingId, ...(canManagePolls(actor) ? {} : { status: { not: 'draft' } }) },
      include: pollInclude,
      orderBy: { createdAt: 'desc' },
    });
    if (!polls.length) return [];
    const ids = polls.map((p) => p.id);
    const [counts, mine, myBallots] = await Promise.all([
      this.prisma.pollVoter.groupBy({ by: ['pollId'], where: { pollId: { in: ids } }, _count: { _all: true } }),
      this.prisma.pollVoter.findMany({ where: { pollId: { in: ids }, userId }, select: { pollId: true } }),
      // Only named ballots carry a voter, so this finds the caller's own named choices and nothing else.
      this.prisma.ballot.findMany({ where: { pollId: { in: ids }, voterId: userId }, select: { pollId: true, option: { select: { label: true } } } }),
    ]);
    const castOf = new Map(counts.map((c) => [c.pollId, c._count._all]));
    const voted = new Set(mine.map((m) => m.pollId));
    const choiceOf = new Map(myBallots.map((b) => [b.pollId, b.option.label]));
    return polls.map((p) =>
      toPollView(p, castOf.get(p.id) ?? 0, callerVote(p, participant, voted.has(p.id), choiceOf.get(p.id) ?? null)),
    );
  }

  private async viewFor(poll: PollRow, userId: string, participant: Voter): Promise<PollView> {
    const [cast, mine, myBallot] = await Promise.all([
      this.prisma.pollVoter.count({ where: { pollId: poll.id } }),
      this.prisma.pollVoter.findUnique({ where: { pollId_userId: { pollId: poll.id, userId } } }),
      poll.method === 'named'
        ? this.prisma.ballot.findUnique({ where: { pollId_voterId: { pollId: poll.id, voterId: userId } }, select: { option: { select: { label: true } } } })
        : null,
    ]);
    return toPollView(poll, cast, callerVote(poll, participant, mine !== null, myBallot?.option.label ?? null));
  }

  /** A poll the caller may see: 404 for other meetings' polls and, for non-organisers, drafts. */
  private async loadVisible(user: AuthUser, pollId: string): Promise<{ poll: PollRow; access: MeetingAccess }> {
    const poll = await this.prisma.poll.findUnique({ where: { id: pollId }, include: pollInclude });
    if (!poll) throw new AppError('not_found');
    const access = await this.access.load(user, poll.meetingId);
    if (poll.status === 'draft' && !canManagePolls(access.actor)) throw new AppError('not_found');
    return { poll, access };
  }

  private async loadManaged(user: AuthUser, pollId: string): Promise<{ poll: PollRow; access: MeetingAccess }> {
    const loaded = await this.loadVisible(user, pollId);
    if (!canManagePolls(loaded.access.actor)) throw new AppError('forbidden');
    return loaded;
  }
}

function callerVote(poll: PollRow, participant: Voter, hasVoted: boolean, myChoice: string | null) {
  const refusal = ballotRefusal({
    pollStatus: poll.status,
    role: participant?.role ?? null,
    attendance: participant?.attendance ?? null,
    allowGuests: poll.allowGuests,
    hasVoted,
  });
  return { hasVoted, myChoice: poll.method === 'named' ? myChoice : null, canVote: refusal === null };
}

/** The content hash of the document version a poll is about, frozen into the poll. */
async function frozenDocumentHash(tx: Prisma.TransactionClient, meetingId: string, versionId: string): Promise<string> {
  const version = await tx.documentVersion.findUnique({
    where: { id: versionId },
    select: { contentHash: true, document: { select: { meetingId: true } } },
  });
  if (!version || (version.document.meetingId !== null && version.document.meetingId !== meetingId)) {
    throw new AppError('validation_failed', [{ path: 'documentVersionId', message: 'no such document version for this meeting' }]);
  }
  return version.contentHash;
}
