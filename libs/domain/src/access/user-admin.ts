import type { GlobalRole } from '@xieshang/protocol';

/** Admins and staff (秘书处) create accounts; only admins create admins or staff. */
export function canCreateUserWithRole(actor: GlobalRole, target: GlobalRole): boolean {
  if (actor === 'admin') return target !== 'guest';
  if (actor === 'staff') return target === 'member';
  return false;
}

/** Admins manage everyone; staff manage members only. Nobody disables themselves. */
export function canManageUser(actor: GlobalRole, target: GlobalRole, isSelf: boolean): boolean {
  if (isSelf) return false;
  if (actor === 'admin') return true;
  if (actor === 'staff') return target === 'member' || target === 'guest';
  return false;
}
