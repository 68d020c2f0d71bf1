import { Inject, Injectable, Logger } from '@nestjs/common';
import { canEditMeeting, isMeetingEditable } from '@xieshang/domain';
import type {
  AgendaItemList,
  AgendaItemView,
  CreateAgendaItemBody,
  ReorderAgendaBody,
  UpdateAgendaItemBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { AgendaItem, Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { readAgendaState } from '../session/agenda-state.js';
import { RoomEvents } from '../session/room-events.js';
import { toAgendaItemView } from './agenda-item.mapper.js';

type CreateAgendaItemInput = z.output<typeof CreateAgendaItemBody>;

/**
 * A meeting's agenda: items at positions 0..n-1, no gaps, no duplicates. Every change takes the
 * meeting's row lock first (MeetingAccessService.lockForWrite), so concurrent inserts, deletes
 * and reorders of one meeting apply one after another and positions stay consistent.
 */
@Injectable()
export class AgendaService {
  private readonly logger = new Logger(AgendaService.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
    private readonly room: RoomEvents,
  ) {}

  async list(user: AuthUser, meetingId: string): Promise<AgendaItemList> {
    await this.access.load(user, meetingId);
    const items = await this.prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
    return { items: items.map(toAgendaItemView) };
  }

  /** Inserts at `position` (clamped to the end), shifting later items down; appends when omitted. */
  async create(user: AuthUser, meetingId: string, body: CreateAgendaItemInput): Promise<AgendaItemView> {
    await this.access.require(user, meetingId, canEditMeeting);
    const item = await this.prisma.$transaction(async (tx) => {
      await this.lockEditable(tx, meetingId);
      const presenter = await presenterFields(tx, body);
      const count = await tx.agendaItem.count({ where: { meetingId } });
      const position = Math.min(body.position ?? count, count);
      if (position < count) {
        await tx.agendaItem.updateMany({
          where: { meetingId, position: { gte: position } },
          data: { position: { increment: 1 } },
        });
      }
      const created = await tx.agendaItem.create({
        data: {
          meetingId,
          position,
          title: body.title,
          description: body.description ?? null,
          plannedMinutes: body.plannedMinutes ?? null,
          presenterId: null,
          presenterName: null,
          ...presenter,
        },
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'agenda.item_created',
        entityType: 'agenda_item',
        entityId: created.id,
        meetingId,
        data: { title: created.title, position },
      });
      return created;
    });
    this.pushToRoom(meetingId);
    return toAgendaItemView(item);
  }

  async update(user: AuthUser, meetingId: string, itemId: string, body: UpdateAgendaItemBody): Promise<AgendaItemView> {
    await this.access.require(user, meetingId, canEditMeeting);
    const item = await this.prisma.$transaction(async (tx) => {
      await this.lockEditable(tx, meetingId);
      const current = await findItem(tx, meetingId, itemId);
      const data: Prisma.AgendaItemUncheckedUpdateInput = {
        ...(body.title !== undefined && { title: body.title }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.plannedMinutes !== undefined && { plannedMinutes: body.plannedMinutes }),
        ...(await presenterFields(tx, body)),
      };
      const changes = Object.fromEntries(
        Object.entries(data).filter(([field, value]) => current[field as keyof AgendaItem] !== value),
      );
      if (!Object.keys(changes).length) return current;
      const updated = await tx.agendaItem.update({ where: { id: itemId }, data: changes });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'agenda.item_updated',
        entityType: 'agenda_item',
        entityId: itemId,
        meetingId,
        data: { changes } as Prisma.InputJsonValue,
      });
      return updated;
    });
    this.pushToRoom(meetingId);
    return toAgendaItemView(item);
  }

  /** Later items move up one place. The item being discussed right now (active) cannot be deleted. */
  async remove(user: AuthUser, meetingId: string, itemId: string): Promise<void> {
    await this.access.require(user, meetingId, canEditMeeting);
    await this.prisma.$transaction(async (tx) => {
      await this.lockEditable(tx, meetingId);
      const current = await findItem(tx, meetingId, itemId);
      if (current.status === 'active') {
        throw new AppError('invalid_transition', undefined, 'agenda item is being discussed');
      }
      await tx.agendaItem.delete({ where: { id: itemId } });
      await tx.agendaItem.updateMany({
        where: { meetingId, position: { gt: current.position } },
        data: { position: { decrement: 1 } },
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'agenda.item_deleted',
        entityType: 'agenda_item',
        entityId: itemId,
        meetingId,
        data: { title: current.title, position: current.position },
      });
    });
    this.pushToRoom(meetingId);
  }

  /** `itemIds` must be exactly the meeting's items, each once (400 otherwise); returns the new order. */
  async reorder(user: AuthUser, meetingId: string, body: ReorderAgendaBody): Promise<AgendaItemList> {
    await this.access.require(user, meetingId, canEditMeeting);
    const items = await this.prisma.$transaction(async (tx) => {
      await this.lockEditable(tx, meetingId);
      const current = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
      assertSamePermutation(
        current.map((i) => i.id),
        body.itemIds,
      );
      const byId = new Map(current.map((i) => [i.id, i]));
      const moved = body.itemIds.filter((id, position) => byId.get(id)!.position !== position);
      if (!moved.length) return current;
      for (const [position, id] of body.itemIds.entries()) {
        if (byId.get(id)!.position !== position) await tx.agendaItem.update({ where: { id }, data: { position } });
      }
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'agenda.reordered',
        entityType: 'meeting',
        entityId: meetingId,
        meetingId,
        data: { order: body.itemIds },
      });
      return tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
    });
    this.pushToRoom(meetingId);
    return { items: items.map(toAgendaItemView) };
  }

  /** After commit: everyone in the live room sees the edited agenda at once. Never throws. */
  private pushToRoom(meetingId: string): void {
    readAgendaState(this.prisma, meetingId)
      .then((state) => this.room.emit(meetingId, 'agenda.current', { meetingId, ...state }))
      .catch((err: unknown) => this.logger.warn(`agenda push for ${meetingId} failed: ${(err as Error).message}`));
  }

  private async lockEditable(tx: Prisma.TransactionClient, meetingId: string): Promise<void> {
    const meeting = await this.access.lockForWrite(tx, meetingId);
    if (!isMeetingEditable(meeting.status)) throw new AppError('meeting_not_editable');
  }
}

