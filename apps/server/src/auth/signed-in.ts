import type { LoginResponse } from '@xieshang/protocol';
import type { User } from '../generated/prisma/client.js';
import { toUserView } from '../users/user-view.js';
import type { IssuedSession } from './refresh-sessions.service.js';
import type { TokenService } from './token.service.js';

/** What every sign-in path (login, refresh, password change, invitation) hands to the controller. */
export interface SignedIn {
  body: LoginResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Mints the access token for a session; `meetingScope` confines a guest to their one meeting. */
export async function signedIn(
  tokens: TokenService,
  user: User,
  issued: IssuedSession,
  meetingScope: string | null = null,
): Promise<SignedIn> {
  const accessToken = await tokens.signAccess({
    sub: user.id,
    tv: user.tokenVersion,
    sid: issued.session.id,
    ...(meetingScope ? { mid: meetingScope } : {}),
  });
  return {
    body: { accessToken, expiresIn: tokens.accessTtlSeconds, user: toUserView(user) },
    refreshToken: issued.refresh.token,
    refreshExpiresAt: issued.session.expiresAt,
  };
}
