import { invitationState } from '@xieshang/domain';
import type { InvitationView } from '@xieshang/protocol';
import type { Invitation } from '../generated/prisma/client.js';
import { iso, isoOrNull } from './person-ref.mapper.js';

/** `url` is passed only when the invitation has just been created: the token exists nowhere else. */
export function toInvitationView(inv: Invitation, now: Date, url?: string): InvitationView {
  return {
    id: inv.id,
    meetingId: inv.meetingId,
    role: inv.role,
    name: inv.name,
    affiliation: inv.affiliation,
    expiresAt: iso(inv.expiresAt),
    maxUses: inv.maxUses,
    uses: inv.uses,
    revokedAt: isoOrNull(inv.revokedAt),
    createdAt: iso(inv.createdAt),
    state: invitationState(inv, now),
    ...(url ? { url } : {}),
  };
}
