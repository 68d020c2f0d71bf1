import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { RoomEvents } from '../session/room-events.js';
import { entitledRoles } from './poll.mapper.js';

/** At most one progress push per poll per interval, however fast ballots arrive. */
export const POLL_PROGRESS_INTERVAL_MS = 200;

/**
 * `poll.progress` pushes: how many have voted, never what. Ballots only mark the poll dirty;
 * one trailing push per interval reads the committed count, so a burst of 1,000 ballots costs
 * a handful of pushes to the room instead of 1,000 × room size messages. The count only grows
 * while a poll is open, so a client keeps the largest value it has seen.
 */
@Injectable()
export class PollProgress implements OnModuleDestroy {
  private readonly logger = new Logger(PollProgress.name);
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly room: RoomEvents,
  ) {}

  ballotCast(meetingId: string, pollId: string, allowGuests: boolean): void {
    if (this.pending.has(pollId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(pollId);
      this.push(meetingId, pollId, allowGuests).catch((err: unknown) =>
        this.logger.warn(`progress for poll ${pollId} failed: ${(err as Error).message}`),
      );
    }, POLL_PROGRESS_INTERVAL_MS);
    timer.unref();
    this.pending.set(pollId, timer);
  }

  /** The poll closed: its results replace any pending progress. */
  cancel(pollId: string): void {
    clearTimeout(this.pending.get(pollId));
    this.pending.delete(pollId);
  }

  private async push(meetingId: string, pollId: string, allowGuests: boolean): Promise<void> {
    const [cast, entitled] = await Promise.all([
      this.prisma.pollVoter.count({ where: { pollId } }),
      this.prisma.participant.count({ where: { meetingId, role: { in: entitledRoles(allowGuests) } } }),
    ]);
    this.room.emit(meetingId, 'poll.progress', { meetingId, pollId, cast, entitled });
  }

  onModuleDestroy(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
