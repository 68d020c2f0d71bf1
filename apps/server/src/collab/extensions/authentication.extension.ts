import { Inject, Injectable } from '@nestjs/common';
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
    return { user, access };
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
