import type { GlobalRole, UserDetail, UserView } from '@xieshang/protocol';
import type { User } from '../generated/prisma/client.js';

/** The public face of an account: never the password hash, the phone or the lockout state. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabled,
    affiliation: user.affiliation,
    sector: user.sector,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
  };
}

/** What the secretariat sees: adds contact and lockout state (field-level access, ASVS 8.2.3). */
export function toUserDetail(user: User): UserDetail {
  return { ...toUserView(user), phone: user.phone, lockedUntil: user.lockedUntil?.toISOString() ?? null };
}

export const isStaffRole = (role: GlobalRole) => role === 'admin' || role === 'staff';

/** The right view for the person asking. */
export function userViewFor(viewerRole: GlobalRole, user: User): UserView | UserDetail {
  return isStaffRole(viewerRole) ? toUserDetail(user) : toUserView(user);
}

/**
 * Usernames are compared case-insensitively (Latin letters and full-width forms folded), so
 * `ZhangSan`, `zhangsan` and `ｚｈａｎｇｓａｎ` are one account: people type them on phones.
 */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
