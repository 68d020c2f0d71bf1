import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { canRunMeeting, canViewMeeting } from '@xieshang/domain';
import {
  ClientToServerEventSchemas,
  MEETING_NAMESPACE,
  meetingRoom,
  meetingUserRoom,
  SocketAuth,
  socketError,
  type ErrorCode,
  type MeetingLiveState,
  type SocketAck,
} from '@xieshang/protocol';
import { AuthGuard } from '../auth/auth.guard.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { LiveStateService } from './live-state.service.js';
import {
  accountRoom,
  meetingRunnersRoom,
  RoomEvents,
  type MeetingNamespace,
  type MeetingSocket,
  type MeetingSocketData,
} from './room-events.js';
import { SocketRateLimit } from './socket-rate-limit.js';

/** Everything the server keeps on a socket; `globalRole`/`sessionId` only for re-validation. */
interface SocketState extends MeetingSocketData {
  globalRole: 'admin' | 'staff' | 'member' | 'guest';
  sessionId: string | null;
}

const codeOf = (err: unknown): ErrorCode => (err instanceof AppError ? err.code : 'internal_error');

function connectError(err: unknown): Error & { data: unknown } {
  const code = codeOf(err);
  return Object.assign(new Error(code), { data: socketError(code) });
}

const nack = (code: ErrorCode) => ({ ok: false as const, error: socketError(code) });

/**
 * The /meeting socket.io namespace. It only authenticates and fans out: Nest guards do not run on
 * connect, so the handshake middleware checks the token and the caller's right to see the meeting
 * before the socket exists (and again on every reconnect). Commands are HTTP; services push their
 * results through RoomEvents. On connect the client gets `session.state`, rebuilt from the database.
 */
