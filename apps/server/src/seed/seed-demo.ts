import { AuditService } from '../audit/audit.service.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import {
  agendaStatusFor,
  DEMO_COMMITTEE,
  DEMO_MEETINGS,
  DEMO_PEOPLE,
  DEMO_STAFF_USERNAME,
  type DemoMeeting,
} from './demo-committee.js';

/** ServerSetting key that marks the demo data as written (the seed's idempotency record). */
export const DEMO_SEED_KEY = 'seed.demo_committee';

export interface SeedOptions {
  /** Password for every demo account that the seed creates. */
  password: string;
  /** argon2id hash of a password (the server's PasswordHasher). */
  hashPassword: (password: string) => Promise<string>;
  /** "Today" for the relative meeting dates. */
  now?: Date;
}

export interface SeedResult {
  /** False when an earlier run already wrote the demo data: nothing was changed. */
  created: boolean;
  committeeId: string;
  /** Demo usernames that existed before this run and kept their own password. */
  existingUsers: string[];
  meetings: { id: string; title: string; status: string; scheduledAt: Date }[];
}

const BEIJING_OFFSET_HOURS = 8;

/** A meeting day `dayOffset` days from `now`, at `hour`:00 Beijing time, as a UTC instant. */
function meetingStart(now: Date, dayOffset: number, hour: number): Date {
  const beijing = new Date(now.getTime() + BEIJING_OFFSET_HOURS * 3600_000);
  return new Date(
    Date.UTC(
      beijing.getUTCFullYear(),
      beijing.getUTCMonth(),
      beijing.getUTCDate() + dayOffset,
      hour - BEIJING_OFFSET_HOURS,
    ),
  );
}

const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/**
 * Writes the demo committee in one transaction, so a run either writes all of it or nothing.
 * Idempotent: a second run finds the marker and changes nothing. Demo accounts that already
 * exist (same username) are reused as they are — their passwords are never overwritten.
 * Every row written gets its audit event, like any other change.
 */
