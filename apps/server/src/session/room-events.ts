import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  meetingRoom,
  meetingUserRoom,
  type ClientToServerEvents,
  type Presence,
  type ServerToClientEventName,
  type ServerToClientEvents,
  type ServerToClientPayload,
} from '@xieshang/protocol';
import type { Namespace, Socket } from 'socket.io';
import { KeyedBatch } from './keyed-batch.js';

/** How often presence changes of one meeting are pushed, at most. */
export const PRESENCE_PUSH_INTERVAL_MS = 250;

/** What the handshake middleware stores on each socket (also visible to other instances via fetchSockets). */
export interface MeetingSocketData {
  userId: string;
  meetingId: string;
  /** The account's tokenVersion at connect: a later bump (logout everywhere, disable) disconnects. */
  tokenVersion: number;
  /** May run the meeting: joined to the organisers' room. */
  canRun: boolean;
  presence: Exclude<Presence, 'offline'>;
}

export type MeetingNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, MeetingSocketData>;
export type MeetingSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, MeetingSocketData>;

/** Organisers of one meeting (chair, secretary, staff): they also see draft polls. */
export const meetingRunnersRoom = (meetingId: string) => `meeting:${meetingId}:runners`;
/** Every connection of one account, in any meeting: closed together on logout or disable. */
export const accountRoom = (userId: string) => `account:${userId}`;

/**
 * The one way services push to the live room. Services call it after their transaction has
 * committed; it only fans out (through the Redis adapter when configured, so every instance's
 * clients receive it). A push that fails is logged and never fails the request that caused it:
 * clients resynchronise from the database on reconnect.
 */
@Injectable()
export class RoomEvents implements OnModuleDestroy {
  private readonly logger = new Logger(RoomEvents.name);
  private nsp: MeetingNamespace | null = null;
  private readonly presenceBatch = new KeyedBatch<string>(
    PRESENCE_PUSH_INTERVAL_MS,
    (meetingId, userIds) => this.pushPresence(meetingId, userIds),
    (err) => this.logger.warn(`presence push failed: ${(err as Error).message}`),
  );

  /** Called once by the gateway when socket.io is up. */
  attach(nsp: MeetingNamespace): void {
    this.nsp = nsp;
  }

  /** Called when the app shuts down: the disconnects that follow push nothing (Redis may already be gone). */
  detach(): void {
    this.nsp = null;
    this.presenceBatch.clear();
  }

  onModuleDestroy(): void {
    this.presenceBatch.clear();
  }

  /** A user's connections changed (connect, disconnect, away): pushed with others in one `presence.changed`. */
  presenceChanged(meetingId: string, userId: string): void {
    if (this.nsp) this.presenceBatch.add(meetingId, userId);
  }

  private async pushPresence(meetingId: string, userIds: string[]): Promise<void> {
    const presence = await this.presenceByUser(meetingId);
    const changes = userIds.map((userId) => ({ userId, presence: presence.get(userId) ?? ('offline' as const) }));
    this.emit(meetingId, 'presence.changed', { meetingId, changes });
  }

  get namespace(): MeetingNamespace | null {
    return this.nsp;
  }

  emit<E extends ServerToClientEventName>(meetingId: string, event: E, payload: ServerToClientPayload<E>): void {
    this.send(meetingRoom(meetingId), event, payload);
  }

  emitToUser<E extends ServerToClientEventName>(
    meetingId: string,
    userId: string,
    event: E,
    payload: ServerToClientPayload<E>,
  ): void {
    this.send(meetingUserRoom(meetingId, userId), event, payload);
  }

  emitToRunners<E extends ServerToClientEventName>(meetingId: string, event: E, payload: ServerToClientPayload<E>): void {
    this.send(meetingRunnersRoom(meetingId), event, payload);
  }

  private send<E extends ServerToClientEventName>(room: string, event: E, payload: ServerToClientPayload<E>): void {
    if (!this.nsp) return;
    try {
      // The mapped event type is exact per name; socket.io's own overloads cannot see that through a generic.
      (this.nsp.to(room).emit as (e: string, p: unknown) => boolean)(event, payload);
    } catch (err) {
      this.logger.error(`emit ${event} to ${room} failed: ${(err as Error).message}`);
    }
  }

  /** Presence of everyone connected to a meeting, across instances: online beats away. */
  async presenceByUser(meetingId: string): Promise<Map<string, Presence>> {
    const out = new Map<string, Presence>();
    if (!this.nsp) return out;
    try {
      for (const s of await this.nsp.in(meetingRoom(meetingId)).fetchSockets()) {
        if (out.get(s.data.userId) !== 'online') out.set(s.data.userId, s.data.presence);
      }
    } catch (err) {
      this.logger.warn(`presence lookup for ${meetingId} failed: ${(err as Error).message}`);
    }
    return out;
  }

  /** Closes every live-room connection of an account (logout everywhere, disabled account). */
  disconnectAccount(userId: string): void {
    this.nsp?.in(accountRoom(userId)).disconnectSockets(true);
  }

  /** Closes every connection of one user to one meeting (removed from the participant list). */
  disconnectFromMeeting(meetingId: string, userId: string): void {
    this.nsp?.in(meetingUserRoom(meetingId, userId)).disconnectSockets(true);
  }
}
