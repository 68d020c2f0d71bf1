import { Inject, Injectable } from '@nestjs/common';
import {
  agendaStatusesAfterMove,
  canEndMeeting,
  canRunMeeting,
  canStartMeeting,
  isLive,
  pauseStopwatch,
  resetStopwatch,
  startStopwatch,
  stoppedStopwatch,
  type Stopwatch,
} from '@xieshang/domain';
import type { AgendaState, AuditVerifyResponse, ItemTimerBody, MeetingLiveState, MoveAgendaBody } from '@xieshang/protocol';
import { AuditService, scopeOf } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Meeting, Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { isoOrNull } from '../meetings/person-ref.mapper.js';
import { PollClosing } from '../polls/poll-closing.service.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import { readAgendaState, stopwatchColumns, stopwatchOf } from './agenda-state.js';
import { LiveStateService } from './live-state.service.js';
import { RoomEvents } from './room-events.js';
import { ROOM_TX } from './room-transaction.js';

/**
 * The chair's controls: start and end the meeting, move to an agenda item, the item's timer.
 * The secretary (and staff) may act for the chair. Each command holds the meeting's row lock,
 * so commands on one meeting apply one at a time; each pushes its result after commit.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
    private readonly room: RoomEvents,
    private readonly live: LiveStateService,
    private readonly closing: PollClosing,
    private readonly speakers: SpeakersService,
  ) {}

  async state(user: AuthUser, meetingId: string): Promise<MeetingLiveState> {
    const access = await this.access.load(user, meetingId);
    return this.live.build(meetingId, { userId: user.id, actor: access.actor, participant: access.participant });
  }

  async start(user: AuthUser, meetingId: string): Promise<MeetingLiveState> {
    await this.access.require(user, meetingId, canRunMeeting);
    const meeting = await this.prisma.$transaction(async (tx) => {
      const current = await this.access.lockForWrite(tx, meetingId);
      if (!canStartMeeting(current.status)) throw new AppError('invalid_transition', undefined, `start in ${current.status}`);
      const started = await tx.meeting.update({
        where: { id: meetingId },
        data: { status: 'live', startedAt: current.startedAt ?? new Date() },
      });
      await tx.meetingLiveState.upsert({ where: { meetingId }, create: { meetingId }, update: {} });
      await this.audit.append(tx, { actorId: user.id, action: 'meeting.started', entityType: 'meeting', entityId: meetingId, meetingId });
      return started;
    }, ROOM_TX);
    this.pushStatus(meeting);
    return this.state(user, meetingId);
  }

  /** Ends the meeting: open polls are closed and tallied, the speech under way ends, the queue lapses. */
  async end(user: AuthUser, meetingId: string): Promise<MeetingLiveState> {
    await this.access.require(user, meetingId, canRunMeeting);
    const outcome = await this.prisma.$transaction(async (tx) => {
      const current = await this.access.lockForWrite(tx, meetingId);
      if (!canEndMeeting(current.status)) throw new AppError('invalid_transition', undefined, `end in ${current.status}`);
      // Poll locks before any audit append (see PollClosing.lockOpenPolls).
      const open = await this.closing.lockOpenPolls(tx, meetingId);
      const closed = [];
      for (const poll of open) closed.push(await this.closing.closeLocked(tx, poll, user.id));
      const now = new Date();
      await this.speakers.closeQueueLocked(tx, meetingId, user.id, now);
      await this.moveTo(tx, meetingId, null, now);
      const ended = await tx.meeting.update({ where: { id: meetingId }, data: { status: 'ended', endedAt: now } });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'meeting.ended',
        entityType: 'meeting',
        entityId: meetingId,
        meetingId,
        data: { closedPolls: closed.map((c) => c.poll.id) },
      });
      return { ended, closed, agenda: await readAgendaState(tx, meetingId), speakers: await this.speakers.state(meetingId, tx) };
    }, ROOM_TX);
    this.closing.publish(outcome.closed);
    this.room.emit(meetingId, 'speakers.changed', { meetingId, ...outcome.speakers });
    this.room.emit(meetingId, 'agenda.current', { meetingId, ...outcome.agenda });
    this.pushStatus(outcome.ended);
    return this.state(user, meetingId);
  }

  /** Makes an item current (null: none). The previous item closes; the new one's timer starts from its planned minutes. */
  async moveAgenda(user: AuthUser, meetingId: string, body: MoveAgendaBody): Promise<AgendaState> {
    await this.access.require(user, meetingId, canRunMeeting);
    const agenda = await this.prisma.$transaction(async (tx) => {
      const meeting = await this.lockLive(tx, meetingId);
      const from = (await tx.meetingLiveState.findUnique({ where: { meetingId } }))?.currentAgendaItemId ?? null;
      if (body.agendaItemId !== from) {
        await this.moveTo(tx, meeting.id, body.agendaItemId, new Date());
        await this.audit.append(tx, {
          actorId: user.id,
          action: 'agenda.moved',
          entityType: 'agenda_item',
          entityId: body.agendaItemId,
          meetingId,
          data: { from, to: body.agendaItemId },
        });
      }
      return readAgendaState(tx, meetingId);
    }, ROOM_TX);
    this.room.emit(meetingId, 'agenda.current', { meetingId, ...agenda });
    return agenda;
  }

  async itemTimer(user: AuthUser, meetingId: string, body: ItemTimerBody): Promise<AgendaState> {
    await this.access.require(user, meetingId, canRunMeeting);
    const agenda = await this.prisma.$transaction(async (tx) => {
      await this.lockLive(tx, meetingId);
      const live = await tx.meetingLiveState.findUnique({ where: { meetingId } });
      if (!live?.currentAgendaItemId) throw new AppError('invalid_transition', undefined, 'no current agenda item');
      const now = new Date();
      let timer: Stopwatch = stopwatchOf(live);
      if (body.limitSeconds !== undefined) timer = { ...timer, limitSeconds: body.limitSeconds };
      timer = body.action === 'start' ? startStopwatch(timer, now) : body.action === 'pause' ? pauseStopwatch(timer, now) : resetStopwatch(timer);
      await tx.meetingLiveState.update({ where: { meetingId }, data: stopwatchColumns(timer) });
      await this.audit.append(tx, {
        actorId: user.id,
        action: `agenda.timer_${body.action}`,
        entityType: 'agenda_item',
        entityId: live.currentAgendaItemId,
        meetingId,
        data: { limitSeconds: timer.limitSeconds, elapsedMs: timer.elapsedMs },
      });
      return readAgendaState(tx, meetingId);
    }, ROOM_TX);
    if (agenda.currentAgendaItemId && agenda.itemTimer) {
      this.room.emit(meetingId, 'agenda.timer', { meetingId, agendaItemId: agenda.currentAgendaItemId, itemTimer: agenda.itemTimer });
    }
    return agenda;
  }

  /** Whether the meeting's hash-chained audit log is intact (any participant may ask). */
  async verifyAudit(user: AuthUser, meetingId: string): Promise<AuditVerifyResponse> {
    await this.access.load(user, meetingId);
    const scope = scopeOf(meetingId);
    return { scope, ...(await this.audit.verify(scope)) };
  }

  private async lockLive(tx: Prisma.TransactionClient, meetingId: string): Promise<Meeting> {
    const meeting = await this.access.lockForWrite(tx, meetingId);
    if (!isLive(meeting.status)) throw new AppError('meeting_not_live');
    return meeting;
  }

  /** Item statuses and the live row for a move; the caller holds the meeting lock and writes the audit record. */
  private async moveTo(tx: Prisma.TransactionClient, meetingId: string, to: string | null, now: Date): Promise<void> {
    const items = await tx.agendaItem.findMany({ where: { meetingId }, select: { id: true, status: true, plannedMinutes: true } });
    const target = to ? items.find((i) => i.id === to) : null;
    if (to && !target) throw new AppError('validation_failed', [{ path: 'agendaItemId', message: 'not an item of this meeting' }]);
    const live = await tx.meetingLiveState.upsert({ where: { meetingId }, create: { meetingId }, update: {} });
    for (const [id, status] of agendaStatusesAfterMove(items, live.currentAgendaItemId, to)) {
      await tx.agendaItem.update({ where: { id }, data: { status } });
    }
    const timer = target
      ? startStopwatch(stoppedStopwatch(target.plannedMinutes ? target.plannedMinutes * 60 : null), now)
      : stoppedStopwatch();
    await tx.meetingLiveState.update({ where: { meetingId }, data: { currentAgendaItemId: to, ...stopwatchColumns(timer) } });
  }

  private pushStatus(m: Meeting): void {
    this.room.emit(m.id, 'meeting.status', {
      meetingId: m.id,
      status: m.status,
      startedAt: isoOrNull(m.startedAt),
      endedAt: isoOrNull(m.endedAt),
    });
  }
}