export async function seedDemoCommittee(prisma: PrismaClient, opts: SeedOptions): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  const marker = await prisma.serverSetting.findUnique({ where: { key: DEMO_SEED_KEY } });
  if (marker) return describeExisting(prisma, marker.value);

  // Hash outside the transaction: ~20 argon2id hashes take a second or two.
  const existing = await prisma.user.findMany({ where: { username: { in: DEMO_PEOPLE.map((p) => p.username) } } });
  const existingByName = new Map(existing.map((u) => [u.username, u]));
  const hashes = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    if (!existingByName.has(person.username)) hashes.set(person.username, await opts.hashPassword(opts.password));
  }

  const audit = new AuditService(prisma);
  return prisma.$transaction(
    async (tx) => {
      const userIds = new Map(existing.map((u) => [u.username, u.id]));
      for (const person of DEMO_PEOPLE) {
        if (userIds.has(person.username)) continue;
        const user = await tx.user.create({
          data: {
            username: person.username,
            displayName: person.displayName,
            role: person.role,
            sector: person.sector,
            affiliation: person.affiliation,
            passwordHash: hashes.get(person.username)!,
            mustChangePassword: false,
          },
        });
        userIds.set(person.username, user.id);
        await audit.append(tx, {
          actorId: null,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          data: { username: person.username, role: person.role, seed: 'demo' },
        });
      }
      const idOf = (username: string) => userIds.get(username)!;

      const committee = await tx.committee.create({ data: { name: DEMO_COMMITTEE.name, kind: 'committee' } });
      const group = await tx.committee.create({
        data: { name: DEMO_COMMITTEE.group, kind: 'group', parentId: committee.id },
      });
      await tx.committeeMember.createMany({
        data: DEMO_PEOPLE.filter((p) => p.role === 'member').map((p) => ({
          committeeId: committee.id,
          userId: idOf(p.username),
          title: p.title,
        })),
      });
      await tx.committeeMember.createMany({
        data: DEMO_PEOPLE.filter((p) => p.inGroup).map((p) => ({
          committeeId: group.id,
          userId: idOf(p.username),
          title: '委员',
        })),
      });
      for (const c of [committee, group]) {
        await audit.append(tx, {
          actorId: null,
          action: 'committee.created',
          entityType: 'committee',
          entityId: c.id,
          data: { name: c.name, seed: 'demo' },
        });
      }

      const meetings: SeedResult['meetings'] = [];
      for (const demo of DEMO_MEETINGS) {
        meetings.push(
          await createMeeting(tx, audit, demo, {
            now,
            committeeId: committee.id,
            createdById: idOf(DEMO_STAFF_USERNAME),
            idOf,
          }),
        );
      }

      await tx.serverSetting.create({ data: { key: DEMO_SEED_KEY, value: committee.id } });
      return { created: true, committeeId: committee.id, existingUsers: existing.map((u) => u.username), meetings };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

async function createMeeting(
  tx: Tx,
  audit: AuditService,
  demo: DemoMeeting,
  ctx: { now: Date; committeeId: string; createdById: string; idOf: (username: string) => string },
): Promise<SeedResult['meetings'][number]> {
  const scheduledAt = meetingStart(ctx.now, demo.dayOffset, demo.startHour);
  const endsAt = minutes(scheduledAt, demo.durationMinutes);
  const past = demo.status === 'ended' || demo.status === 'archived';
  const meeting = await tx.meeting.create({
    data: {
      committeeId: ctx.committeeId,
      title: demo.title,
      topic: demo.topic,
      kind: demo.kind,
      status: demo.status,
      scheduledAt,
      endsAt,
      place: demo.place,
      createdById: ctx.createdById,
      startedAt: past ? minutes(scheduledAt, 2) : null,
      endedAt: past ? minutes(endsAt, 5) : null,
      // Created three weeks before the meeting (or today, if that is later), as a secretariat would.
      createdAt: new Date(Math.min(ctx.now.getTime(), scheduledAt.getTime() - 21 * 86400_000)),
    },
  });
  await tx.agendaItem.createMany({
    data: demo.agenda.map((item, position) => ({
      meetingId: meeting.id,
      position,
      title: item.title,
      description: item.description ?? null,
      plannedMinutes: item.plannedMinutes,
      presenterId: item.presenter ? ctx.idOf(item.presenter) : null,
      // As the agenda builder stores it: the name is shown, the id links the account.
      presenterName: item.presenterName ?? (item.presenter ? displayNameOf(item.presenter) : null),
      status: agendaStatusFor(demo.status),
    })),
  });
  const invitedAt = minutes(scheduledAt, -14 * 24 * 60);
  await tx.participant.createMany({
    data: Object.entries(demo.participants).map(([username, p]) => ({
      meetingId: meeting.id,
      userId: ctx.idOf(username),
      role: p.role,
      attendance: p.attendance,
      invitedAt,
      respondedAt: p.attendance === 'invited' ? null : minutes(invitedAt, 26 * 60),
      checkedInAt: p.attendance === 'checked_in' || p.attendance === 'left' ? minutes(scheduledAt, -10) : null,
      leftAt: p.attendance === 'left' ? minutes(endsAt, -30) : null,
    })),
  });
  await audit.append(tx, {
    actorId: ctx.createdById,
    action: 'meeting.created',
    entityType: 'meeting',
    entityId: meeting.id,
    meetingId: meeting.id,
    data: {
      title: demo.title,
      kind: demo.kind,
      status: demo.status,
      agendaItems: demo.agenda.length,
      participants: Object.keys(demo.participants).length,
      seed: 'demo',
    },
  });
  return { id: meeting.id, title: meeting.title, status: meeting.status, scheduledAt };
}

const displayNameOf = (username: string) => DEMO_PEOPLE.find((p) => p.username === username)?.displayName ?? null;

async function describeExisting(prisma: PrismaClient, committeeId: string): Promise<SeedResult> {
  const meetings = await prisma.meeting.findMany({
    where: { committeeId },
    orderBy: { scheduledAt: 'asc' },
    select: { id: true, title: true, status: true, scheduledAt: true },
  });
  return { created: false, committeeId, existingUsers: [], meetings };
}
