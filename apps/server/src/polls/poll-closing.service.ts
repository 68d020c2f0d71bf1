import { Injectable } from '@nestjs/common';
import { ballotBoxDigest, isEntitledVoter, isPresent, pollClosedAuditData, tally } from '@xieshang/domain';
import type { NamedVote, PollQuorum, PollResults } from '@xieshang/protocol';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import { RoomEvents } from '../session/room-events.js';
import { optionSpecs, pollInclude, type PollRow } from './poll.mapper.js';
import { PollProgress } from './poll-progress.js';

export interface ClosedPoll {
  poll: PollRow;
  results: PollResults;
}

/**
 * Closing a poll: tally, ballot-box digest into the audit chain, and — for secret polls —
 * rewriting the box in ballot-id order so that not even storage order or the writing
 * transaction's id links a ballot to the moment (and so the voter) it came from.
 * Used by POST /api/polls/:id/close and by the end of the meeting.
 */
@Injectable()
export class PollClosing {
  constructor(
    private readonly audit: AuditService,
    private readonly room: RoomEvents,
    private readonly progress: PollProgress,
  ) {}

  /**
   * Locks every open poll of the meeting (FOR UPDATE) in one statement, before anything is
   * written: a ballot transaction holds its poll in share mode while it waits for the audit
   * chain, so taking poll locks after an audit append could deadlock.
   */
  async lockOpenPolls(tx: Prisma.TransactionClient, meetingId: string): Promise<PollRow[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Poll" WHERE "meetingId" = ${meetingId} AND "status" = 'open' ORDER BY "id" FOR UPDATE`;
    if (!rows.length) return [];
    return tx.poll.findMany({ where: { id: { in: rows.map((r) => r.id) } }, include: pollInclude, orderBy: { id: 'asc' } });
  }

  /** Locks one poll (FOR UPDATE): waits for ballots in flight, keeps new ones out until commit. */
  async lockPoll(tx: Prisma.TransactionClient, pollId: string): Promise<PollRow> {
    await tx.$queryRaw`SELECT 1 FROM "Poll" WHERE "id" = ${pollId} FOR UPDATE`;
    const poll = await tx.poll.findUnique({ where: { id: pollId }, include: pollInclude });
    if (!poll) throw new AppError('not_found');
    return poll;
  }

  /** Closes a poll already locked by this transaction and known to be open. */
  async closeLocked(tx: Prisma.TransactionClient, poll: PollRow, actorId: string | null): Promise<ClosedPoll> {
    const participants = await tx.participant.findMany({
      where: { meetingId: poll.meetingId },
      select: { role: true, attendance: true },
    });
    const entitled = participants.filter((p) => isEntitledVoter(p.role, poll.allowGuests));
    const present = entitled.filter((p) => isPresent(p.attendance)).length;

    const stored = await tx.ballot.findMany({ where: { pollId: poll.id }, select: { id: true, optionId: true, voterId: true } });
    const voters = (await tx.pollVoter.findMany({ where: { pollId: poll.id }, select: { userId: true } })).map((v) => v.userId);
    if (stored.length !== voters.length) {
      // Cannot happen with the register and the ballot written in one transaction; refuse to publish if it does.
      throw new AppError('internal_error', undefined, `poll ${poll.id}: ${stored.length} ballots, ${voters.length} voters`);
    }
    const labelOf = new Map(poll.options.map((o) => [o.id, o.label]));
    const ballots = stored.map((b) => ({ id: b.id, option: labelOf.get(b.optionId)!, voterId: b.voterId }));

    const result = tally({
      options: optionSpecs(poll),
      ballots: ballots.map((b) => b.option),
      rule: poll.rule,
      quorum: (poll.quorum as PollQuorum | null) ?? null,
      entitled: entitled.length,
      present,
    });
    const digest = ballotBoxDigest({
      pollId: poll.id,
      method: poll.method,
      options: poll.options.map((o) => o.label),
      ballots,
      voters,
      counts: result.counts,
    });

    if (poll.method === 'secret') {
      const inIdOrder = [...stored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      await tx.ballot.deleteMany({ where: { pollId: poll.id } });
      await tx.ballot.createMany({ data: inIdOrder.map((b) => ({ id: b.id, pollId: poll.id, optionId: b.optionId })) });
    }

    const results: PollResults = {
      counts: result.counts,
      cast: result.cast,
      abstained: result.abstained,
      entitled: result.entitled,
      present: result.present,
      outcome: result.outcome,
      winner: result.winner,
      required: result.required,
      digest,
      ...(poll.method === 'named' ? { votes: await namedVotes(tx, ballots) } : {}),
    };
    const updated = await tx.poll.update({
      where: { id: poll.id },
      data: { status: 'closed', closedAt: new Date(), results },
      include: pollInclude,
    });
    await this.audit.append(tx, {
      actorId,
      action: 'poll.closed',
      entityType: 'poll',
      entityId: poll.id,
      meetingId: poll.meetingId,
      data: pollClosedAuditData(result, digest, voters.length),
    });
    return { poll: updated, results };
  }

  /** After commit: the results go to everyone in the room. */
  publish(closed: readonly ClosedPoll[]): void {
    for (const { poll, results } of closed) {
      this.progress.cancel(poll.id);
      this.room.emit(poll.meetingId, 'poll.closed', { meetingId: poll.meetingId, pollId: poll.id, results });
    }
  }
}

async function namedVotes(
  tx: Prisma.TransactionClient,
  ballots: ReadonlyArray<{ option: string; voterId: string | null }>,
): Promise<NamedVote[]> {
  const ids = ballots.map((b) => b.voterId).filter((v): v is string => v !== null);
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return ballots
    .filter((b) => b.voterId !== null)
    .map((b) => ({ userId: b.voterId!, displayName: names.get(b.voterId!) ?? '', option: b.option }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-Hans-CN') || a.userId.localeCompare(b.userId));
}
