import type { GlobalRole } from '@xieshang/protocol';

/** The authenticated caller, attached to the request by the AuthGuard. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: GlobalRole;
  /** Guests are confined to the one meeting their invitation was for. */
  meetingScope: string | null;
  /** The refresh session behind the access token (absent for tokens minted without one). */
  sessionId?: string;
}
