import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma, Session, User } from '../generated/prisma/client.js';
import { newRefreshToken, newSessionId, parseRefreshToken, sameDigest, type RefreshToken } from './refresh-token.js';

/**
 * Two tabs (or a phone waking up) may refresh with the same cookie at the same moment. The
 * loser presents a token that was rotated a moment ago: inside this window that is answered
 * with 409 (retry: the browser now holds the new cookie) instead of being treated as theft.
 */
export const ROTATION_GRACE_MS = 10_000;

export interface IssuedSession {
  session: Session;
  refresh: RefreshToken;
}

type Db = Prisma.TransactionClient | PrismaClient;

/**
 * Refresh sessions (one per sign-in or accepted invitation). Tokens rotate on every refresh;
 * presenting a rotated-away token revokes the whole session (stolen-token detection).
 * Sessions expire absolutely XS_REFRESH_TOKEN_DAYS after sign-in; rotation does not extend them.
 */
@Injectable()
export class RefreshSessionsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async issue(db: Db, userId: string, userAgent: string | undefined): Promise<IssuedSession> {
    const refresh = newRefreshToken(newSessionId());
    const session = await db.session.create({
      data: {
        id: refresh.sessionId,
        userId,
        tokenHash: refresh.hash,
        expiresAt: new Date(Date.now() + this.config.XS_REFRESH_TOKEN_DAYS * 86_400_000),
        userAgent: userAgent?.slice(0, 300) ?? null,
      },
    });
    return { session, refresh };
  }

  /** Swaps a valid refresh token for a new one. Throws 401 / 403 / 409 (see ROTATION_GRACE_MS). */
  async rotate(token: unknown): Promise<IssuedSession & { user: User }> {
    const presented = parseRefreshToken(token);
    if (!presented) throw new AppError('authentication_required', undefined, 'malformed refresh token');
    const found = await this.prisma.session.findUnique({ where: { id: presented.sessionId }, include: { user: true } });
    if (!found || found.revokedAt || found.expiresAt <= new Date()) {
      throw new AppError('authentication_required', undefined, 'refresh session not active');
    }
    const { user, ...session } = found;
    if (!sameDigest(session.tokenHash, presented.hash)) await this.onStaleToken(session);
    if (user.disabled) throw new AppError('account_disabled');

    const next = newRefreshToken(session.id);
    const now = new Date();
    // Compare-and-swap on the old hash: of two concurrent rotations exactly one wins.
    const swapped = await this.prisma.session.updateMany({
      where: { id: session.id, tokenHash: session.tokenHash, revokedAt: null },
      data: { tokenHash: next.hash, lastUsedAt: now },
    });
    if (swapped.count !== 1) throw new AppError('conflict', undefined, 'concurrent refresh');
    return { session: { ...session, tokenHash: next.hash, lastUsedAt: now }, refresh: next, user };
  }

  /** A token of this session that is no longer its current one: a concurrent refresh, or reuse. */
  private async onStaleToken(session: Session): Promise<never> {
    if (Date.now() - session.lastUsedAt.getTime() < ROTATION_GRACE_MS) {
      throw new AppError('conflict', undefined, 'refresh token rotated moments ago');
    }
    await this.prisma.$transaction(async (tx) => {
      await tx.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
      await this.audit.append(tx, {
        actorId: session.userId,
        action: 'auth.refresh_reuse_detected',
        entityType: 'session',
        entityId: session.id,
      });
    });
    throw new AppError('authentication_required', undefined, 'rotated refresh token reused; session revoked');
  }

  /** The active session a refresh token belongs to, if the token is its current one. */
  async findActive(token: unknown): Promise<Session | null> {
    const presented = parseRefreshToken(token);
    if (!presented) return null;
    const session = await this.prisma.session.findUnique({ where: { id: presented.sessionId } });
    if (!session || session.revokedAt || !sameDigest(session.tokenHash, presented.hash)) return null;
    return session;
  }

  /** Revokes one session; true when it was still active. */
  async revoke(db: Db, sessionId: string): Promise<boolean> {
    const { count } = await db.session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count === 1;
  }

  /** Ends every session of a user (password change or reset, disable: ASVS 7.4.2). */
  async revokeAll(db: Db, userId: string): Promise<number> {
    const { count } = await db.session.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count;
  }

  /** Used by the guard: access tokens carry their session id, so logout ends them at once (ASVS 7.4.1). */
  async isActive(sessionId: string, userId: string): Promise<boolean> {
    const session = await this.prisma.session.findUnique({
      where: { id: sessionId },
      select: { userId: true, revokedAt: true },
    });
    return !!session && session.userId === userId && !session.revokedAt;
  }
}
