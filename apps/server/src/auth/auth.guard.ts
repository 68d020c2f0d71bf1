import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GlobalRole } from '@xieshang/protocol';
import type { Request } from 'express';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { AuthUser } from './auth-user.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { RefreshSessionsService } from './refresh-sessions.service.js';
import { TokenService } from './token.service.js';

export function bearerToken(req: Pick<Request, 'headers'>): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice(7).trim() || undefined;
}

/**
 * Global guard, deny by default: every HTTP route needs a valid access token unless marked
 * @Public(). The user row is read on every request so disabling an account or bumping its
 * tokenVersion takes effect at once (a primary-key lookup), and so is the token's refresh session,
 * so logging out ends the access token too rather than leaving it valid until it expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly sessions: RefreshSessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    req.user = await this.authenticate(bearerToken(req));

    const roles = this.reflector.getAllAndOverride<GlobalRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.user.role)) throw new AppError('forbidden');
    return true;
  }

  /** Shared with the websocket handshakes (guards do not run on connect; see reliability notes). */
  async authenticate(token: string | undefined): Promise<AuthUser> {
    if (!token) throw new AppError('authentication_required');
    const claims = await this.tokens.verifyAccess(token);
    const [user, sessionActive] = await Promise.all([
      this.prisma.user.findUnique({ where: { id: claims.sub } }),
      claims.sid ? this.sessions.isActive(claims.sid, claims.sub) : true,
    ]);
    if (!user || user.tokenVersion !== claims.tv || !sessionActive) throw new AppError('authentication_required');
    if (user.disabled) throw new AppError('account_disabled');
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      meetingScope: claims.mid ?? null,
      ...(claims.sid ? { sessionId: claims.sid } : {}),
    };
  }
}
