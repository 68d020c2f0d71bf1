import { AppError } from '../common/errors/app-error.js';
import type { Meeting, Prisma } from '../generated/prisma/client.js';

/**
 * Transaction options for live-room writes. When a vote opens, hundreds of ballots queue for the
 * same poll and audit-chain locks; Prisma's default 2 s wait would turn that queue into errors.
 */
export const ROOM_TX = { maxWait: 30_000, timeout: 30_000 } as const;

/**
 * Locks the meeting row in share mode: for writes that depend on the room's state (an item still
 * open, the meeting still live) without changing it. They run side by side, but never while a
 * room command (start, end, move to an item — FOR UPDATE via MeetingAccessService.lockForWrite)
 * is changing that state. Lock order everywhere: meeting row → poll row → audit chain.
 */
export async function lockMeetingShared(tx: Prisma.TransactionClient, meetingId: string): Promise<Meeting> {
  await tx.$queryRaw`SELECT 1 FROM "Meeting" WHERE "id" = ${meetingId} FOR SHARE`;
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId } });
  if (!meeting) throw new AppError('not_found');
  return meeting;
}
