import type { GlobalRole, ParticipantRole } from '@xieshang/protocol';

/**
 * Guest accounts (特邀代表, officials, experts) exist only through an invitation link to one
 * meeting: their login is confined to it, so they are never added to another meeting's list.
 */
export function canBeAddedAsParticipant(globalRole: GlobalRole): boolean {
  return globalRole !== 'guest';
}

/** Guests take part as guests or observers; organiser and member roles need a full account. */
export function canHoldParticipantRole(globalRole: GlobalRole, role: ParticipantRole): boolean {
  return globalRole !== 'guest' || role === 'guest' || role === 'observer';
}
