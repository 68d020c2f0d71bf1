import { z } from 'zod';
import { Id } from './common.js';
import { Password, UserView } from './users.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginBody = z.infer<typeof LoginBody>;

/**
 * Login and refresh answer with a short-lived access token (send as `Authorization: Bearer`)
 * and set the refresh token as an HttpOnly cookie (`xs_refresh`, path /api/auth).
 */
export const LoginResponse = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int(),
  user: UserView,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** A guest accepts an invitation link: no password, a token scoped to that one meeting. */
export const AcceptInvitationBody = z.object({
  displayName: z.string().trim().min(1).max(64),
  affiliation: z.string().trim().max(200).optional(),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const AcceptInvitationResponse = LoginResponse.extend({ meetingId: z.string() });
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponse>;

/** GET /api/auth/me: the caller's account, plus the one meeting a guest token is confined to. */
export const MeResponse = UserView.extend({ meetingScope: Id.nullable() });
export type MeResponse = z.infer<typeof MeResponse>;
