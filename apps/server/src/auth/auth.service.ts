import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ChangePasswordBody, LoginBody, MeResponse } from '@xieshang/protocol';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { User } from '../generated/prisma/client.js';
import { normalizeUsername, toUserView } from '../users/user-view.js';
import { afterFailedAttempt, isLocked } from './account-lockout.js';
import { AttemptLimiter } from './attempt-limiter.js';
import type { AuthUser } from './auth-user.js';
import { PasswordHasher } from './password-hasher.js';
import { assertStrongPassword } from './password-policy.js';
import { RefreshSessionsService } from './refresh-sessions.service.js';
import { signedIn, type SignedIn } from './signed-in.js';
import { TokenService } from './token.service.js';

type PasswordUser = User & { passwordHash: string };

/** Sign-in attempts in flight per client IP (see AttemptLimiter): ~3 s of hashing queue on two cores. */
const MAX_ATTEMPTS_IN_FLIGHT_PER_IP = 100;
/** Outcomes that count as a guess against the per-IP failure limit. */
const FAILED_GUESSES = new Set(['invalid_credentials', 'wrong_password', 'account_locked']);

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

/**
 * Sign-in, refresh, sign-out and password change. Brute force is met twice (ASVS 6.3.1): a
 * per-account counter in the database locks the account, and an in-memory per-IP limiter
 * slows one client guessing across many accounts.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly ipAttempts: AttemptLimiter;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly sessions: RefreshSessionsService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {
    this.ipAttempts = new AttemptLimiter(config.XS_LOGIN_IP_LIMIT, MAX_ATTEMPTS_IN_FLIGHT_PER_IP);
  }

  login(body: LoginBody, client: ClientInfo): Promise<SignedIn> {
    return this.throttled(client.ip, async () => {
      const found = await this.prisma.user.findUnique({ where: { username: normalizeUsername(body.username) } });
      const user = await this.checkPassword(found, body.password, client);
      // Only after the password: a guesser must not learn which accounts are disabled.
      if (user.disabled) throw new AppError('account_disabled');
      return this.startSession(user, body.password, client);
    });
  }

  /** Rotates the refresh token; a guest keeps the meeting scope of their invitation. */
  async refresh(refreshToken: unknown): Promise<SignedIn> {
    const rotated = await this.sessions.rotate(refreshToken);
    return signedIn(this.tokens, rotated.user, rotated, await this.meetingScopeOf(rotated.user));
  }

  /** Ends the cookie's session and the bearer token's session, whichever are present. */
  async logout(refreshToken: unknown, bearer: string | undefined): Promise<void> {
    const ids = new Set<string>();
    const fromCookie = await this.sessions.findActive(refreshToken);
    if (fromCookie) ids.add(fromCookie.id);
    const claims = bearer ? await this.tokens.verifyAccess(bearer).catch(() => null) : null;
    if (claims?.sid) ids.add(claims.sid);
    for (const id of ids) {
      await this.prisma.$transaction(async (tx) => {
        const session = await tx.session.findUnique({ where: { id }, select: { userId: true } });
        if (!session || !(await this.sessions.revoke(tx, id))) return;
        await this.audit.append(tx, {
          actorId: session.userId,
          action: 'auth.logout',
          entityType: 'session',
          entityId: id,
        });
      });
    }
  }

  async me(caller: AuthUser): Promise<MeResponse> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: caller.id } });
    return { ...toUserView(user), meetingScope: caller.meetingScope };
  }

  /**
   * Re-authenticates with the current password (ASVS 7.5.1), then ends every session and
   * access token of the account (tokenVersion bump) and signs this device in afresh.
   */
  async changePassword(caller: AuthUser, body: ChangePasswordBody, client: ClientInfo): Promise<SignedIn> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: caller.id } });
    if (!user.passwordHash) throw new AppError('forbidden', undefined, 'guest accounts have no password');
    assertStrongPassword(body.newPassword, user.username, 'newPassword');
    if (body.newPassword === body.currentPassword) {
      throw new AppError('validation_failed', [
        { path: 'newPassword', message: 'must differ from the current password' },
      ]);
    }
    const currentHash = user.passwordHash;
    await this.throttled(client.ip, async () => {
      if (isLocked(user.lockedUntil, new Date())) throw new AppError('account_locked');
      const matches = await this.hasher.verify(currentHash, body.currentPassword);
      if (!matches) await this.recordFailure(user, client, 'wrong_password');
    });
    const passwordHash = await this.hasher.hash(body.newPassword);
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: user.id },
        data: {
          passwordHash,
          mustChangePassword: false,
          failedLogins: 0,
          lockedUntil: null,
          tokenVersion: { increment: 1 },
        },
      });
      await this.sessions.revokeAll(tx, user.id);
      const issued = await this.sessions.issue(tx, user.id, client.userAgent);
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
      });
      return signedIn(this.tokens, updated, issued);
    });
  }

  /** Runs a password check under the per-IP limiter; wrong guesses count against the client's window. */
  private async throttled<T>(ip: string, attempt: () => Promise<T>): Promise<T> {
    if (!this.ipAttempts.tryBegin(ip))
      throw new AppError('too_many_requests', undefined, `sign-in attempts from ${ip}`);
    let failed = false;
    try {
      return await attempt();
    } catch (e) {
      failed = e instanceof AppError && FAILED_GUESSES.has(e.code);
      throw e;
    } finally {
      this.ipAttempts.end(ip, failed);
    }
  }

  /** Throws unless the password is right; unknown and locked accounts cost the same hash. */
  private async checkPassword(user: User | null, password: string, client: ClientInfo): Promise<PasswordUser> {
    if (!user?.passwordHash) {
      await this.hasher.verifyDummy(password);
      this.logger.warn(`sign-in failed: unknown or password-less account, ip ${client.ip}`);
      throw new AppError('invalid_credentials');
    }
    if (isLocked(user.lockedUntil, new Date())) {
      await this.hasher.verifyDummy(password);
      throw new AppError('account_locked');
    }
    if (!(await this.hasher.verify(user.passwordHash, password)))
      await this.recordFailure(user, client, 'invalid_credentials');
    return user as PasswordUser;
  }

  /** Counts a wrong password; the failure that reaches the limit locks the account and says so. */
  private async recordFailure(
    user: User,
    client: ClientInfo,
    code: 'invalid_credentials' | 'wrong_password',
  ): Promise<never> {
    const now = new Date();
    const { failedLogins } = await this.prisma.user.update({
      where: { id: user.id },
      data: { failedLogins: { increment: 1 } },
      select: { failedLogins: true },
    });
    const next = afterFailedAttempt(failedLogins, this.lockoutPolicy, now);
    this.logger.warn(`sign-in failed for user ${user.id} (${failedLogins} in a row), ip ${client.ip}`);
    if (!next.lockedUntil) throw new AppError(code);
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: next });
      await this.audit.append(tx, {
        actorId: null,
        action: 'auth.account_locked',
        entityType: 'user',
        entityId: user.id,
        data: { until: next.lockedUntil!.toISOString(), ip: client.ip },
      });
    });
    throw new AppError('account_locked');
  }

  private get lockoutPolicy() {
    return { maxFailures: this.config.XS_LOGIN_MAX_FAILURES, lockMinutes: this.config.XS_LOGIN_LOCK_MINUTES };
  }

  /**
   * Clears the failure count, upgrades an outdated hash and opens a session. Deliberately not an
   * audit-chain event: a thousand members signing in as a meeting opens would all queue on the
   * global chain's lock and exhaust the connection pool. The Session row (user, time, client) and
   * the structured log record the sign-in instead.
   */
  private async startSession(user: PasswordUser, password: string, client: ClientInfo): Promise<SignedIn> {
    const passwordHash = this.hasher.needsRehash(user.passwordHash) ? await this.hasher.hash(password) : undefined;
    const fresh =
      user.failedLogins > 0 || user.lockedUntil || passwordHash
        ? await this.prisma.user.update({
            where: { id: user.id },
            data: { failedLogins: 0, lockedUntil: null, ...(passwordHash ? { passwordHash } : {}) },
          })
        : user;
    const issued = await this.sessions.issue(this.prisma, user.id, client.userAgent);
    this.logger.log(`signed in: user ${user.id}, session ${issued.session.id}, ip ${client.ip}`);
    return signedIn(this.tokens, fresh, issued);
  }

  /** Guests are confined to the meeting they were invited to; everyone else is unscoped. */
  private async meetingScopeOf(user: User): Promise<string | null> {
    if (user.role !== 'guest') return null;
    const participation = await this.prisma.participant.findFirst({
      where: { userId: user.id },
      orderBy: { invitedAt: 'asc' },
      select: { meetingId: true },
    });
    if (!participation) throw new AppError('authentication_required', undefined, 'guest without a meeting');
    return participation.meetingId;
  }
}