async function findItem(tx: Prisma.TransactionClient, meetingId: string, itemId: string): Promise<AgendaItem> {
  const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId } });
  if (!item) throw new AppError('not_found');
  return item;
}

/**
 * Presenter columns to write. A presenter with an account is checked to exist (400 otherwise);
 * when the body names a presenter account but no display name, the account's name is stored
 * alongside, and clearing the account clears that name unless a new one is given.
 */
async function presenterFields(
  tx: Prisma.TransactionClient,
  body: { presenterId?: string | null; presenterName?: string | null },
): Promise<{ presenterId?: string | null; presenterName?: string | null }> {
  const fields: { presenterId?: string | null; presenterName?: string | null } = {};
  if (body.presenterName !== undefined) fields.presenterName = body.presenterName || null;
  if (body.presenterId === undefined) return fields;
  fields.presenterId = body.presenterId;
  if (body.presenterId === null) {
    fields.presenterName ??= null;
    return fields;
  }
  const presenter = await tx.user.findUnique({ where: { id: body.presenterId }, select: { displayName: true } });
  if (!presenter) throw new AppError('validation_failed', [{ path: 'presenterId', message: 'unknown user' }]);
  fields.presenterName ??= presenter.displayName;
  return fields;
}

function assertSamePermutation(existing: string[], proposed: string[]): void {
  const wanted = new Set(existing);
  const seen = new Set<string>();
  const valid =
    proposed.length === existing.length &&
    proposed.every((id) => {
      if (!wanted.has(id) || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  if (!valid) {
    throw new AppError('validation_failed', [
      { path: 'itemIds', message: 'must list every agenda item of the meeting exactly once' },
    ]);
  }
}
