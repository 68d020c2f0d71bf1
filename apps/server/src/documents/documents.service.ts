import { Inject, Injectable } from '@nestjs/common';
import {
  canCreateDocument,
  canManageDocument,
  canViewDocument,
  documentTemplate,
  isDocumentWriter,
  type DocumentActor,
} from '@xieshang/domain';
import type {
  AddCoAuthorBody,
  CreateDocumentBody,
  DocumentList,
  DocumentText,
  DocumentView,
  ListDocumentsQuery,
  RenameDocumentBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CollabService } from '../collab/collab.service.js';
import { proseMirrorToYjsState, yjsToPlainText } from '../collab/yjs-content.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { DocumentAccessService } from './document-access.service.js';
import { personSelect, toDocumentSummary, toDocumentView } from './document.mapper.js';

type ListQuery = z.output<typeof ListDocumentsQuery>;

const isStaff = (user: AuthUser) => user.role === 'admin' || user.role === 'staff';
const canRename = (a: DocumentActor) => isDocumentWriter(a) || canManageDocument(a);

/**
 * Documents' metadata (title, meeting, lock, co-authors) and their creation from a template.
 * Their text lives in the collab tables and is changed only through the collab server (or
 * DocumentVersionsService.restore, which goes through the same log).
 */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: DocumentAccessService,
    private readonly meetings: MeetingAccessService,
    private readonly collab: CollabService,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, body: CreateDocumentBody): Promise<DocumentView> {
    let meetingId = body.meetingId ?? null;
    if (body.agendaItemId) {
      const item = await this.prisma.agendaItem.findUnique({
        where: { id: body.agendaItemId },
        select: { meetingId: true },
      });
      if (!item || (meetingId && item.meetingId !== meetingId)) {
        throw new AppError('validation_failed', [
          { path: 'agendaItemId', message: 'not an agenda item of this meeting' },
        ]);
      }
      meetingId = item.meetingId;
    }
    if (meetingId) {
      const { participant } = await this.meetings.load(user, meetingId);
      if (!canCreateDocument(user.role, { participantRole: participant?.role ?? null }))
        throw new AppError('forbidden');
    } else if (user.meetingScope || !canCreateDocument(user.role, null)) {
      throw new AppError('forbidden');
    }
    const state = proseMirrorToYjsState(documentTemplate(body.kind));
    const document = await this.prisma.$transaction(async (tx) => {
      const created = await tx.document.create({
        data: {
          kind: body.kind,
          title: body.title,
          ownerId: user.id,
          meetingId,
          agendaItemId: body.agendaItemId ?? null,
        },
      });
      await this.collab.createContent(tx, created.id, state);
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'document.created',
        entityType: 'document',
        entityId: created.id,
        meetingId,
        data: { title: created.title, kind: created.kind, agendaItemId: created.agendaItemId },
      });
      return created;
    });
    return this.get(user, document.id);
  }

  async list(user: AuthUser, query: ListQuery): Promise<DocumentList> {
    const filters: Prisma.DocumentWhereInput[] = [];
    if (query.meetingId) filters.push({ meetingId: query.meetingId });
    if (query.agendaItemId) filters.push({ agendaItemId: query.agendaItemId });
    if (query.kind) filters.push({ kind: query.kind });
    if (query.q) filters.push({ title: { contains: query.q, mode: 'insensitive' } });
    if (user.meetingScope) filters.push({ meetingId: user.meetingScope });
    // The same people canViewDocument admits: authors, the meeting's participants, the secretariat.
    if (!isStaff(user) || user.meetingScope) {
      filters.push({
        OR: [
          { ownerId: user.id },
          { coAuthors: { some: { userId: user.id } } },
          { meeting: { participants: { some: { userId: user.id } } } },
        ],
      });
    }
    const where: Prisma.DocumentWhereInput = { AND: filters };
    const [total, rows] = await Promise.all([
      this.prisma.document.count({ where }),
      this.prisma.document.findMany({
        where,
        include: { owner: { select: personSelect } },
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        take: query.limit,
        skip: query.offset,
      }),
    ]);
    return { items: rows.map(toDocumentSummary), total };
  }

  async get(user: AuthUser, documentId: string): Promise<DocumentView> {
    const { actor } = await this.access.load(user, documentId);
    return this.view(documentId, actor);
  }

  async rename(user: AuthUser, documentId: string, body: RenameDocumentBody): Promise<DocumentView> {
    const { document, actor } = await this.access.require(user, documentId, canRename);
    if (document.title !== body.title) {
      await this.prisma.$transaction(async (tx) => {
        await tx.document.update({ where: { id: documentId }, data: { title: body.title } });
        await this.audit.append(tx, {
          actorId: user.id,
          action: 'document.renamed',
          entityType: 'document',
          entityId: documentId,
          meetingId: document.meetingId,
          data: { from: document.title, to: body.title },
        });
      });
    }
    return this.view(documentId, actor);
  }

  /** Freezes (or unfreezes) the text for everyone; open connections reconnect read-only (or editable). */
  async setLocked(user: AuthUser, documentId: string, locked: boolean): Promise<DocumentView> {
    const { document, actor } = await this.access.require(user, documentId, canManageDocument);
    if (document.locked !== locked) {
      await this.prisma.$transaction(async (tx) => {
        await tx.document.update({
          where: { id: documentId },
          data: locked ? { locked, lockedAt: new Date(), lockedById: user.id } : { locked },
        });
        await this.audit.append(tx, {
          actorId: user.id,
          action: locked ? 'document.locked' : 'document.unlocked',
          entityType: 'document',
          entityId: documentId,
          meetingId: document.meetingId,
        });
      });
      this.collab.accessChanged(documentId);
    }
    return this.view(documentId, actor);
  }

  async addCoAuthor(user: AuthUser, documentId: string, body: AddCoAuthorBody): Promise<DocumentView> {
    const { document } = await this.access.require(user, documentId, canManageDocument);
    const target = await this.prisma.user.findUnique({
      where: { id: body.userId },
      select: { id: true, disabled: true },
    });
    if (!target || target.disabled)
      throw new AppError('validation_failed', [{ path: 'userId', message: 'no such active user' }]);
    if (target.id === document.ownerId) throw new AppError('conflict', undefined, 'the owner is already an author');
    const exists = await this.prisma.documentCoAuthor.findUnique({
      where: { documentId_userId: { documentId, userId: target.id } },
    });
    if (!exists) {
      await this.prisma.$transaction(async (tx) => {
        await tx.documentCoAuthor.create({ data: { documentId, userId: target.id } });
        await tx.document.update({ where: { id: documentId }, data: { updatedAt: new Date() } });
        await this.audit.append(tx, {
          actorId: user.id,
          action: 'document.co_author_added',
          entityType: 'document',
          entityId: documentId,
          meetingId: document.meetingId,
          data: { userId: target.id },
        });
      });
      this.collab.accessChanged(documentId);
    }
    return this.get(user, documentId);
  }

  async removeCoAuthor(user: AuthUser, documentId: string, userId: string): Promise<DocumentView> {
    const { document } = await this.access.require(user, documentId, canManageDocument);
    const { count } = await this.prisma.$transaction(async (tx) => {
      const removed = await tx.documentCoAuthor.deleteMany({ where: { documentId, userId } });
      if (removed.count) {
        await this.audit.append(tx, {
          actorId: user.id,
          action: 'document.co_author_removed',
          entityType: 'document',
          entityId: documentId,
          meetingId: document.meetingId,
          data: { userId },
        });
      }
      return removed;
    });
    if (!count) throw new AppError('not_found');
    this.collab.accessChanged(documentId);
    return this.get(user, documentId);
  }

  /** The live text as committed (every edit any client has been sent is in it). */
  async text(user: AuthUser, documentId: string): Promise<DocumentText> {
    const { document } = await this.access.load(user, documentId);
    const content = await this.collab.loadContent(documentId);
    try {
      return { id: document.id, title: document.title, text: yjsToPlainText(content) };
    } finally {
      content.destroy();
    }
  }

  private async view(documentId: string, actor: DocumentActor): Promise<DocumentView> {
    const document = await this.prisma.document.findUniqueOrThrow({
      where: { id: documentId },
      include: {
        owner: { select: personSelect },
        coAuthors: { include: { user: { select: personSelect } }, orderBy: { addedAt: 'asc' } },
      },
    });
    if (!canViewDocument(actor)) throw new AppError('not_found');
    return toDocumentView(
      document,
      document.coAuthors.map((c) => c.user),
      actor,
    );
  }
}
