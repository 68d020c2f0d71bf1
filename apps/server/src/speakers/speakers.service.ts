import { Inject, Injectable } from '@nestjs/common';
import {
  canEndSpeech,
  canModerateSpeakers,
  canRequestToSpeak,
  canWithdrawRequest,
  DEFAULT_SPEAKING_LIMIT_SECONDS,
  isLive,
  reorderQueue,
} from '@xieshang/domain';
import type {
  GrantFloorBody,
  ReorderSpeakersBody,
  RequestToSpeakBody,
  SpeakersState,
  SpeechList,
} from '@xieshang/protocol';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Meeting, Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { RoomEvents } from '../session/room-events.js';
import { ROOM_TX } from '../session/room-transaction.js';
import { speakerRequestInclude, speechInclude, toSpeakerRequestView, toSpeechView } from './speaker.mapper.js';

type Db = PrismaClient | Prisma.TransactionClient;

const queueOpen = (m: Meeting) => m.status === 'scheduled' || m.status === 'live';

/**
 * The speakers queue (发言) and the record of speeches. Every change takes the meeting's row lock
 * (one change at a time per meeting: positions stay consistent, one speech at a time), computes
 * the new queue inside the transaction and pushes it after commit.
 */
@Injectable()
export class SpeakersService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
    private readonly room: RoomEvents,
  ) {}

  async state(meetingId: string, db: Db = this.prisma): Promise<SpeakersState> {
    const [queue, current] = await Promise.all([
      db.speakerRequest.findMany({
        where: { meetingId, status: 'queued' },
        include: speakerRequestInclude,
        orderBy: [{ position: 'asc' }, { requestedAt: 'asc' }],
      }),
      db.speech.findFirst({ where: { meetingId, endedAt: null }, include: speechInclude, orderBy: { startedAt: 'desc' } }),
    ]);
    return { queue: queue.map(toSpeakerRequestView), current: current ? toSpeechView(current) : null };
  }

  async view(user: AuthUser, meetingId: string): Promise<SpeakersState> {
    await this.access.load(user, meetingId);
    return this.state(meetingId);
  }

  /** 申请发言 — for the current agenda item unless another is named. One waiting request per person. */
  async request(user: AuthUser, meetingId: string, body: RequestToSpeakBody): Promise<SpeakersState> {
    const { participant } = await this.access.load(user, meetingId);
    if (!canRequestToSpeak(participant?.role ?? null)) throw new AppError('forbidden');
    return this.change(meetingId, async (tx, meeting) => {
      if (!queueOpen(meeting)) throw new AppError('meeting_not_live');
      const waiting = await tx.speakerRequest.findFirst({ where: { meetingId, userId: user.id, status: 'queued' } });
      if (waiting) throw new AppError('already_in_queue');
      const agendaItemId = body.agendaItemId ?? (await currentItemId(tx, meetingId));
      if (body.agendaItemId) {
        const item = await tx.agendaItem.findFirst({ where: { id: body.agendaItemId, meetingId }, select: { id: true } });
        if (!item) throw new AppError('validation_failed', [{ path: 'agendaItemId', message: 'not an item of this meeting' }]);
      }
      const last = await tx.speakerRequest.aggregate({ where: { meetingId, status: 'queued' }, _max: { position: true } });
      const created = await tx.speakerRequest.create({
        data: { meetingId, userId: user.id, agendaItemId, topic: body.topic ?? null, position: (last._max.position ?? -1) + 1 },
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'speaker.requested',
        entityType: 'speaker_request',
        entityId: created.id,
        meetingId,
        data: { agendaItemId, topic: created.topic },
      });
    });
  }

  async withdraw(user: AuthUser, meetingId: string, requestId: string): Promise<SpeakersState> {
    const { actor } = await this.access.load(user, meetingId);
    return this.change(meetingId, async (tx) => {
      const req = await tx.speakerRequest.findFirst({ where: { id: requestId, meetingId } });
      if (!req) throw new AppError('not_found');
      if (!canWithdrawRequest(actor, req.userId === user.id)) throw new AppError('forbidden');
      if (req.status !== 'queued') throw new AppError('invalid_transition');
      await tx.speakerRequest.update({ where: { id: requestId }, data: { status: 'withdrawn', closedAt: new Date() } });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'speaker.withdrawn',
        entityType: 'speaker_request',
        entityId: requestId,
        meetingId,
        data: { userId: req.userId },
      });
    });
  }

  /** The chair gives the floor; a speech under way is ended first (and recorded). */
  async grant(user: AuthUser, meetingId: string, requestId: string, body: GrantFloorBody): Promise<SpeakersState> {
    await this.access.require(user, meetingId, canModerateSpeakers);
    return this.change(meetingId, async (tx, meeting) => {
      if (!isLive(meeting.status)) throw new AppError('meeting_not_live');
      const req = await tx.speakerRequest.findFirst({ where: { id: requestId, meetingId } });
      if (!req) throw new AppError('not_found');
      if (req.status !== 'queued') throw new AppError('invalid_transition');
      const now = new Date();
      await this.endCurrentSpeech(tx, meetingId, user.id, now);
      const live = await tx.meetingLiveState.findUnique({ where: { meetingId } });
      const speech = await tx.speech.create({
        data: {
          meetingId,
          userId: req.userId,
          requestId: req.id,
          agendaItemId: live?.currentAgendaItemId ?? req.agendaItemId,
          topic: req.topic,
          startedAt: now,
          limitSeconds: body.limitSeconds ?? live?.speakingLimitSeconds ?? DEFAULT_SPEAKING_LIMIT_SECONDS,
        },
      });
      await tx.speakerRequest.update({ where: { id: req.id }, data: { status: 'speaking' } });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'speech.started',
        entityType: 'speech',
        entityId: speech.id,
        meetingId,
        data: { speakerId: req.userId, agendaItemId: speech.agendaItemId, limitSeconds: speech.limitSeconds },
      });
    });
  }

  /** Ends the speech under way: the chair, or the speaker themself. */
  async endSpeech(user: AuthUser, meetingId: string): Promise<SpeakersState> {
    const { actor } = await this.access.load(user, meetingId);
    return this.change(meetingId, async (tx) => {
      const current = await tx.speech.findFirst({ where: { meetingId, endedAt: null } });
      if (!current) throw new AppError('invalid_transition', undefined, 'nobody is speaking');
      if (!canEndSpeech(actor, current.userId === user.id)) throw new AppError('forbidden');
      await this.endCurrentSpeech(tx, meetingId, user.id, new Date());
    });
  }

  /** The chair reorders the waiting queue: every waiting request exactly once (400 otherwise). */
  async reorder(user: AuthUser, meetingId: string, body: ReorderSpeakersBody): Promise<SpeakersState> {
    await this.access.require(user, meetingId, canModerateSpeakers);
    return this.change(meetingId, async (tx, meeting) => {
      if (!queueOpen(meeting)) throw new AppError('meeting_not_live');
      const waiting = await tx.speakerRequest.findMany({
        where: { meetingId, status: 'queued' },
        orderBy: [{ position: 'asc' }, { requestedAt: 'asc' }],
        select: { id: true },
      });
      const order = reorderQueue(
        waiting.map((w) => w.id),
        body.requestIds,
      );
      if (!order) throw new AppError('validation_failed', [{ path: 'requestIds', message: 'must list every waiting request once' }]);
      for (const [position, id] of order.entries()) await tx.speakerRequest.update({ where: { id }, data: { position } });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'speaker.reordered',
        entityType: 'meeting',
        entityId: meetingId,
        meetingId,
        data: { order },
      });
    });
  }

  /** Every speech of the meeting in order, for the minutes. */
  async speeches(user: AuthUser, meetingId: string): Promise<SpeechList> {
    await this.access.load(user, meetingId);
    const rows = await this.prisma.speech.findMany({ where: { meetingId }, include: speechInclude, orderBy: { startedAt: 'asc' } });
    return { items: rows.map(toSpeechView) };
  }

  /**
   * At the end of the meeting (caller holds the meeting lock): the speech under way ends and
   * the waiting requests lapse.
   */
  async closeQueueLocked(tx: Prisma.TransactionClient, meetingId: string, actorId: string, now: Date): Promise<void> {
    await this.endCurrentSpeech(tx, meetingId, actorId, now);
    const lapsed = await tx.speakerRequest.updateMany({
      where: { meetingId, status: 'queued' },
      data: { status: 'withdrawn', closedAt: now },
    });
    if (lapsed.count) {
      await this.audit.append(tx, {
        actorId,
        action: 'speaker.queue_closed',
        entityType: 'meeting',
        entityId: meetingId,
        meetingId,
        data: { lapsedRequests: lapsed.count },
      });
    }
  }

  private async endCurrentSpeech(tx: Prisma.TransactionClient, meetingId: string, actorId: string, now: Date): Promise<void> {
    const current = await tx.speech.findFirst({ where: { meetingId, endedAt: null } });
    if (!current) return;
    await tx.speech.update({ where: { id: current.id }, data: { endedAt: now } });
    if (current.requestId) {
      await tx.speakerRequest.update({ where: { id: current.requestId }, data: { status: 'done', closedAt: now } });
    }
    await this.audit.append(tx, {
      actorId,
      action: 'speech.ended',
      entityType: 'speech',
      entityId: current.id,
      meetingId,
      data: { speakerId: current.userId, durationMs: now.getTime() - current.startedAt.getTime() },
    });
  }

  /** One queue change: meeting row lock, the change, the new state read in the same transaction, push after commit. */
  private async change(
    meetingId: string,
    apply: (tx: Prisma.TransactionClient, meeting: Meeting) => Promise<void>,
  ): Promise<SpeakersState> {
    const state = await this.prisma.$transaction(async (tx) => {
      const meeting = await this.access.lockForWrite(tx, meetingId);
      await apply(tx, meeting);
      return this.state(meetingId, tx);
    }, ROOM_TX);
    this.room.emit(meetingId, 'speakers.changed', { meetingId, ...state });
    return state;
  }
}

async function currentItemId(tx: Prisma.TransactionClient, meetingId: string): Promise<string | null> {
  const live = await tx.meetingLiveState.findUnique({ where: { meetingId }, select: { currentAgendaItemId: true } });
  return live?.currentAgendaItemId ?? null;
}
