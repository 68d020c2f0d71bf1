import { Inject, Injectable } from '@nestjs/common';
import { canAdoptOpinion, canEditOpinion, canGiveOpinion } from '@xieshang/domain';
import type {
  AdoptOpinionBody,
  CreateOpinionBody,
  ListOpinionsQuery,
  OpinionList,
  OpinionView,
  UpdateOpinionBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { RoomEvents } from '../session/room-events.js';
import { lockMeetingShared, ROOM_TX } from '../session/room-transaction.js';
import { opinionInclude, toOpinionView } from './opinion.mapper.js';

/** How many of the newest opinions a (re)connecting client receives with the room state. */
export const RECENT_OPINIONS = 50;

/**
 * Opinions (意见) on agenda items. Writes hold the meeting row in share mode, so an opinion
 * cannot slip in (or be edited) while the chair is closing its item.
 */
@Injectable()
export class OpinionsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
    private readonly room: RoomEvents,
  ) {}

  async create(user: AuthUser, meetingId: string, body: CreateOpinionBody): Promise<OpinionView> {
    const { participant } = await this.access.load(user, meetingId);
    if (!canGiveOpinion(participant?.role ?? null)) throw new AppError('forbidden');
    const opinion = await this.prisma.$transaction(async (tx) => {
      await this.lockOpenItem(tx, meetingId, body.agendaItemId);
      const created = await tx.opinion.create({
        data: { meetingId, agendaItemId: body.agendaItemId, authorId: user.id, stance: body.stance, content: body.content },
        include: opinionInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'opinion.created',
        entityType: 'opinion',
        entityId: created.id,
        meetingId,
        data: { agendaItemId: body.agendaItemId, stance: body.stance, content: body.content },
      });
      return created;
    }, ROOM_TX);
    const view = toOpinionView(opinion);
    this.room.emit(meetingId, 'opinion.created', { meetingId, opinion: view });
    return view;
  }

  /** The author edits stance or text until the item closes. */
  async update(user: AuthUser, opinionId: string, body: UpdateOpinionBody): Promise<OpinionView> {
    const existing = await this.findVisible(user, opinionId);
    const opinion = await this.prisma.$transaction(async (tx) => {
      await this.lockOpenItem(tx, existing.meetingId, existing.agendaItemId, existing.authorId === user.id);
      const updated = await tx.opinion.update({
        where: { id: opinionId },
        data: { ...body, editedAt: new Date() },
        include: opinionInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'opinion.edited',
        entityType: 'opinion',
        entityId: opinionId,
        meetingId: existing.meetingId,
        data: { ...body, previous: { stance: existing.stance, content: existing.content } },
      });
      return updated;
    }, ROOM_TX);
    const view = toOpinionView(opinion);
    this.room.emit(opinion.meetingId, 'opinion.updated', { meetingId: opinion.meetingId, opinion: view });
    return view;
  }

  /** The chair marks an opinion as adopted (采纳) into a consensus item — or takes that back. */
  async adopt(user: AuthUser, opinionId: string, body: AdoptOpinionBody): Promise<OpinionView> {
    const existing = await this.findVisible(user, opinionId);
    const { actor } = await this.access.load(user, existing.meetingId);
    const opinion = await this.prisma.$transaction(async (tx) => {
      const meeting = await lockMeetingShared(tx, existing.meetingId);
      if (!canAdoptOpinion(actor, meeting.status)) {
        throw new AppError(canAdoptOpinion(actor, 'live') ? 'meeting_not_editable' : 'forbidden');
      }
      const pollId = body.adopted ? (body.pollId ?? null) : null;
      if (pollId) {
        const poll = await tx.poll.findFirst({ where: { id: pollId, meetingId: existing.meetingId }, select: { id: true } });
        if (!poll) throw new AppError('validation_failed', [{ path: 'pollId', message: 'not a poll of this meeting' }]);
      }
      const updated = await tx.opinion.update({
        where: { id: opinionId },
        data: body.adopted
          ? { adopted: true, adoptedAt: new Date(), adoptedById: user.id, adoptedIntoPollId: pollId }
          : { adopted: false, adoptedAt: null, adoptedById: null, adoptedIntoPollId: null },
        include: opinionInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: body.adopted ? 'opinion.adopted' : 'opinion.unadopted',
        entityType: 'opinion',
        entityId: opinionId,
        meetingId: existing.meetingId,
        data: { pollId },
      });
      return updated;
    }, ROOM_TX);
    const view = toOpinionView(opinion);
    this.room.emit(opinion.meetingId, 'opinion.updated', { meetingId: opinion.meetingId, opinion: view });
    return view;
  }

  async list(user: AuthUser, meetingId: string, query: z.output<typeof ListOpinionsQuery>): Promise<OpinionList> {
    await this.access.load(user, meetingId);
    const where: Prisma.OpinionWhereInput = {
      meetingId,
      ...(query.agendaItemId ? { agendaItemId: query.agendaItemId } : {}),
      ...(query.stance ? { stance: query.stance } : {}),
      ...(query.adopted !== undefined ? { adopted: query.adopted } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.opinion.findMany({
        where,
        include: opinionInclude,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit,
        skip: query.offset,
      }),
      this.prisma.opinion.count({ where }),
    ]);
    return { items: rows.map(toOpinionView), total };
  }

  /** The newest opinions of a meeting, for the room state. */
  async recent(meetingId: string): Promise<OpinionView[]> {
    const rows = await this.prisma.opinion.findMany({
      where: { meetingId },
      include: opinionInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT_OPINIONS,
    });
    return rows.map(toOpinionView);
  }

  private async findVisible(user: AuthUser, opinionId: string) {
    const opinion = await this.prisma.opinion.findUnique({ where: { id: opinionId } });
    if (!opinion) throw new AppError('not_found');
    await this.access.load(user, opinion.meetingId);
    return opinion;
  }

  /**
   * Holds the meeting in share mode and reads the item's state. Throws when the item no longer
   * takes opinions — or, for an edit, when the caller is not the author.
   */
  private async lockOpenItem(tx: Prisma.TransactionClient, meetingId: string, agendaItemId: string, isAuthor = true): Promise<void> {
    const meeting = await lockMeetingShared(tx, meetingId);
    const item = await tx.agendaItem.findFirst({ where: { id: agendaItemId, meetingId }, select: { status: true } });
    if (!item) throw new AppError('validation_failed', [{ path: 'agendaItemId', message: 'not an item of this meeting' }]);
    if (canEditOpinion(isAuthor, meeting.status, item.status)) return;
    if (!isAuthor) throw new AppError('forbidden');
    const meetingOpen = meeting.status === 'scheduled' || meeting.status === 'live';
    throw new AppError(meetingOpen ? 'agenda_item_closed' : 'meeting_not_editable');
  }
}
