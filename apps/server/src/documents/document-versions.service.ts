import { Inject, Injectable } from '@nestjs/common';
import {
  beforeRestoreVersionName,
  canManageDocument,
  documentTextHash,
  isDocumentWriter,
  type DocumentActor,
} from '@xieshang/domain';
import type {
  CreateVersionBody,
  DiffSide,
  DocumentVersionDetail,
  DocumentVersionList,
  DocumentVersionView,
  RestoreVersionResult,
  VersionDiff,
} from '@xieshang/protocol';
import * as Y from 'yjs';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CollabService } from '../collab/collab.service.js';
import { replaceContentUpdate, yjsToBlocks, yjsToPlainText, yjsToProseMirror } from '../collab/yjs-content.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { DocumentVersion, Prisma } from '../generated/prisma/client.js';
import { DocumentAccessService } from './document-access.service.js';
import { personSelect, toVersionView } from './document.mapper.js';
import { diffBlocks } from './version-diff.js';

const canSaveVersion = (a: DocumentActor) => isDocumentWriter(a) || canManageDocument(a);

function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function withDoc<T>(state: Uint8Array, fn: (doc: Y.Doc) => T): T {
  const doc = docFrom(state);
  try {
    return fn(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Named versions (初稿, 征求意见稿, 表决稿 …): immutable copies of the full Yjs state with their
 * plain text and its SHA-256, numbered per document. Restoring one is a new edit through the
 * update log, never a rewrite: the live history and every version stay.
 */
@Injectable()
export class DocumentVersionsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: DocumentAccessService,
    private readonly collab: CollabService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, documentId: string): Promise<DocumentVersionList> {
    await this.access.load(user, documentId);
    const versions = await this.prisma.documentVersion.findMany({
      where: { documentId },
      include: { author: { select: personSelect } },
      orderBy: { number: 'desc' },
    });
    return { items: versions.map(toVersionView) };
  }

  async create(user: AuthUser, documentId: string, body: CreateVersionBody): Promise<DocumentVersionView> {
    const { document } = await this.access.require(user, documentId, canSaveVersion);
    const content = await this.collab.loadContent(documentId);
    const state = Y.encodeStateAsUpdate(content);
    const text = yjsToPlainText(content);
    content.destroy();
    const version = await this.prisma.$transaction(async (tx) => {
      const created = await this.insert(tx, {
        documentId,
        name: body.name,
        kind: 'named',
        authorId: user.id,
        state,
        text,
        sourceVersionId: null,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'document.version_saved',
        entityType: 'document',
        entityId: documentId,
        meetingId: document.meetingId,
        data: { versionId: created.id, number: created.number, name: created.name, contentHash: created.contentHash },
      });
      return created;
    });
    return this.view(version.id);
  }

  async get(user: AuthUser, documentId: string, versionId: string): Promise<DocumentVersionDetail> {
    await this.access.load(user, documentId);
    const version = await this.find(documentId, versionId);
    const content = withDoc(version.state, yjsToProseMirror);
    return { ...toVersionView(version), text: version.text, content };
  }

  /** The version's full Yjs state, for a client that renders it with a local read-only Y.Doc. */
  async state(user: AuthUser, documentId: string, versionId: string): Promise<Uint8Array> {
    await this.access.load(user, documentId);
    return (await this.find(documentId, versionId)).state;
  }

  async diff(user: AuthUser, documentId: string, versionId: string, to: string): Promise<VersionDiff> {
    await this.access.load(user, documentId);
    const from = await this.find(documentId, versionId);
    const fromBlocks = withDoc(from.state, yjsToBlocks);
    let toBlocks: string[];
    let toSide: DiffSide;
    if (to === 'current') {
      const content = await this.collab.loadContent(documentId);
      try {
        toBlocks = yjsToBlocks(content);
      } finally {
        content.destroy();
      }
      toSide = { id: 'current', name: '当前内容', contentHash: documentTextHash(toBlocks.join('\n')), createdAt: null };
    } else {
      const other = await this.find(documentId, to);
      toBlocks = withDoc(other.state, yjsToBlocks);
      toSide = side(other);
    }
    return { from: side(from), to: toSide, ...diffBlocks(fromBlocks, toBlocks) };
  }

  /**
   * Makes the live document's content equal to the version's, as one new edit appended to the
   * update log in the same transaction as an automatic version of what it replaces and the
   * audit record; then sends the edit to connected clients. Concurrent typing merges with it.
   */
  async restore(user: AuthUser, documentId: string, versionId: string): Promise<RestoreVersionResult> {
    const { document, actor } = await this.access.load(user, documentId);
    if (!isDocumentWriter(actor)) throw new AppError('forbidden');
    if (document.locked) throw new AppError('document_locked');
    const target = await this.find(documentId, versionId);
    const current = await this.collab.loadContent(documentId);
    let update: Uint8Array;
    let currentState: Uint8Array;
    let currentText: string;
    try {
      currentState = Y.encodeStateAsUpdate(current);
      currentText = yjsToPlainText(current);
      update = withDoc(target.state, (targetDoc) => replaceContentUpdate(current, targetDoc));
    } finally {
      current.destroy();
    }
    const savedBefore = await this.prisma.$transaction(async (tx) => {
      // Re-checked under the row lock: a lock taken meanwhile wins.
      const [row] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT "locked" FROM "Document" WHERE "id" = ${documentId} FOR UPDATE`;
      if (row?.locked) throw new AppError('document_locked');
      const saved = await this.insert(tx, {
        documentId,
        name: beforeRestoreVersionName(target.name, target.number),
        kind: 'before_restore',
        authorId: user.id,
        state: currentState,
        text: currentText,
        sourceVersionId: target.id,
      });
      await this.collab.appendUpdate(tx, documentId, update);
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'document.version_restored',
        entityType: 'document',
        entityId: documentId,
        meetingId: document.meetingId,
        data: { versionId: target.id, number: target.number, savedBeforeVersionId: saved.id },
      });
      return saved;
    });
    this.collab.publish(documentId, update);
    return { restored: await this.view(target.id), savedBefore: await this.view(savedBefore.id) };
  }

  /** Numbers versions 1, 2, 3 … per document; the advisory lock serialises concurrent saves (UNIQUE is the backstop). */
  private async insert(
    tx: Prisma.TransactionClient,
    v: Pick<DocumentVersion, 'documentId' | 'name' | 'kind' | 'authorId' | 'text' | 'sourceVersionId'> & {
      state: Uint8Array;
    },
  ): Promise<DocumentVersion> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`document-versions:${v.documentId}`}))`;
    const last = await tx.documentVersion.aggregate({ where: { documentId: v.documentId }, _max: { number: true } });
    return tx.documentVersion.create({
      data: {
        ...v,
        state: v.state as Uint8Array<ArrayBuffer>,
        number: (last._max.number ?? 0) + 1,
        contentHash: documentTextHash(v.text),
      },
    });
  }

  private async find(documentId: string, versionId: string) {
    const version = await this.prisma.documentVersion.findFirst({
      where: { id: versionId, documentId },
      include: { author: { select: personSelect } },
    });
    if (!version) throw new AppError('not_found');
    return version;
  }

  private async view(versionId: string): Promise<DocumentVersionView> {
    return toVersionView(
      await this.prisma.documentVersion.findUniqueOrThrow({
        where: { id: versionId },
        include: { author: { select: personSelect } },
      }),
    );
  }
}

function side(v: DocumentVersion): DiffSide {
  return { id: v.id, name: v.name, contentHash: v.contentHash, createdAt: v.createdAt.toISOString() };
}
