import { Inject, Injectable } from '@nestjs/common';
import { canRunMeeting, DEFAULT_SPEAKING_LIMIT_SECONDS, type MeetingActor } from '@xieshang/domain';
import type { AttendanceView, MeetingLiveState, OpinionView, ParticipantRole, SpeakersState } from '@xieshang/protocol';
import { AttendanceViewService } from '../attendance/attendance-view.service.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Participant } from '../generated/prisma/client.js';
import { isoOrNull } from '../meetings/person-ref.mapper.js';
import { OpinionsService } from '../opinions/opinions.service.js';
import { PollsService } from '../polls/polls.service.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import { readAgendaState } from './agenda-state.js';
import { RoomEvents } from './room-events.js';

/** The part of the room state that is the same for everyone in the meeting. */
type SharedState = Omit<MeetingLiveState, 'polls' | 'me' | 'serverTime'>;

export interface Viewer {
  userId: string;
  actor: MeetingActor;
  participant: Pick<Participant, 'role' | 'attendance'> | null;
}

/**
 * Builds the full room state a (re)connecting client receives — always from the database, never
 * from memory, so nothing is missed while it was away and a restarted instance serves the same
 * state. When many clients connect at once (the start of a meeting), they share one in-flight
 * read of the common part instead of each running it.
 */
@Injectable()
export class LiveStateService {
  private readonly inflight = new Map<string, Promise<SharedState>>();

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly polls: PollsService,
    private readonly opinions: OpinionsService,
    private readonly speakers: SpeakersService,
    private readonly attendance: AttendanceViewService,
    private readonly room: RoomEvents,
  ) {}

  async build(meetingId: string, viewer: Viewer): Promise<MeetingLiveState> {
    const [shared, polls] = await Promise.all([
      this.shared(meetingId),
      this.polls.viewsForMeeting(meetingId, viewer.userId, viewer.actor, viewer.participant),
    ]);
    const role: ParticipantRole | null = viewer.participant?.role ?? null;
    return {
      ...shared,
      serverTime: new Date().toISOString(),
      polls,
      me: { userId: viewer.userId, role, canRun: canRunMeeting(viewer.actor) },
    };
  }

  private shared(meetingId: string): Promise<SharedState> {
    let pending = this.inflight.get(meetingId);
    if (!pending) {
      pending = this.readShared(meetingId).finally(() => this.inflight.delete(meetingId));
      this.inflight.set(meetingId, pending);
    }
    return pending;
  }

  private async readShared(meetingId: string): Promise<SharedState> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId }, include: { liveState: true } });
    if (!meeting) throw new AppError('not_found');
    const [agenda, speakers, opinions, attendance]: [
      Awaited<ReturnType<typeof readAgendaState>>,
      SpeakersState,
      OpinionView[],
      AttendanceView,
    ] = await Promise.all([
      readAgendaState(this.prisma, meetingId),
      this.speakers.state(meetingId),
      this.opinions.recent(meetingId),
      this.room.presenceByUser(meetingId).then((presence) => this.attendance.view(meetingId, presence)),
    ]);
    return {
      ...agenda,
      meetingId,
      title: meeting.title,
      status: meeting.status,
      startedAt: isoOrNull(meeting.startedAt),
      endedAt: isoOrNull(meeting.endedAt),
      speakingLimitSeconds: meeting.liveState?.speakingLimitSeconds ?? DEFAULT_SPEAKING_LIMIT_SECONDS,
      speakers,
      opinions,
      attendance,
    };
  }
}