@WebSocketGateway({ namespace: MEETING_NAMESPACE })
export class SessionGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(SessionGateway.name);
  private readonly rateLimit = new SocketRateLimit();
  private nsp: MeetingNamespace | null = null;
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly auth: AuthGuard,
    private readonly access: MeetingAccessService,
    private readonly room: RoomEvents,
    private readonly live: LiveStateService,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(nsp: MeetingNamespace): void {
    this.nsp = nsp;
    this.room.attach(nsp);
    nsp.use((socket, next) => {
      this.handshake(socket as MeetingSocket).then(
        () => next(),
        (err: unknown) => next(connectError(err)),
      );
    });
    this.sweep = setInterval(() => {
      this.revalidate().catch((err: unknown) => this.logger.warn(`revalidation failed: ${(err as Error).message}`));
    }, this.config.XS_SESSION_REVALIDATE_SECONDS * 1000);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.room.detach();
  }

  private async handshake(socket: MeetingSocket): Promise<void> {
    const parsed = SocketAuth.safeParse(socket.handshake.auth);
    if (!parsed.success) throw new AppError('authentication_required');
    const user = await this.auth.authenticate(parsed.data.token);
    const access = await this.access.load(user, parsed.data.meetingId);
    const account = await this.prisma.user.findUnique({ where: { id: user.id }, select: { tokenVersion: true } });
    if (!account) throw new AppError('authentication_required');
    const state: SocketState = {
      userId: user.id,
      meetingId: access.meeting.id,
      tokenVersion: account.tokenVersion,
      canRun: canRunMeeting(access.actor),
      presence: 'online',
      globalRole: user.role,
      sessionId: user.sessionId ?? null,
    };
    socket.data = state;
  }

  async handleConnection(socket: MeetingSocket): Promise<void> {
    const { meetingId, userId, canRun } = socket.data;
    if (!meetingId) {
      socket.disconnect(true);
      return;
    }
    const rooms = [meetingRoom(meetingId), meetingUserRoom(meetingId, userId), accountRoom(userId)];
    await socket.join(canRun ? [...rooms, meetingRunnersRoom(meetingId)] : rooms);
    this.room.presenceChanged(meetingId, userId);
    try {
      socket.emit('session.state', await this.snapshot(socket));
    } catch (err) {
      this.logger.warn(`state for ${userId} in ${meetingId} failed: ${(err as Error).message}`);
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: MeetingSocket): void {
    const { meetingId, userId } = socket.data ?? {};
    if (meetingId && userId) this.room.presenceChanged(meetingId, userId);
  }

  /** The full room state again, in the ack (e.g. after the app returns from the background). */
  @SubscribeMessage('session.sync')
  async sync(@ConnectedSocket() socket: MeetingSocket, @MessageBody() payload: unknown): Promise<SocketAck<MeetingLiveState>> {
    if (!this.rateLimit.allow(socket)) return nack('too_many_requests');
    if (!ClientToServerEventSchemas['session.sync'].safeParse(payload ?? {}).success) return nack('validation_failed');
    try {
      return { ok: true, data: await this.snapshot(socket) };
    } catch (err) {
      return nack(codeOf(err));
    }
  }

  /** online ⇄ away (the page went to the background or came back). */
  @SubscribeMessage('presence.set')
  setPresence(@ConnectedSocket() socket: MeetingSocket, @MessageBody() payload: unknown): SocketAck {
    if (!this.rateLimit.allow(socket)) return nack('too_many_requests');
    const parsed = ClientToServerEventSchemas['presence.set'].safeParse(payload);
    if (!parsed.success) return nack('validation_failed');
    socket.data.presence = parsed.data.presence;
    this.room.presenceChanged(socket.data.meetingId, socket.data.userId);
    return { ok: true, data: undefined };
  }

  private async snapshot(socket: MeetingSocket): Promise<MeetingLiveState> {
    const { meetingId, userId } = socket.data;
    const { globalRole } = socket.data as SocketState;
    const participant = await this.prisma.participant.findUnique({
      where: { meetingId_userId: { meetingId, userId } },
      select: { role: true, attendance: true },
    });
    const actor = { globalRole, participantRole: participant?.role ?? null };
    if (!canViewMeeting(actor)) throw new AppError('not_found');
    return this.live.build(meetingId, { userId, actor, participant });
  }

  /**
   * Re-checks this instance's sockets against the database: a disabled account, a bumped
   * tokenVersion (logout everywhere, password change), a revoked session or removal from the
   * meeting closes the connection; a changed role moves it in or out of the organisers' room.
   * Runs every XS_SESSION_REVALIDATE_SECONDS; returns how many sockets were closed.
   */
  async revalidate(): Promise<number> {
    const sockets = [...(this.nsp?.sockets.values() ?? [])].filter((s) => s.data?.meetingId);
    if (!sockets.length) return 0;
    const states = sockets.map((s) => s.data as SocketState);
    const userIds = [...new Set(states.map((s) => s.userId))];
    const sessionIds = [...new Set(states.map((s) => s.sessionId).filter((x): x is string => !!x))];
    const meetingIds = [...new Set(states.map((s) => s.meetingId))];
    const [users, sessions, participants] = await Promise.all([
      this.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, tokenVersion: true, disabled: true, role: true } }),
      this.prisma.session.findMany({ where: { id: { in: sessionIds } }, select: { id: true, userId: true, revokedAt: true } }),
      this.prisma.participant.findMany({
        where: { meetingId: { in: meetingIds }, userId: { in: userIds } },
        select: { meetingId: true, userId: true, role: true },
      }),
    ]);
    const userOf = new Map(users.map((u) => [u.id, u]));
    const sessionOf = new Map(sessions.map((s) => [s.id, s]));
    const roleOf = new Map(participants.map((p) => [`${p.meetingId}/${p.userId}`, p.role]));
    let closed = 0;
    for (const socket of sockets) {
      const state = socket.data as SocketState;
      const user = userOf.get(state.userId);
      const session = state.sessionId ? sessionOf.get(state.sessionId) : null;
      const sessionOk = !state.sessionId || (!!session && session.userId === state.userId && !session.revokedAt);
      const actor = user ? { globalRole: user.role, participantRole: roleOf.get(`${state.meetingId}/${state.userId}`) ?? null } : null;
      if (!user || user.disabled || user.tokenVersion !== state.tokenVersion || !sessionOk || !actor || !canViewMeeting(actor)) {
        socket.disconnect(true);
        closed++;
        continue;
      }
      const canRun = canRunMeeting(actor);
      if (canRun !== state.canRun) {
        state.canRun = canRun;
        if (canRun) await socket.join(meetingRunnersRoom(state.meetingId));
        else await socket.leave(meetingRunnersRoom(state.meetingId));
      }
    }
    return closed;
  }
}
