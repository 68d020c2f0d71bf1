import type { GlobalRole } from '@xieshang/protocol';

/** The secretariat (staff) and admins set up committees and their membership. */
export function canManageCommittees(role: GlobalRole): boolean {
  return role === 'admin' || role === 'staff';
}

/** Everyone with an account sees the committee structure; guests only ever see their one meeting. */
export function canViewCommittees(role: GlobalRole): boolean {
  return role !== 'guest';
}
