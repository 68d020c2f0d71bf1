import { Inject, Injectable } from '@nestjs/common';
import {
  canChangeStatusByEdit,
  canCreateMeeting,
  canEditMeeting,
  canViewMeeting,
  isMeetingEditable,
} from '@xieshang/domain';
import type {
  CreateMeetingBody,
  ListMeetingsQuery,
  MeetingDetail,
  MeetingList,
  UpdateMeetingBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Meeting, Prisma } from '../generated/prisma/client.js';
import { participantInclude, participantOrder } from '../participants/participant.mapper.js';
import { MeetingAccessService, type MeetingAccess } from './meeting-access.service.js';
import { meetingSummaryInclude, toMeetingDetail, toMeetingSummary } from './meeting.mapper.js';

type CreateMeetingInput = z.output<typeof CreateMeetingBody>;
type UpdateMeetingInput = z.output<typeof UpdateMeetingBody>;
type ListMeetingsInput = z.output<typeof ListMeetingsQuery>;

/** Fields of a meeting that PATCH may change, and how each is compared and stored. */
const dateFields = new Set(['scheduledAt', 'endsAt']);

@Injectable()
export class MeetingsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ListMeetingsInput): Promise<MeetingList> {
    const where: Prisma.MeetingWhereInput = {
      AND: [
        this.visibleTo(user),
        query.status ? { status: { in: query.status } } : {},
        query.kind ? { kind: query.kind } : {},
        query.committeeId ? { committeeId: query.committeeId } : {},
        query.from || query.to
          ? {
              scheduledAt: {
                ...(query.from && { gte: new Date(query.from) }),
                ...(query.to && { lte: new Date(query.to) }),
              },
            }
          : {},
        query.q ? { title: { contains: escapeLike(query.q), mode: 'insensitive' } } : {},
      ],
    };
    const [total, rows] = await this.prisma.$transaction([
      this.prisma.meeting.count({ where }),
      this.prisma.meeting.findMany({
        where,
        include: meetingSummaryInclude(user.id),
        orderBy: [{ scheduledAt: query.order }, { id: query.order }],
        skip: query.offset,
        take: query.limit,
      }),
    ]);
    return { items: rows.map(toMeetingSummary), total };
  }

  /** The same rule as MeetingAccessService, as a query: staff and admins see all, others their own. */
  private visibleTo(user: AuthUser): Prisma.MeetingWhereInput {
    const ownMeetings: Prisma.MeetingWhereInput = { participants: { some: { userId: user.id } } };
    if (user.meetingScope) return { id: user.meetingScope, ...ownMeetings };
    return canViewMeeting({ globalRole: user.role, participantRole: null }) ? {} : ownMeetings;
  }

  async get(user: AuthUser, meetingId: string): Promise<MeetingDetail> {
    return this.detail(user, await this.access.load(user, meetingId));
  }

  /** The full view of a meeting whose access has been checked; `meeting` may be fresher than `access`. */
  private async detail(
    user: AuthUser,
    access: MeetingAccess,
    meeting: Meeting = access.meeting,
  ): Promise<MeetingDetail> {
    const [agenda, participants] = await Promise.all([
      this.prisma.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: 'asc' } }),
      this.prisma.participant.findMany({
        where: { meetingId: meeting.id },
        include: participantInclude,
        orderBy: [...participantOrder],
      }),
    ]);
    const own = participants.find((p) => p.userId === user.id);
    const actor = { ...access.actor, participantRole: own?.role ?? null };
    return toMeetingDetail(meeting, agenda, participants, actor, user.id);
  }

  async create(user: AuthUser, body: CreateMeetingInput): Promise<MeetingDetail> {
    if (!canCreateMeeting(user.role)) throw new AppError('forbidden');
    const meeting = await this.prisma.$transaction(async (tx) => {
      if (body.committeeId) await assertCommitteeExists(tx, body.committeeId);
      const created = await tx.meeting.create({
        data: {
          title: body.title,
          topic: body.topic ?? null,
          kind: body.kind,
          status: body.status,
          scheduledAt: new Date(body.scheduledAt),
          endsAt: body.endsAt ? new Date(body.endsAt) : null,
          place: body.place ?? null,
          onlineUrl: body.onlineUrl ?? null,
          committeeId: body.committeeId ?? null,
          createdById: user.id,
        },
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'meeting.created',
        entityType: 'meeting',
        entityId: created.id,
        meetingId: created.id,
        data: { title: created.title, kind: created.kind, status: created.status, scheduledAt: body.scheduledAt },
      });
      return created;
    });
    return toMeetingDetail(meeting, [], [], { globalRole: user.role, participantRole: null }, user.id);
  }

  /**
   * Details change until the meeting ends; afterwards only archiving an ended meeting is allowed.
   * Status moves only as canChangeStatusByEdit says (live and ended come from the live room).
   */
  async update(user: AuthUser, meetingId: string, body: UpdateMeetingInput): Promise<MeetingDetail> {
    const access = await this.access.require(user, meetingId, canEditMeeting);
    const meeting = await this.prisma.$transaction(async (tx) => {
      const current = await this.access.lockForWrite(tx, meetingId);
      const changes = changedFields(current, body);
      const fieldNames = Object.keys(changes).filter((k) => k !== 'status');
      if (fieldNames.length && !isMeetingEditable(current.status)) throw new AppError('meeting_not_editable');
      if (body.status && !canChangeStatusByEdit(current.status, body.status)) {
        throw new AppError('invalid_transition', undefined, `${current.status} → ${body.status}`);
      }
      if (!Object.keys(changes).length) return current;

      const scheduledAt = body.scheduledAt ? new Date(body.scheduledAt) : current.scheduledAt;
      const endsAt = body.endsAt === undefined ? current.endsAt : body.endsAt ? new Date(body.endsAt) : null;
      if (endsAt && endsAt <= scheduledAt) {
        throw new AppError('validation_failed', [{ path: 'endsAt', message: 'must be after scheduledAt' }]);
      }
      if (body.committeeId) await assertCommitteeExists(tx, body.committeeId);

      const data: Prisma.MeetingUncheckedUpdateInput = {};
      for (const [field, { to }] of Object.entries(changes)) {
        (data as Record<string, unknown>)[field] = dateFields.has(field) && to ? new Date(to as string) : to;
      }
      const updated = await tx.meeting.update({ where: { id: meetingId }, data });
      await this.audit.append(tx, {
        actorId: user.id,
        action: changes.status ? 'meeting.status_changed' : 'meeting.updated',
        entityType: 'meeting',
        entityId: meetingId,
        meetingId,
        data: { changes } as Prisma.InputJsonValue,
      });
      return updated;
    });
    return this.detail(user, access, meeting);
  }
}

/** Fields of the body that differ from the stored meeting, as {from, to} in JSON form (dates as ISO). */
function changedFields(current: Meeting, body: UpdateMeetingInput): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const stored = current[field as keyof Meeting];
    const from = stored instanceof Date ? stored.toISOString() : stored;
    const to = dateFields.has(field) && typeof value === 'string' ? new Date(value).toISOString() : value;
    if (from !== to) changes[field] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

async function assertCommitteeExists(tx: Prisma.TransactionClient, committeeId: string): Promise<void> {
  const found = await tx.committee.findUnique({ where: { id: committeeId }, select: { id: true } });
  if (!found) throw new AppError('validation_failed', [{ path: 'committeeId', message: 'unknown committee' }]);
}

/** Prisma passes `contains` to ILIKE unescaped: a searched % or _ must match itself, not anything. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
