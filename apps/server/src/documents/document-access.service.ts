import { Inject, Injectable } from '@nestjs/common';
import { canViewDocument, type DocumentActor } from '@xieshang/domain';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Document } from '../generated/prisma/client.js';

export interface DocumentAccess {
  document: Document;
  actor: DocumentActor;
}

/**
 * The one way a document is loaded for a user: who they are to it (owner, co-author, role in its
 * meeting) as a DocumentActor for the predicates in libs/domain/src/documents. Used by the REST
 * API and by the collab server's handshake alike, so both enforce the same rules.
 */
@Injectable()
export class DocumentAccessService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** null when the document does not exist. Does not check that the user may see it. */
  async resolve(user: AuthUser, documentId: string): Promise<DocumentAccess | null> {
    const document = await this.prisma.document.findUnique({ where: { id: documentId } });
    if (!document) return null;
    const [coAuthor, participant] = await Promise.all([
      this.prisma.documentCoAuthor.findUnique({ where: { documentId_userId: { documentId, userId: user.id } } }),
      document.meetingId && !this.outOfScope(user, document)
        ? this.prisma.participant.findUnique({
            where: { meetingId_userId: { meetingId: document.meetingId, userId: user.id } },
            select: { role: true },
          })
        : null,
    ]);
    // Guests (invitation links) act only inside their meeting: elsewhere they are nobody.
    const scoped = this.outOfScope(user, document);
    const actor: DocumentActor = {
      globalRole: user.role,
      isOwner: !scoped && document.ownerId === user.id,
      isCoAuthor: !scoped && coAuthor !== null,
      participantRole: participant?.role ?? null,
    };
    return { document, actor };
  }

  /** For the HTTP API: a document the caller may not see answers 404, like one that does not exist. */
  async load(user: AuthUser, documentId: string): Promise<DocumentAccess> {
    const access = await this.resolve(user, documentId);
    if (!access || !canViewDocument(access.actor) || this.outOfScope(user, access.document))
      throw new AppError('not_found');
    return access;
  }

  /** Loads and requires a predicate from libs/domain (403 when it fails). */
  async require(
    user: AuthUser,
    documentId: string,
    allowed: (actor: DocumentActor, document: Document) => boolean,
  ): Promise<DocumentAccess> {
    const access = await this.load(user, documentId);
    if (!allowed(access.actor, access.document)) throw new AppError('forbidden');
    return access;
  }

  /**
   * The same as `resolve` for many (user, document) pairs at once, in a fixed number of queries
   * (the collab server re-checks every open connection periodically). Users are as stored now:
   * a missing or disabled user, or a bumped tokenVersion, is reported as `userValid: false`.
   */
  async resolveMany(
    pairs: { user: AuthUser; tokenVersion: number; documentId: string }[],
  ): Promise<{ userValid: boolean; access: DocumentAccess | null }[]> {
    const userIds = [...new Set(pairs.map((p) => p.user.id))];
    const documentIds = [...new Set(pairs.map((p) => p.documentId))];
    const sessionIds = [...new Set(pairs.map((p) => p.user.sessionId).filter((x): x is string => !!x))];
    const [users, documents, coAuthors, sessions] = await Promise.all([
      this.prisma.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, role: true, disabled: true, tokenVersion: true },
      }),
      this.prisma.document.findMany({ where: { id: { in: documentIds } } }),
      this.prisma.documentCoAuthor.findMany({ where: { documentId: { in: documentIds }, userId: { in: userIds } } }),
      this.prisma.session.findMany({
        where: { id: { in: sessionIds } },
        select: { id: true, userId: true, revokedAt: true },
      }),
    ]);
    const meetingIds = [...new Set(documents.map((d) => d.meetingId).filter((x): x is string => !!x))];
    const participants = await this.prisma.participant.findMany({
      where: { meetingId: { in: meetingIds }, userId: { in: userIds } },
      select: { meetingId: true, userId: true, role: true },
    });
    const userOf = new Map(users.map((u) => [u.id, u]));
    const documentOf = new Map(documents.map((d) => [d.id, d]));
    const sessionOf = new Map(sessions.map((x) => [x.id, x]));
    const coAuthor = new Set(coAuthors.map((c) => `${c.documentId}/${c.userId}`));
    const roleOf = new Map(participants.map((p) => [`${p.meetingId}/${p.userId}`, p.role]));
    return pairs.map(({ user, tokenVersion, documentId }) => {
      const stored = userOf.get(user.id);
      const session = user.sessionId ? sessionOf.get(user.sessionId) : undefined;
      const sessionOk = !user.sessionId || (!!session && session.userId === user.id && !session.revokedAt);
      const userValid = !!stored && !stored.disabled && stored.tokenVersion === tokenVersion && sessionOk;
      const document = documentOf.get(documentId);
      if (!userValid || !stored || !document) return { userValid, access: null };
      const current: AuthUser = { ...user, role: stored.role };
      const scoped = this.outOfScope(current, document);
      const actor: DocumentActor = {
        globalRole: stored.role,
        isOwner: !scoped && document.ownerId === user.id,
        isCoAuthor: !scoped && coAuthor.has(`${documentId}/${user.id}`),
        participantRole: (!scoped && document.meetingId && roleOf.get(`${document.meetingId}/${user.id}`)) || null,
      };
      return { userValid, access: { document, actor } };
    });
  }

  private outOfScope(user: AuthUser, document: Document): boolean {
    return user.meetingScope !== null && document.meetingId !== user.meetingScope;
  }
}
