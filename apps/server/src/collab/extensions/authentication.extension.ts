import { Inject, Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { collabAccess } from '@xieshang/domain';
import { CollabCloseCode } from '@xieshang/protocol';
import { AuthGuard } from '../../auth/auth.guard.js';
import { AppError } from '../../common/errors/app-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { DocumentAccessService } from '../../documents/document-access.service.js';
import { CollabRefusal, type CollabExtension, type CollabPrincipal, type CollabRequest } from '../collab.types.js';

/**
 * Who may open a document's socket, decided before the handshake completes (Nest guards do not
 * run on websocket connections): a foreign browser Origin → 4403 (cross-site websocket
 * hijacking); no valid access token → 4401; no such document → 4404; not allowed to see it →
 * 4403. Otherwise the connection edits or only reads, by libs/domain `collabAccess`.
 */
@Injectable()
export class AuthenticationExtension implements CollabExtension {
  readonly name = 'authentication';

  constructor(
    private readonly guard: AuthGuard,
    private readonly documents: DocumentAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onAuthenticate(request: CollabRequest): Promise<CollabPrincipal> {
    if (!this.originAllowed(request)) throw new CollabRefusal(CollabCloseCode.Forbidden, 'foreign origin');
    let user;
    try {
      user = await this.guard.authenticate(request.token);
    } catch (err) {
      if (err instanceof AppError) throw new CollabRefusal(CollabCloseCode.Unauthorized, err.code);
      throw err;
    }
    const resolved = await this.documents.resolve(user, request.documentId);
    if (!resolved) throw new CollabRefusal(CollabCloseCode.NotFound);
    const access = collabAccess(resolved.actor, resolved.document.locked);
    if (access === 'none') throw new CollabRefusal(CollabCloseCode.Forbidden);
    // The signature was verified just now by authenticate(); only the claim is read here.
    const tokenVersion = Number(decodeJwt(request.token!).tv);
    return { user, tokenVersion, access };
  }

  /**
   * Sockets outlive their access token: every XS_SESSION_REVALIDATE_SECONDS the server asks
   * again whether the account is still enabled and signed in (tokenVersion, session) and what
   * it may do with the document, in one batch of queries. Expiry alone does not close a socket.
   */
  async onRevalidate(
    connections: { principal: CollabPrincipal; documentId: string }[],
  ): Promise<(CollabCloseCode | null)[]> {
    const results = await this.documents.resolveMany(
      connections.map((c) => ({
        user: c.principal.user,
        tokenVersion: c.principal.tokenVersion,
        documentId: c.documentId,
      })),
    );
    return results.map(({ userValid, access }, i) => {
      if (!userValid) return CollabCloseCode.Unauthorized;
      if (!access) return CollabCloseCode.NotFound;
      const now = collabAccess(access.actor, access.document.locked);
      if (now === 'none') return CollabCloseCode.Forbidden;
      return now === connections[i]!.principal.access ? null : CollabCloseCode.AccessChanged;
    });
  }

  /** Non-browser clients send no Origin; browsers must be same-origin or listed in XS_CORS_ORIGINS. */
  private originAllowed({ origin, host }: CollabRequest): boolean {
    if (!origin) return true;
    if (this.config.XS_CORS_ORIGINS.includes(origin)) return true;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
}
